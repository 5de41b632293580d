package app.shipyard.cache;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * The database's change clock (table {@code cache_clock}, V21), read for a request: its tick names everything kept in
 * memory. A read counts every change committed before it began, so a request waits for a read that begins after it
 * arrived; the requests that arrive while one read is under way share the next one, so the database answers at most
 * one read at a time per clock, however many requests come. One clock per event loop (per HTTP verticle), used only on
 * it. Empty when the clock has no row (between emptying the tables and the next change): then nothing is kept.
 */
public final class Clock {

  private static final String READ = "SELECT tick FROM cache_clock";
  private static final String KEY = "shipyard.clock";
  private final Pool pool;
  /** The requests waiting for the next read, or null. */
  private Promise<Optional<Long>> next;
  private boolean reading;

  public Clock(Pool pool) {
    this.pool = pool;
  }

  /** The tick as of a read that begins after this call. */
  public Future<Optional<Long>> read() {
    if (next == null) {
      next = Promise.promise();
    }
    Future<Optional<Long>> tick = next.future();
    if (!reading) {
      readNow();
    }
    return tick;
  }

  private void readNow() {
    Promise<Optional<Long>> waiting = next;
    next = null;
    reading = true;
    pool.query(READ).execute().onComplete(rows -> {
      reading = false;
      if (next != null) {
        readNow();
      }
      if (rows.succeeded()) {
        waiting.complete(rows.result().size() == 0 ? Optional.empty()
            : Optional.of(rows.result().iterator().next().getLong("tick")));
      } else {
        waiting.fail(rows.cause());
      }
    });
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
