package app.shipyard.cache;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.Optional;

/**
 * The database's change clock (table {@code cache_clock}, V21), read for a request: its tick names everything kept in
 * memory. A read counts every change committed before it began, so a request waits for a read that begins after it
 * arrived; the requests that arrive while one read is under way share the next one, so the database answers one read
 * at a time per clock, however many requests come. A read still unanswered after {@value #STALLED_MS} ms no longer
 * holds the next one back. One clock per HTTP verticle, used only on its event loop (the pool answers on the caller's
 * context). Empty when the clock has no row (between emptying the tables and the next change): then nothing is kept.
 */
public final class Clock {

  private static final String READ = "SELECT tick FROM cache_clock";
  private static final String KEY = "shipyard.clock";
  private static final long STALLED_MS = 2_000;
  private final Pool pool;
  /** The requests waiting for the next read, or null. */
  private Promise<Optional<Long>> next;
  private int reading;
  private long lastStarted;

  public Clock(Pool pool) {
    this.pool = pool;
  }

  /** The tick as of a read that begins after this call. */
  public Future<Optional<Long>> read() {
    if (next == null) {
      next = Promise.promise();
    }
    Future<Optional<Long>> tick = next.future();
    if (reading == 0 || System.currentTimeMillis() - lastStarted > STALLED_MS) {
      readNow();
    }
    return tick;
  }

  private void readNow() {
    Promise<Optional<Long>> waiting = next;
    next = null;
    reading++;
    lastStarted = System.currentTimeMillis();
    Future<RowSet<Row>> rows;
    try {
      rows = pool.query(READ).execute();
    } catch (RuntimeException e) {
      rows = Future.failedFuture(e);
    }
    rows.onComplete(read -> answered(waiting, read));
  }

  private void answered(Promise<Optional<Long>> waiting, AsyncResult<RowSet<Row>> read) {
    reading--;
    if (next != null && reading == 0) {
      readNow();
    }
    if (read.succeeded()) {
      RowSet<Row> rows = read.result();
      waiting.complete(rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("tick")));
    } else {
      waiting.fail(read.cause());
    }
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
