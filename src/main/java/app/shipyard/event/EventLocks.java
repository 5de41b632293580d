package app.shipyard.event;

import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;

/**
 * The one lock order of every write that touches an event, its pitches and the people taking part. A transaction
 * takes, in this order and only this order:
 * <ol>
 *   <li>the <b>event</b> row, {@link Hold#SHARED} for changes inside the event (joins, leaves, join requests,
 *   captaincy, placements, listings, pitches and their edits, moderation, stages, talk, schedule items) and
 *   {@link Hold#EXCLUSIVE} for changes of the event itself (edits, phase moves). A phase move therefore waits for the
 *   team changes under way and they wait for it: none commits in a phase that forbids it;</li>
 *   <li>the event's <b>stage</b> row in {@code demo_stages} (the running order of its demo session), exclusive, for
 *   changes of the running order and its clock (under the shared event lock);</li>
 *   <li><b>pitch</b> rows: one pitch (exclusive to change it or its team, shared to add talk around it), or, under the
 *   exclusive event lock, all of the event's pitches in id order;</li>
 *   <li>a join request row, where a decision needs one (its repository locks it);</li>
 *   <li>the person's <b>participation</b> row in {@code event_participants}, exclusive.</li>
 * </ol>
 * A transaction may skip steps (withdrawing a join request locks only the request) but never goes back to an earlier
 * one, and never locks a second row of the same step, except the event edit's pitches in id order.
 * Exclusive is {@code FOR NO KEY UPDATE}, shared {@code FOR SHARE}: neither conflicts with the {@code FOR KEY SHARE}
 * lock a foreign-key check takes on the row it refers to, so inserting team members, participants, pitches or requests
 * never waits on a lock taken out of this order. Run the transaction through {@code db/Retry}.
 */
public final class EventLocks {

  /** How a row is held until the transaction ends. */
  public enum Hold {
    /** {@code FOR SHARE}: any number of holders at once; an exclusive holder waits for them all. */
    SHARED(" FOR SHARE"),
    /** {@code FOR NO KEY UPDATE}: one holder at a time, and no shared ones. */
    EXCLUSIVE(" FOR NO KEY UPDATE");

    private final String clause;

    Hold(String clause) {
      this.clause = clause;
    }
  }

  private static final String EVENT = """
      SELECT id, kind, phase, team_min, team_max, teams_per_person, pitches_need_approval, join_by_request,
             starts_at, ends_at, time_zone
        FROM events
      """;
  private static final String EVENT_BY_ID = EVENT + " WHERE id = $1";
  private static final String EVENT_OF_PITCH = EVENT + " WHERE id = (SELECT event_id FROM pitches WHERE id = $1)";
  private static final String PITCH = """
      SELECT id, captain_id, capacity, approved, hidden_reason IS NOT NULL AS hidden, stage FROM pitches WHERE id = $1
      """;
  private static final String PITCHES = "SELECT id FROM pitches WHERE event_id = $1 ORDER BY id FOR NO KEY UPDATE";
  private static final String ENSURE_PARTICIPANT =
      "INSERT INTO event_participants (event_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
  private static final String PARTICIPANT =
      "SELECT 1 FROM event_participants WHERE event_id = $1 AND person_id = $2 FOR NO KEY UPDATE";

  private static final String ENSURE_STAGE = "INSERT INTO demo_stages (event_id) VALUES ($1) ON CONFLICT DO NOTHING";
  private static final String STAGE = "SELECT 1 FROM demo_stages WHERE event_id = $1 FOR NO KEY UPDATE";

  private EventLocks() {}

  /** The event row as locked: what its phase and rules allow stays so until the transaction ends. */
  public record LockedEvent(long id, String kind, Phase phase, Event.Rules rules, OffsetDateTime startsAt,
                            OffsetDateTime endsAt, String timeZone) {}

  /** A pitch row locked after its event's (shared); {@code hidden} when organisers hid it. */
  public record LockedPitch(LockedEvent event, long id, long captainId, int capacity, boolean approved,
                            boolean hidden, String stage) {

    public long eventId() {
      return event.id();
    }

    public Phase phase() {
      return event.phase();
    }
  }

  /** Step 1: locks the event row; an unknown event is "not found". */
  public static Future<LockedEvent> lockEvent(SqlConnection tx, long eventId, Hold hold) {
    return event(tx, EVENT_BY_ID + hold.clause, eventId, "That event");
  }

  /** Steps 1 and 3: locks the pitch's event (shared), then the pitch; an unknown pitch is "not found". */
  public static Future<LockedPitch> lockPitch(SqlConnection tx, long pitchId, Hold hold) {
    return event(tx, EVENT_OF_PITCH + Hold.SHARED.clause, pitchId, "That pitch")
        .compose(event -> tx.preparedQuery(PITCH + hold.clause).execute(Tuple.of(pitchId)).map(rows -> {
          Row r = rows.iterator().next();
          return new LockedPitch(event, r.getLong("id"), r.getLong("captain_id"), r.getInteger("capacity"),
              r.getBoolean("approved"), r.getBoolean("hidden"), r.getString("stage"));
        }));
  }

  /** Step 2: makes the event's stage row (if not yet) and locks it; the caller holds the event row. */
  public static Future<Void> lockStage(SqlConnection tx, long eventId) {
    return tx.preparedQuery(ENSURE_STAGE).execute(Tuple.of(eventId))
        .compose(d -> tx.preparedQuery(STAGE).execute(Tuple.of(eventId))).mapEmpty();
  }

  /** Step 3 for changes of the whole event: all its pitches, in id order (the caller holds the event exclusively). */
  public static Future<Void> lockPitches(SqlConnection tx, long eventId) {
    return tx.preparedQuery(PITCHES).execute(Tuple.of(eventId)).mapEmpty();
  }

  /** Makes the person a participant of the event, if not yet, without locking their row. */
  public static Future<Void> ensureParticipant(SqlConnection tx, long eventId, long personId) {
    return tx.preparedQuery(ENSURE_PARTICIPANT).execute(Tuple.of(eventId, personId)).mapEmpty();
  }

  /** Step 5: makes the person a participant (if not yet) and locks their participation row. */
  public static Future<Void> lockParticipant(SqlConnection tx, long eventId, long personId) {
    return ensureParticipant(tx, eventId, personId)
        .compose(d -> tx.preparedQuery(PARTICIPANT).execute(Tuple.of(eventId, personId))).mapEmpty();
  }

  private static Future<LockedEvent> event(SqlConnection tx, String sql, long id, String what) {
    return tx.preparedQuery(sql).execute(Tuple.of(id)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(AppError.notFound(what));
      }
      Row r = rows.iterator().next();
      return Future.succeededFuture(new LockedEvent(r.getLong("id"), r.getString("kind"),
          Phase.parse(r.getString("phase")).orElseThrow(),
          new Event.Rules(r.getInteger("team_min"), r.getInteger("team_max"), r.getInteger("teams_per_person"),
              r.getBoolean("pitches_need_approval"), r.getBoolean("join_by_request")),
          r.getOffsetDateTime("starts_at"), r.getOffsetDateTime("ends_at"), r.getString("time_zone")));
    });
  }
}
