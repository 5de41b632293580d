package app.shipyard.db;

import app.shipyard.config.AppConfig.DatabaseConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows whether the database can be reached, so that requests meet an outage with an immediate 503 instead of each
 * waiting for a connection of its own. It probes with {@code SELECT 1} on a connection of its own: every few seconds
 * while the database is up, several times a second while it is down, and at once when a request could not reach it.
 * It logs one line per change (unreachable, still unreachable every so often, reachable again), never one per request.
 * Deployed once; its state changes only on its own context.
 */
public final class DatabaseWatch extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatch.class);
  private static final long UP_INTERVAL_MS = 5_000;
  private static final long DOWN_INTERVAL_MS = 250;
  /** Refused or lost connections fail at once; this catches a connection that hangs without failing. */
  private static final long PROBE_TIMEOUT_MS = 10_000;
  private static final Duration STILL_DOWN_EVERY = Duration.ofSeconds(10);

  private final DatabaseConfig db;
  private volatile boolean down;
  private Pool probes;
  private Future<Boolean> inFlight;
  private long timer = -1;
  private boolean stopped;
  private long downSince;
  private long loggedAt;

  public DatabaseWatch(DatabaseConfig db) {
    this.db = db;
  }

  @Override
  public Future<?> start() {
    probes = Database.probePool(vertx, db);
    scheduleNext();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return probes.close();
  }

  /** Safe from any thread: true from the first failed probe until one succeeds again. */
  public boolean isDown() {
    return down;
  }

  /** A request failed to reach the database: probe now rather than at the next tick. */
  public void suspect() {
    context.runOnContext(v -> probe());
  }

  /** Probes now, or joins the probe under way; completes with whether the database answered. */
  public Future<Boolean> check() {
    return Future.future(answered -> context.runOnContext(v -> probe().onComplete(answered)));
  }

  private Future<Boolean> probe() {
    if (inFlight == null || inFlight.isComplete()) {
      inFlight = probes.query("SELECT 1").execute().timeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
          .transform(result -> {
            record(result.cause());
            scheduleNext();
            return Future.succeededFuture(result.succeeded());
          });
    }
    return inFlight;
  }

  private void record(Throwable failure) {
    long now = System.nanoTime();
    if (failure == null) {
      if (down) {
        down = false;
        LOG.info("Database reachable again after {} ms", (now - downSince) / 1_000_000);
      }
    } else if (!down) {
      down = true;
      downSince = now;
      loggedAt = now;
      LOG.warn("Database unreachable ({}); answering 503 until it is back", failure.toString());
    } else if (now - loggedAt >= STILL_DOWN_EVERY.toNanos()) {
      loggedAt = now;
      LOG.warn("Database still unreachable after {} s ({})", (now - downSince) / 1_000_000_000, failure.toString());
    }
  }

  private void scheduleNext() {
    vertx.cancelTimer(timer);
    if (!stopped) {
      timer = vertx.setTimer(down ? DOWN_INTERVAL_MS : UP_INTERVAL_MS, id -> probe());
    }
  }
}
