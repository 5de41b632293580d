package app.shipyard.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.util.function.Function;

/**
 * Search answers kept per data version (migration V20): each search first reads the version its snapshot sees, and
 * an answer is only ever reused under the version it was read at, so a change committed before a search began is
 * always in its answer. The version is read before the search runs, so an answer kept under it reflects that version
 * or a later one, never an earlier one. One cache per process, shared by the HTTP verticles.
 */
final class SearchCache {

  /** The version: the summed weights and the highest value, with how many rows hold them. */
  private static final String VERSION = """
      SELECT coalesce(sum(weight), 0)::bigint AS changes, coalesce(max(v), 0) AS last, count(*) AS rows
        FROM search_changes""";
  private static final String COMPACT = "SELECT search_version_compact()";
  /** Past this many rows the version's rows are compacted into one. */
  private static final int MAX_ROWS = 64;

  private final Pool pool;
  private final Cache<Key, SearchResults> kept;

  SearchCache(Pool pool, int size) {
    this.pool = pool;
    this.kept = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(Duration.ofMinutes(10)).build();
  }

  private record Version(long changes, long last) {}

  private record Key(Version version, SearchQuery query) {}

  /** The answer kept for this query at the current version, else {@code search}'s, then kept. */
  Future<SearchResults> answer(SearchQuery query, Function<SearchQuery, Future<SearchResults>> search) {
    return version().compose(version -> {
      Key key = new Key(version, query);
      SearchResults found = kept.getIfPresent(key);
      return found != null ? Future.succeededFuture(found) : search.apply(query).onSuccess(r -> kept.put(key, r));
    });
  }

  private Future<Version> version() {
    return pool.query(VERSION).execute().compose(rows -> {
      Row row = rows.iterator().next();
      Version version = new Version(row.getLong("changes"), row.getLong("last"));
      return row.getLong("rows") <= MAX_ROWS ? Future.succeededFuture(version)
          : pool.query(COMPACT).execute().map(version);
    });
  }
}
