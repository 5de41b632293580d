package app.shipyard.voting;

import app.shipyard.event.EventLocks;
import app.shipyard.event.Phase;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * The row locks organisers' voting changes take, in the codebase's order: event, then the round row. A vote (in
 * {@code voting_cast}, sql/V19) takes its round's advisory lock shared, then share-locks the voters' participation
 * rows; any change to an open round takes that advisory lock exclusively (a trigger), so a close waits for every
 * vote in flight and no vote commits after it. The round row is locked FOR NO KEY UPDATE: votes' foreign-key checks
 * share-lock it and must not wait behind an organiser who waits for them. Kept in one place so it can move to the
 * shared lock helper.
 */
final class VotingLocks {

  private static final String ROUND = """
      SELECT r.id, r.event_id, r.state, r.revealed_at IS NOT NULL AS revealed, e.phase,
             CASE WHEN EXISTS (SELECT 1 FROM voting_categories c WHERE c.round_id = r.id AND c.visibility = 'on_reveal')
                  THEN 'on_reveal' ELSE r.visibility END AS visibility
        FROM voting_rounds r JOIN events e ON e.id = r.event_id WHERE r.id = $1 FOR NO KEY UPDATE OF r
      """;

  private static final String EVENT_OF_ROUND = "SELECT event_id FROM voting_rounds WHERE id = $1";

  private VotingLocks() {}

  /**
   * A round row locked for an organiser's change, with what the change is decided on. Its {@code visibility} is the
   * one the reveal is judged by: on reveal when the round or any of its categories waits for one.
   */
  record LockedRound(long id, long eventId, RoundState state, Visibility visibility, boolean revealed, Phase phase) {}

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

  /** Locks the round row FOR NO KEY UPDATE; changing an open round then waits until every vote in flight committed. */
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
