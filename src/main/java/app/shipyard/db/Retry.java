package app.shipyard.db;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction, and runs it again when PostgreSQL rolled it back for a serialization failure or a deadlock
 * ({@link SqlErrors#isContention}): up to {@value #ATTEMPTS} attempts, with a short random pause between them. The work
 * must do nothing outside the database, since it may run more than once. When the last attempt fails too, that
 * failure stands, and {@code FailureHandler} answers it 503 with nothing written.
 */
public final class Retry {

  static final int ATTEMPTS = 4;
  private static final long PAUSE_MILLIS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  private Retry() {}

  public static <T> Future<T> transaction(Pool pool, Function<SqlConnection, Future<T>> work) {
    return attempt(pool, work, 1);
  }

  private static <T> Future<T> attempt(Pool pool, Function<SqlConnection, Future<T>> work, int attempt) {
    return pool.withTransaction(work).recover(failure -> {
      if (!SqlErrors.isContention(failure) || attempt == ATTEMPTS) {
        return Future.failedFuture(failure);
      }
      LOG.warn("Transaction rolled back by the database (SQLSTATE {}), attempt {} of {}; running it again",
          ((PgException) failure).getSqlState(), attempt, ATTEMPTS);
      return pause(attempt).compose(d -> attempt(pool, work, attempt + 1));
    });
  }

  /** Waits longer after each attempt, with jitter, so that the transactions that collided do not collide again. */
  private static Future<Void> pause(int attempt) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return Future.succeededFuture();
    }
    long millis = PAUSE_MILLIS * (1L << (attempt - 1)) + ThreadLocalRandom.current().nextLong(PAUSE_MILLIS);
    return context.owner().timer(millis).mapEmpty();
  }
}
