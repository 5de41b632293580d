package app.shipyard.search;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Facet counts and the total counted over the matching projects, one aggregate per facet: a project counts towards a
 * facet's values when it passes every chosen filter but (possibly) that facet's own, so the counts say what choosing
 * (or adding) a value would give. Only the projects some count needs are read (those missing at most one filter,
 * and only filters of facets counted here), and a facet whose counts are kept ones ({@link KeptCounts#facets}) is
 * summed from those instead. The total is the row with the empty facet.
 */
final class CountedFacets {

  /** Arrays are unnested in the select list (one pass per facet, no function scan per project). */
  private static final String COUNTED = """
      matched AS MATERIALIZED (
        SELECT s.year, s.event_id, s.kind, s.location_ids, s.departments, s.tags, s.skill_keys, s.awards, s.outcome,
               %2$s FROM project_search s%1$s),
      judged AS (SELECT m.*, %3$s AS misses FROM matched m),
      counted AS (
        SELECT 'year' AS facet, j.year::text AS key, NULL::text AS label, count(*) AS n
          FROM judged j WHERE %4$s GROUP BY j.year
        UNION ALL SELECT 'event', j.event_id::text, NULL, count(*) FROM judged j WHERE %5$s GROUP BY j.event_id
        UNION ALL SELECT 'kind', j.kind, NULL, count(*) FROM judged j WHERE %6$s GROUP BY j.kind
        UNION ALL SELECT 'location', x.l::text, NULL, count(*)
                    FROM (SELECT unnest(j.location_ids) AS l FROM judged j WHERE %7$s) x GROUP BY x.l
        UNION ALL SELECT 'department', lower(x.d), min(x.d), count(*)
                    FROM (SELECT unnest(j.departments) AS d FROM judged j WHERE %8$s) x GROUP BY lower(x.d)
        UNION ALL SELECT 'tag', lower(x.t), min(x.t), count(*)
                    FROM (SELECT unnest(j.tags) AS t FROM judged j WHERE %9$s) x GROUP BY lower(x.t)
        UNION ALL SELECT 'skill', x.k, NULL, count(*)
                    FROM (SELECT unnest(j.skill_keys) AS k FROM judged j WHERE %10$s) x GROUP BY x.k
        UNION ALL SELECT 'award', x.a, NULL, count(*)
                    FROM (SELECT unnest(j.awards) AS a FROM judged j WHERE %11$s) x GROUP BY x.a
        UNION ALL SELECT 'outcome', j.outcome, NULL, count(*) FROM judged j
                   WHERE j.outcome IS NOT NULL AND %12$s GROUP BY j.outcome
        UNION ALL SELECT '', '', NULL, count(*) FROM judged j WHERE j.misses = 0%13$s),
      """;

  private CountedFacets() {}

  static SearchSql.Statement statement(SearchQuery query) {
    Set<Facet> kept = KeptCounts.facets(query);
    Tuple params = Tuple.tuple();
    if (query.hasText()) {
      params.addString(SearchSql.tsquery(query.words()));
    }
    Map<Facet, String> conditions = new EnumMap<>(Facet.class);
    List<String> flags = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    List<String> passes = new ArrayList<>();
    List<String> chosen = new ArrayList<>();
    for (Facet facet : Facet.values()) {
      List<String> values = query.values(facet);
      if (values.isEmpty()) {
        passes.add("j.misses = 0");
        continue;
      }
      SearchSql.bind(params, facet, values);
      conditions.put(facet, facet.condition("$" + params.size()));
      String flag = "f_" + facet.key();
      flags.add("(" + conditions.get(facet) + ") AS " + flag);
      misses.add("(NOT m." + flag + ")::int");
      passes.add(kept.contains(facet) ? "false" : "(j.misses = 0 OR j.misses = 1 AND NOT j." + flag + ")");
      values.forEach(v -> chosen.add(facet.key() + ":" + v));
    }
    String from = (query.hasText() ? ", q WHERE s.document @@ q.query" : " WHERE true") + needed(conditions, kept);
    String keptCounts = kept.isEmpty() ? ""
        : "\n  UNION ALL " + KeptCounts.counts(query, kept.stream().map(Facet::key), params);
    params.addArrayOfString(chosen.toArray(String[]::new));
    List<Object> args = new ArrayList<>(List.of(from, flags.isEmpty() ? "true AS f_none" : String.join(", ", flags),
        misses.isEmpty() ? "0" : String.join(" + ", misses)));
    args.addAll(passes);
    args.add(keptCounts);
    String sql = (query.hasText() ? SearchSql.QUERY + ", " : "WITH ") + COUNTED.formatted(args.toArray())
        + SearchSql.RANKED.formatted(params.size());
    return new SearchSql.Statement(sql, params);
  }

  /**
   * The projects some count needs, as a condition the indexes can answer: those passing every chosen filter but one
   * counted facet's own (any of them), or, when every chosen facet is kept, those passing them all.
   */
  private static String needed(Map<Facet, String> conditions, Set<Facet> kept) {
    List<Facet> counted = conditions.keySet().stream().filter(f -> !kept.contains(f)).toList();
    if (conditions.isEmpty() || counted.size() == 1 && conditions.size() == 1) {
      return "";
    }
    List<String> alternatives = counted.isEmpty() ? List.of(allBut(conditions, null))
        : counted.stream().map(f -> allBut(conditions, f)).toList();
    return " AND (" + String.join(" OR ", alternatives) + ")";
  }

  private static String allBut(Map<Facet, String> conditions, Facet left) {
    return conditions.entrySet().stream().filter(c -> c.getKey() != left).map(c -> "(" + c.getValue() + ")")
        .collect(Collectors.joining(" AND ", "(", ")"));
  }
}
