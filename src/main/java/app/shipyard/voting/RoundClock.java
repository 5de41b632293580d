package app.shipyard.voting;

import app.shipyard.db.LiveNotice;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler of voting rounds, deployed once per process: every tick it opens the drafts whose {@code opens_at}
 * has come and closes the open rounds whose {@code closes_at} has, audited with no actor, and tells the live channel.
 * Safe when several Shipyard instances run: the database settles who does it, since each {@code UPDATE} takes only
 * rows still in the state it changes, so a second instance finds nothing left. Votes never depend on it: a ballot
 * committed at or after {@code closes_at} is refused at commit (sql/V12) even before the round is closed here.
 */
public final class RoundClock extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RoundClock.class);
  private static final String OPEN_DUE = """
      WITH due AS (
        UPDATE voting_rounds SET state = 'open', opened_at = clock_timestamp()
         WHERE state = 'draft' AND opens_at <= clock_timestamp()
           AND event_id IN (SELECT id FROM events WHERE phase <> 'archived')
        RETURNING id, event_id),
      audit AS (INSERT INTO voting_audit (actor_id, action, round_id) SELECT NULL, 'round.opened', id FROM due)
      SELECT DISTINCT event_id FROM due
      """;
  private static final String CLOSE_DUE = """
      WITH due AS (
        UPDATE voting_rounds SET state = 'closed', closed_at = greatest(closes_at, opened_at)
         WHERE state = 'open' AND closes_at <= clock_timestamp()
        RETURNING id, event_id),
      audit AS (INSERT INTO voting_audit (actor_id, action, round_id) SELECT NULL, 'round.closed', id FROM due)
      SELECT DISTINCT event_id FROM due
      """;

  private final Pool pool;
  private final Duration tick;
  private long timer = -1;
  private boolean failing;
  private boolean running;

  public RoundClock(Pool pool, Duration tick) {
    this.pool = pool;
    this.tick = tick;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(tick.toMillis(), id -> {
      if (!running) {
        running = true;
        run().onComplete(done -> running = false);
      }
    });
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /** One tick: opens, then closes, what is due; a failure (the database is away) is logged once until it recovers. */
  Future<Void> run() {
    return pool.withTransaction(tx -> due(tx, OPEN_DUE).compose(opened -> due(tx, CLOSE_DUE)))
        .onSuccess(done -> {
          if (failing) {
            LOG.info("The round scheduler reaches the database again");
          }
          failing = false;
        })
        .onFailure(failure -> {
          if (!failing) {
            LOG.warn("The round scheduler could not open or close due rounds: {}", failure.toString());
          }
          failing = true;
        });
  }

  private static Future<Void> due(SqlConnection tx, String sql) {
    return tx.query(sql).execute().compose(events -> Future.all(StreamSupport.stream(events.spliterator(), false)
        .map(r -> LiveNotice.send(tx, r.getLong("event_id"), "rounds")).toList())).mapEmpty();
  }
}
