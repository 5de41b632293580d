package app.shipyard.pitch;

import app.shipyard.event.Phase;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * The first step of every change to a pitch, inside the change's transaction: lock the pitch (and its event
 * row for share, so the phase cannot move meanwhile) and refuse what the person may not see as "not found".
 */
final class PitchGuard {

  private static final String LOCK = """
      SELECT p.event_id, p.captain_id, p.stage, p.capacity, e.phase, e.kind, e.team_max,
             (SELECT count(*) FROM team_members m WHERE m.pitch_id = p.id) AS team_size,
             """ + PitchRepository.VISIBLE + """
       AS visible
        FROM pitches p JOIN events e ON e.id = p.event_id WHERE p.id = $1
      """;
  private static final String FOR_CHANGE = LOCK + " FOR UPDATE OF p FOR SHARE OF e";
  private static final String FOR_TALK = LOCK + " FOR SHARE OF p, e";

  private PitchGuard() {}

  /** Locks the pitch row for update: for changes to the pitch itself. */
  static Future<Locked> forChange(SqlConnection tx, long pitchId, Audience who) {
    return lock(tx, FOR_CHANGE, pitchId, who);
  }

  /** Locks the pitch row for share: for adding things around it (comments, interest). */
  static Future<Locked> forTalk(SqlConnection tx, long pitchId, Audience who) {
    return lock(tx, FOR_TALK, pitchId, who);
  }

  private static Future<Locked> lock(SqlConnection tx, String sql, long pitchId, Audience who) {
    return tx.preparedQuery(sql).execute(Tuple.of(pitchId, who.personId(), who.organiser())).map(rows -> {
      if (rows.size() == 0 || !rows.iterator().next().getBoolean("visible")) {
        throw AppError.notFound("That pitch");
      }
      Row r = rows.iterator().next();
      return new Locked(r.getLong("event_id"), r.getLong("captain_id"), r.getString("stage"), r.getInteger("capacity"),
          Phase.parse(r.getString("phase")).orElseThrow(), r.getString("kind"), r.getInteger("team_max"),
          r.getLong("team_size"));
    });
  }

  /** The locked pitch's facts that decide whether a change is allowed. */
  record Locked(long eventId, long captainId, String stage, int capacity, Phase phase, String eventKind, int teamMax,
                long teamSize) {

    void requireManagedBy(Audience who, String action) {
      if (!who.manages(captainId)) {
        throw AppError.forbidden("Only the pitch's captain or an organiser can " + action + ".");
      }
    }
  }
}
