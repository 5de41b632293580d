package app.shipyard.search;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements of a search, composed from constants and the facets chosen: each chosen facet adds one condition
 * on a bound array parameter, so the text never contains a value. With words, {@code $1} is the tsquery text and
 * {@code q.query} the parsed query; without, projects come newest first and nothing is highlighted.
 */
final class SearchSql {

  /** Highlight markers: private-use characters, removed from the text first, so every marker is ours. */
  static final char START = '\uE000';
  static final char STOP = '\uE001';
  private static final String MARKS = "U&'\\E000\\E001'";
  private static final String SELECT = "'StartSel=' || U&'\\E000' || ', StopSel=' || U&'\\E001'";
  static final String QUERY = "WITH q AS (SELECT to_tsquery('shipyard_search', $1::text) AS query)\n";
  /** What a snippet is cut from: the summary, problem, idea and outcome notes, with Markdown punctuation dropped. */
  private static final String SNIPPET_SOURCE = """
      translate(regexp_replace(concat_ws(' — ', p.summary, nullif(left(p.problem, 3000), ''),
                                         nullif(left(p.idea, 3000), ''),
                                         (SELECT string_agg(o.note, ' — ' ORDER BY o.recorded_at DESC)
                                            FROM project_outcomes o WHERE o.pitch_id = p.id AND o.note <> '')),
                               '\\]\\([^)]*\\)|[][*`#|]+', ' ', 'g'), %s, '')""".formatted(MARKS);
  private static final String HIT_COLUMNS = """
      h.pitch_id, h.event_id, h.year, h.kind, h.tags, h.outcome, p.summary, e.title AS event_title,
             ARRAY(SELECT sk.name FROM pitch_skills ps JOIN skills sk ON sk.id = ps.skill_id
                    WHERE ps.pitch_id = h.pitch_id ORDER BY lower(sk.name)) AS skills,
             coalesce((SELECT json_agg(json_build_object('kind', a.kind, 'title', a.title) ORDER BY a.kind, a.title)
                         FROM awards a WHERE a.pitch_id = h.pitch_id), '[]'::json) AS awards,
      """;
  private static final String HITS_RANKED = QUERY + """
      , hits AS (
        SELECT s.pitch_id, s.event_id, s.year, s.kind, s.tags, s.outcome, s.starts_at,
               ts_rank(s.document, q.query) AS rank
          FROM project_search s, q
         WHERE s.document @@ q.query%1$s
         ORDER BY rank DESC, s.starts_at DESC, s.pitch_id DESC LIMIT $%2$d OFFSET $%3$d)
      SELECT\s""" + HIT_COLUMNS + """
             ts_headline('shipyard_search', translate(p.title, %4$s, ''), q.query, 'HighlightAll=true, ' || %5$s)
               AS title_marked,
             ts_headline('shipyard_search', %6$s, q.query,
                         'MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=" … ", ' || %5$s) AS snippet_marked
        FROM hits h JOIN pitches p ON p.id = h.pitch_id JOIN events e ON e.id = h.event_id, q
       ORDER BY h.rank DESC, h.starts_at DESC, h.pitch_id DESC""";
  private static final String HITS_NEWEST = """
      WITH hits AS (
        SELECT s.pitch_id, s.event_id, s.year, s.kind, s.tags, s.outcome, s.starts_at
          FROM project_search s
         WHERE true%1$s
         ORDER BY s.starts_at DESC, s.pitch_id DESC LIMIT $%2$d OFFSET $%3$d)
      SELECT\s""" + HIT_COLUMNS + """
             translate(p.title, %4$s, '') AS title_marked, translate(p.summary, %4$s, '') AS snippet_marked
        FROM hits h JOIN pitches p ON p.id = h.pitch_id JOIN events e ON e.id = h.event_id
       ORDER BY h.starts_at DESC, h.pitch_id DESC""";
  /** Up to 30 values per facet, most first, and always the chosen ones ({@code $%d}), with their labels. */
  static final String RANKED = """
      ranked AS (
        SELECT c.*, row_number() OVER (PARTITION BY c.facet ORDER BY c.n DESC, c.key) AS place FROM counted c)
      SELECT r.facet, r.key, r.n, coalesce(r.label, e.title, l.name, sk.name, r.key) AS label, e.starts_at
        FROM ranked r
        LEFT JOIN events e ON r.facet = 'event' AND e.id::text = r.key
        LEFT JOIN locations l ON r.facet = 'location' AND l.id::text = r.key
        LEFT JOIN skills sk ON r.facet = 'skill' AND lower(sk.name) = r.key
       WHERE r.place <= 30 OR r.facet || ':' || r.key = ANY ($%1$d::text[])""";
  /** Labels of the chosen events (of the archive only), locations and skills; an unknown value has no row. */
  static final String LABELS = """
      SELECT 'event' AS facet, e.id::text AS key, e.title AS label FROM events e
       WHERE e.id = ANY ($1::bigint[]) AND e.phase IN ('results', 'archived')
      UNION ALL SELECT 'location', l.id::text, l.name FROM locations l WHERE l.id = ANY ($2::bigint[])
      UNION ALL SELECT 'skill', lower(sk.name), sk.name FROM skills sk WHERE lower(sk.name) = ANY ($3::text[])""";
  /**
   * Per word: the word itself when the vocabulary has it (or, for the last word, a word it begins), else the most
   * similar known word by trigrams (similarity at least pg_trgm's threshold, 0.3), else nothing.
   */
  static final String CORRECTIONS = """
      SELECT t.n, coalesce(
               (SELECT t.word FROM search_words w WHERE w.word = t.word),
               (SELECT t.word WHERE t.n = cardinality($1::text[])
                  AND EXISTS (SELECT 1 FROM search_words w WHERE w.word LIKE t.word || '%')),
               (SELECT w.word FROM search_words w WHERE w.word % t.word
                 ORDER BY similarity(w.word, t.word) DESC, w.word LIMIT 1)) AS word
        FROM unnest(ARRAY(SELECT unaccent(x) FROM unnest($1::text[]) x)) WITH ORDINALITY AS t (word, n)
       ORDER BY t.n""";

  private SearchSql() {}

  /** A statement and its parameters. */
  record Statement(String sql, Tuple params) {}

  /** One page of hits, best first (or newest first without words). */
  static Statement hits(SearchQuery query) {
    Tuple params = Tuple.tuple();
    if (query.hasText()) {
      params.addString(tsquery(query.words()));
    }
    String conditions = conditions(query, params).stream().map(c -> " AND " + c).collect(Collectors.joining());
    int limit = params.size() + 1;
    params.addInteger(query.limit()).addInteger((query.page() - 1) * query.limit());
    String sql = query.hasText()
        ? HITS_RANKED.formatted(conditions, limit, limit + 1, MARKS, SELECT, SNIPPET_SOURCE)
        : HITS_NEWEST.formatted(conditions, limit, limit + 1, MARKS);
    return new Statement(sql, params);
  }

  /** The facet counts and the total of a search: kept counts when they answer it, else counted over the matches. */
  static Statement facets(SearchQuery query) {
    return KeptCounts.answer(query) ? KeptCounts.statement(query) : CountedFacets.statement(query);
  }

  /** The conditions of the chosen facets, binding their values to the next parameters. */
  private static List<String> conditions(SearchQuery query, Tuple params) {
    List<String> conditions = new ArrayList<>();
    for (Facet facet : Facet.values()) {
      List<String> values = query.values(facet);
      if (!values.isEmpty()) {
        bind(params, facet, values);
        conditions.add(facet.condition("$" + params.size()));
      }
    }
    return conditions;
  }

  static void bind(Tuple params, Facet facet, List<String> values) {
    if (facet.numeric()) {
      params.addArrayOfLong(values.stream().map(Long::valueOf).toArray(Long[]::new));
    } else {
      params.addArrayOfString(values.toArray(String[]::new));
    }
  }

  /** All words must match (stemmed); the last may be the start of a word, as while typing. */
  static String tsquery(List<String> words) {
    return String.join(" & ", words) + ":*";
  }
}
