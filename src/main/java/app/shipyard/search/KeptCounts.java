package app.shipyard.search;

import io.vertx.sqlclient.Tuple;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Facet counts without visiting projects: without words, a facet whose counts only depend on the chosen years (no
 * filter is chosen but the year, or the facet's own) is counted by summing those the database keeps per year
 * ({@code search_facet_counts}, migration V18, exact by a trigger on {@code project_search}). The year's own counts
 * are over all years, the others within the chosen ones.
 */
final class KeptCounts {

  /** The kept counts of the facets named at {@code $1} ({@code facet} keys), within the years at {@code $2}. */
  private static final String KEPT = """
      SELECT c.facet, c.key, nullif(min(c.label), '') AS label, sum(c.n)::bigint AS n
        FROM search_facet_counts c
       WHERE c.facet = ANY ($%1$d::text[]) AND c.n > 0
         AND (c.facet = 'year' OR cardinality($%2$d::bigint[]) = 0 OR c.year = ANY ($%2$d::bigint[]))
       GROUP BY c.facet, c.key""";

  private KeptCounts() {}

  /** The facets whose counts are kept ones in this search; every facet (and the total) when it has no filter. */
  static Set<Facet> facets(SearchQuery query) {
    Set<Facet> kept = EnumSet.noneOf(Facet.class);
    if (query.hasText()) {
      return kept;
    }
    for (Facet facet : Facet.values()) {
      if (query.filters().keySet().stream().allMatch(f -> f == facet || f == Facet.YEAR)) {
        kept.add(facet);
      }
    }
    return kept;
  }

  /** Whether the kept counts answer every facet of this search and its total (no filter but the year). */
  static boolean answer(SearchQuery query) {
    return facets(query).size() == Facet.values().length;
  }

  /** The kept counts of these facets within the chosen years, binding both to the next two parameters. */
  static String counts(SearchQuery query, Stream<String> facets, Tuple params) {
    params.addArrayOfString(facets.toArray(String[]::new));
    SearchSql.bind(params, Facet.YEAR, query.values(Facet.YEAR));
    return KEPT.formatted(params.size() - 1, params.size());
  }

  /** The whole statement when the kept counts {@link #answer} the search: every facet and the total (facet ''). */
  static SearchSql.Statement statement(SearchQuery query) {
    Tuple params = Tuple.tuple();
    String counted = "WITH counted AS (" + counts(query,
        Stream.concat(Stream.of(Facet.values()).map(Facet::key), Stream.of("")), params) + "),\n";
    params.addArrayOfString(query.values(Facet.YEAR).stream().map(y -> Facet.YEAR.key() + ":" + y)
        .toArray(String[]::new));
    return new SearchSql.Statement(counted + SearchSql.RANKED.formatted(params.size()), params);
  }
}
