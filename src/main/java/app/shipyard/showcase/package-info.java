/**
 * The showcase: the archive of published events (those in results or archived), newest first and by year, each
 * event's gallery with its winners pinned first, the stable project pages ({@code /projects/{id}}, the pitch id) with
 * team, demo links, awards and outcomes, everything that shipped, and the Atom feed of results and shipped outcomes.
 * Published pages answer conditional requests; the home and project pages are kept in memory under the database's
 * change clock ({@link app.shipyard.cache.Clock}, see {@code KeptPages}), the others versioned by per-event change
 * counters kept by the database.
 */
package app.shipyard.showcase;
