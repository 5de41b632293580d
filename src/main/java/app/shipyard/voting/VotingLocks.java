package app.shipyard.voting;

import app.shipyard.event.EventLocks;
import app.shipyard.event.Phase;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * The row locks voting takes, in the codebase's order: event, pitch, the person's participation row, then voting's
 * own rows. A vote share-locks the voter's participation row here and, at commit, its round row (in
 * {@code voting_check_ballot}, sql/V5); organisers' changes to a round lock the round row FOR UPDATE, so a close
 * waits for every vote in flight and no vote commits after it. Kept in one place so it can move to the shared lock
 * helper.
 */
final class VotingLocks {

  private static final String PARTICIPATION = """
      SELECT 1 FROM event_participants ep
       WHERE ep.event_id = (SELECT event_id FROM voting_rounds WHERE id = $1) AND ep.person_id = $2
         FOR SHARE OF ep
      """;
  private static final String ROUND = """
      SELECT r.id, r.event_id, r.state, r.revealed_at IS NOT NULL AS revealed, e.phase,
             CASE WHEN EXISTS (SELECT 1 FROM voting_categories c WHERE c.round_id = r.id AND c.visibility = 'on_reveal')
                  THEN 'on_reveal' ELSE r.visibility END AS visibility
        FROM voting_rounds r JOIN events e ON e.id = r.event_id WHERE r.id = $1 FOR UPDATE OF r
      """;

  private static final String EVENT_OF_ROUND = "SELECT event_id FROM voting_rounds WHERE id = $1";

  private VotingLocks() {}

  /**
   * A round row locked for an organiser's change, with what the change is decided on. Its {@code visibility} is the
   * one the reveal is judged by: on reveal when the round or any of its categories waits for one.
   */
  record LockedRound(long id, long eventId, RoundState state, Visibility visibility, boolean revealed, Phase phase) {}

  /**
   * Share-locks the voter's participation in the round's event, so a team change (which locks that row FOR UPDATE)
   * and the vote's own-team check cannot interleave; false when the person is not taking part.
   */
  static Future<Boolean> participation(SqlConnection tx, long roundId, long personId) {
    return tx.preparedQuery(PARTICIPATION).execute(Tuple.of(roundId, personId)).map(rows -> rows.size() > 0);
  }

  /**
   * For changes that concern the event's projects (awards, carrying finalists): the round's event row shared first
   * (the codebase's lock order, so a phase move waits for them), then the round row as {@link #roundForChange} does.
   */
  static Future<LockedRound> roundUnderEvent(SqlConnection tx, long roundId) {
    return tx.preparedQuery(EVENT_OF_ROUND).execute(Tuple.of(roundId)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(AppError.notFound("That voting round"))
        : EventLocks.lockEvent(tx, rows.iterator().next().getLong("event_id"), EventLocks.Hold.SHARED))
        .compose(event -> roundForChange(tx, roundId));
  }

  /** Locks the round row FOR UPDATE: waits until every vote in flight has committed. */
  static Future<LockedRound> roundForChange(SqlConnection tx, long roundId) {
    return tx.preparedQuery(ROUND).execute(Tuple.of(roundId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(AppError.notFound("That voting round"));
      }
      Row r = rows.iterator().next();
      return Future.succeededFuture(new LockedRound(r.getLong("id"), r.getLong("event_id"),
          RoundRepository.state(r),
          Keyed.parse(Visibility.values(), r.getString("visibility")).orElseThrow(), r.getBoolean("revealed"),
          Phase.parse(r.getString("phase")).orElseThrow()));
    });
  }
}
