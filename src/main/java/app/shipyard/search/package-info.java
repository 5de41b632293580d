/**
 * Archive search: PostgreSQL full-text search over the projects of published events (ranked, highlighted, stemmed,
 * prefix matching on the last word, a typo-tolerant fallback through the trigram vocabulary), narrowed by facets with
 * exact counts. The search documents are kept by triggers (see {@code sql/V14__search.sql}), and so are the facet
 * counts per year that answer searches without words ({@code sql/V18__insight_facts.sql}) and the data version answers
 * are kept under ({@code sql/V20__search_version.sql}, {@code SearchCache}); this package only reads them (and compacts
 * the version's rows).
 */
package app.shipyard.search;
