/**
 * The home page: what matters now to the signed-in person (events under way and their next date, their teams,
 * pitches that match their skills, join requests waiting for them as captain, and for organisers what needs them),
 * read with a few bounded queries in {@link app.shipyard.home.HomeRepository}.
 */
package app.shipyard.home;
