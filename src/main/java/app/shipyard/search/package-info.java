/**
 * Archive search: PostgreSQL full-text search over the projects of published events (ranked, highlighted, stemmed,
 * prefix matching on the last word, a typo-tolerant fallback through the trigram vocabulary), narrowed by facets with
 * exact counts. The search documents are kept by triggers (see {@code sql/V14__search.sql}), and so are the facet
 * counts per year that answer searches without words ({@code sql/V18__insight_facts.sql}); this package only reads.
 */
package app.shipyard.search;
