package app.shipyard.search;

import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Reads {@code project_search} and {@code search_words}; the statements are {@link SearchSql}'s. */
final class SearchRepository {

  private final Pool pool;

  SearchRepository(Pool pool) {
    this.pool = pool;
  }

  /** A facet count as read, with the event's start for ordering events. */
  record Counted(Facet facet, String key, String label, long count, OffsetDateTime startsAt) {}

  /** The counts of a search and its total. */
  record Counts(long total, List<Counted> counts) {}

  /**
   * The labels of the chosen events, locations and skills, keyed {@code facet:value}; fails with a field problem
   * when one is unknown (an event not in the archive is unknown, whether or not it exists).
   */
  Future<Map<String, String>> labels(SearchQuery query) {
    if (query.values(Facet.EVENT).isEmpty() && query.values(Facet.LOCATION).isEmpty()
        && query.values(Facet.SKILL).isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    Tuple params = Tuple.tuple()
        .addArrayOfLong(query.values(Facet.EVENT).stream().map(Long::valueOf).toArray(Long[]::new))
        .addArrayOfLong(query.values(Facet.LOCATION).stream().map(Long::valueOf).toArray(Long[]::new))
        .addArrayOfString(query.values(Facet.SKILL).toArray(String[]::new));
    return pool.preparedQuery(SearchSql.LABELS).execute(params).map(rows -> {
      Map<String, String> labels = new HashMap<>();
      rows.forEach(r -> labels.put(r.getString("facet") + ":" + r.getString("key"), r.getString("label")));
      Map<String, String> problems = new LinkedHashMap<>();
      unknown(query, Facet.EVENT, labels, problems, "is not an event in the archive");
      unknown(query, Facet.LOCATION, labels, problems, "is not a location");
      unknown(query, Facet.SKILL, labels, problems, "is not a known skill");
      if (!problems.isEmpty()) {
        throw AppError.invalid(problems);
      }
      return labels;
    });
  }

  private static void unknown(SearchQuery query, Facet facet, Map<String, String> labels,
                              Map<String, String> problems, String problem) {
    query.values(facet).stream().filter(v -> !labels.containsKey(facet.key() + ":" + v)).findFirst()
        .ifPresent(v -> problems.put(facet.key(), "'" + v + "' " + problem));
  }

  Future<List<Hit>> hits(SearchQuery query) {
    SearchSql.Statement hits = SearchSql.hits(query);
    return pool.preparedQuery(hits.sql()).execute(hits.params())
        .map(rows -> stream(rows).map(SearchRepository::toHit).toList());
  }

  Future<Counts> counts(SearchQuery query) {
    SearchSql.Statement facets = SearchSql.facets(query);
    return pool.preparedQuery(facets.sql()).execute(facets.params()).map(rows -> {
      long total = 0;
      List<Counted> counts = new ArrayList<>();
      for (Row r : rows) {
        String facet = r.getString("facet");
        if (facet.isEmpty()) {
          total = r.getLong("n");
        } else {
          counts.add(new Counted(Facet.valueOf(facet.toUpperCase()), r.getString("key"), r.getString("label"),
              r.getLong("n"), r.getOffsetDateTime("starts_at")));
        }
      }
      return new Counts(total, counts);
    });
  }

  /** The words with each unknown word replaced by the most similar known one (kept when there is none). */
  Future<List<String>> corrected(List<String> words) {
    return pool.preparedQuery(SearchSql.CORRECTIONS).execute(Tuple.of(words.toArray(String[]::new)))
        .map(rows -> {
          List<String> corrected = new ArrayList<>(words);
          rows.forEach(r -> {
            String word = r.getString("word");
            if (word != null) {
              corrected.set(r.getLong("n").intValue() - 1, word);
            }
          });
          return corrected;
        });
  }

  private static Hit toHit(Row r) {
    JsonArray awards = (JsonArray) r.getJson("awards");
    return new Hit(r.getLong("pitch_id"), strip(r.getString("title_marked")), Highlight.html(r.getString("title_marked")),
        Highlight.html(r.getString("snippet_marked")), r.getLong("event_id"), r.getString("event_title"),
        r.getInteger("year"), r.getString("kind"), List.of(r.getArrayOfStrings("tags")),
        List.of(r.getArrayOfStrings("skills")),
        awards.stream().map(a -> (JsonObject) a).map(a -> new Hit.Award(a.getString("kind"), a.getString("title")))
            .toList(), r.getString("outcome"));
  }

  /** The text without our markers. */
  private static String strip(String marked) {
    return marked.replace(String.valueOf(SearchSql.START), "").replace(String.valueOf(SearchSql.STOP), "");
  }

  private static java.util.stream.Stream<Row> stream(RowSet<Row> rows) {
    return StreamSupport.stream(rows.spliterator(), false);
  }
}
