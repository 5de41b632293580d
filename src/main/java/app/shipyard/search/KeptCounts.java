package app.shipyard.search;

import io.vertx.sqlclient.Tuple;

/**
 * Facet counts without visiting projects: for a search without words whose only filter (if any) is the year, the
 * counts are sums of those the database keeps per year ({@code search_facet_counts}, migration V18, exact by a
 * trigger on {@code project_search}). The year's own counts are over all years, the others within the chosen ones.
 */
final class KeptCounts {

  /** {@code $1} the chosen years (empty for all), then {@link SearchSql#RANKED} with the chosen values at {@code $2}. */
  private static final String KEPT = """
      WITH counted AS (
        SELECT c.facet, c.key, nullif(min(c.label), '') AS label, sum(c.n)::bigint AS n
          FROM search_facet_counts c
         WHERE c.n > 0 AND (c.facet = 'year' OR cardinality($1::bigint[]) = 0 OR c.year = ANY ($1::bigint[]))
         GROUP BY c.facet, c.key),
      """;

  private KeptCounts() {}

  /** Whether the kept counts answer this search. */
  static boolean answer(SearchQuery query) {
    return !query.hasText() && query.filters().keySet().stream().allMatch(f -> f == Facet.YEAR);
  }

  static SearchSql.Statement statement(SearchQuery query) {
    Tuple params = Tuple.tuple();
    SearchSql.bind(params, Facet.YEAR, query.values(Facet.YEAR));
    params.addArrayOfString(query.values(Facet.YEAR).stream().map(y -> Facet.YEAR.key() + ":" + y)
        .toArray(String[]::new));
    return new SearchSql.Statement(KEPT + SearchSql.RANKED.formatted(2), params);
  }
}
