package app.shipyard.voting;

import app.shipyard.db.Retry;
import app.shipyard.event.Phase;
import app.shipyard.db.LiveNotice;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * Organisers' settings of a round after it was created: its schedule and a category's own visibility. Each runs under
 * the round's row lock, is audited and tells the live channel.
 */
public final class RoundSettings {

  // An open round's opening is history; opens_at then keeps at most when it really opened, so closes_at stays after it.
  private static final String SCHEDULE = """
      UPDATE voting_rounds SET opens_at = CASE WHEN state = 'draft' THEN $2 ELSE least(opens_at, opened_at) END,
                               closes_at = $3
       WHERE id = $1
      """;
  private static final String VISIBILITY = """
      UPDATE voting_categories SET visibility = $3 WHERE id = $2 AND round_id = $1
      """;
  static final String AUDIT_CATEGORY =
      "INSERT INTO voting_audit (actor_id, action, round_id, category_id) VALUES ($1, $2, $3, $4)";

  private final Pool pool;

  public RoundSettings(Pool pool) {
    this.pool = pool;
  }

  /** Sets (or clears) when the scheduler opens and closes the round. */
  public Future<Void> schedule(long roundId, RoundSchedule schedule, long by) {
    return changing(roundId, (tx, round) -> {
      if (round.state() == RoundState.CLOSED) {
        return Future.failedFuture(AppError.conflict("This round is closed; it has no schedule left to change."));
      }
      var refusal = schedule.refusal(round.state());
      if (refusal.isPresent()) {
        return Future.failedFuture(AppError.conflict(refusal.get()));
      }
      return tx.preparedQuery(SCHEDULE).execute(Tuple.of(roundId, schedule.opensAt(), schedule.closesAt()))
          .compose(done -> tx.preparedQuery(RoundRepository.AUDIT).execute(Tuple.of(by, "round.scheduled", roundId)))
          .mapEmpty();
    });
  }

  /** Gives a category its own visibility, or (null) lets it follow the round's again. */
  public Future<Void> visibility(long roundId, long categoryId, Visibility visibility, long by) {
    return changing(roundId, (tx, round) -> tx.preparedQuery(VISIBILITY).execute(Tuple.of(roundId, categoryId,
              visibility == null ? null : visibility.key()))
          .compose(updated -> updated.rowCount() == 0 ? Future.failedFuture(AppError.notFound("That category"))
              : tx.preparedQuery(AUDIT_CATEGORY).execute(Tuple.of(by, "category.visibility", roundId, categoryId)))
          .mapEmpty());
  }

  /** A change of something the live channel shows. */
  interface Change {
    Future<Void> apply(SqlConnection tx, VotingLocks.LockedRound round);
  }

  /**
   * Runs {@code change} under the round's event lock (shared) and row lock, and tells the live channel when it
   * commits. Refuses every change of a round of an archived event, which is read-only.
   */
  Future<Void> changing(long roundId, Change change) {
    return Retry.transaction(pool, tx -> VotingLocks.roundUnderEvent(tx, roundId).compose(round -> {
      if (round.phase() == Phase.ARCHIVED) {
        return Future.failedFuture(AppError.conflict("An archived event is read-only; its rounds cannot change."));
      }
      return change.apply(tx, round).compose(done -> LiveNotice.send(tx, round.eventId(), "rounds"));
    }));
  }
}
