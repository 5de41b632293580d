package app.shipyard.cache;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * The database's change clock (table {@code cache_clock}, V21), read for a request: its tick names everything kept in
 * memory. Each request reads it once (one small query: it counts every change committed before the request arrived);
 * what was kept under another tick is not used. Empty when the clock has no row (between emptying the tables and the
 * next change): then nothing is kept.
 *
 * <p>Sharing one read among the requests that arrive while it is under way would save most of these queries; it was
 * tried and withdrawn: on the loaded benchmark machine some requests then waited seconds (see the report of branch
 * {@code pages}).
 */
public final class Clock {

  private static final String READ = "SELECT tick FROM cache_clock";
  private static final String KEY = "shipyard.clock";
  private final Pool pool;

  public Clock(Pool pool) {
    this.pool = pool;
  }

  /** The tick as of now. */
  public Future<Optional<Long>> read() {
    return pool.preparedQuery(READ).execute().map(rows -> rows.size() == 0 ? Optional.<Long>empty()
        : Optional.of(rows.iterator().next().getLong("tick")));
  }

  /** Remembers the tick read for this request. */
  public static void set(RoutingContext ctx, Optional<Long> tick) {
    tick.ifPresent(t -> ctx.put(KEY, t));
  }

  /** The version this request may keep and use things under: the tick read for it, if any. */
  public static Optional<String> version(RoutingContext ctx) {
    Long tick = ctx.get(KEY);
    return tick == null ? Optional.empty() : Optional.of("c" + tick);
  }
}
