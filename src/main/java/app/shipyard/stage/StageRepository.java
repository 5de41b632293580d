package app.shipyard.stage;

import app.shipyard.db.Retry;
import app.shipyard.db.SqlErrors;
import app.shipyard.event.EventLocks;
import app.shipyard.db.LiveNotice;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Running orders in the database. Every change runs in one transaction in the lock order of {@link EventLocks} (the
 * event shared, then its stage row), applies a {@link RunningOrder} move at the server clock's now, writes the slots
 * it changed and queues the live notice; the database keeps one slot on stage, each team once, unique positions.
 */
public final class StageRepository {

  static final String TOPIC = "stage";

  private static final String SLOTS = """
      SELECT s.id, s.position, s.pitch_id, p.title, s.seconds, s.state, s.elapsed_ms, s.run_started_at,
             coalesce((SELECT string_agg(pe.display_name, ', ' ORDER BY m.is_captain DESC, m.joined_at, pe.id)
                         FROM team_members m JOIN people pe ON pe.id = m.person_id WHERE m.pitch_id = s.pitch_id),
                      '') AS team
        FROM demo_slots s JOIN pitches p ON p.id = s.pitch_id
       WHERE s.event_id = $1
       ORDER BY s.position
      """;
  /** The event's teams not yet in its running order (only {@code $2} when given), appended in pitch order. */
  private static final String ADD_TEAMS = """
      INSERT INTO demo_slots (event_id, pitch_id, position, seconds)
      SELECT $1, p.id, (SELECT coalesce(max(position), 0) FROM demo_slots WHERE event_id = $1)
                       + row_number() OVER (ORDER BY p.id), $3
        FROM pitches p
       WHERE p.event_id = $1 AND p.approved AND p.hidden_reason IS NULL
         AND EXISTS (SELECT 1 FROM team_members m WHERE m.pitch_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM demo_slots s WHERE s.event_id = $1 AND s.pitch_id = p.id)
         AND ($2::bigint IS NULL OR p.id = $2)
      """;
  private static final String UPDATE_SLOT = """
      UPDATE demo_slots SET position = $2, seconds = $3, state = $4, elapsed_ms = $5, run_started_at = $6
       WHERE id = $1
      """;
  private static final String TOUCH_STAGE = "UPDATE demo_stages SET changed_at = now() WHERE event_id = $1";
  /** The event's teams not in its running order: what "add a late team" offers. */
  private static final String TEAMS_NOT_IN_ORDER = """
      SELECT p.id, p.title FROM pitches p
       WHERE p.event_id = $1 AND p.approved AND p.hidden_reason IS NULL
         AND EXISTS (SELECT 1 FROM team_members m WHERE m.pitch_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM demo_slots s WHERE s.event_id = $1 AND s.pitch_id = p.id)
       ORDER BY lower(p.title), p.id
      """;

  private final Pool pool;
  private final Clock clock;

  public StageRepository(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public Future<RunningOrder> order(long eventId) {
    return read(pool, eventId);
  }

  /** A team that is not in the running order yet. */
  public record Team(long pitchId, String title) {}

  public Future<List<Team>> teamsNotInOrder(long eventId) {
    return pool.preparedQuery(TEAMS_NOT_IN_ORDER).execute(Tuple.of(eventId)).map(rows -> StreamSupport
        .stream(rows.spliterator(), false).map(r -> new Team(r.getLong("id"), r.getString("title"))).toList());
  }

  /** Takes the action in one transaction; the running order as it then is. */
  public Future<RunningOrder> act(long eventId, StageAction.Request request) {
    return Retry.transaction(pool, tx -> EventLocks.lockEvent(tx, eventId, EventLocks.Hold.SHARED)
        .compose(event -> {
          var refusal = request.action().refusal(event.phase());
          return refusal.isPresent() ? Future.failedFuture(AppError.conflict(refusal.get()))
              : EventLocks.lockStage(tx, eventId);
        })
        .compose(locked -> read(tx, eventId))
        .compose(before -> request.action().inserts() ? insert(tx, eventId, before, request)
            : write(tx, before, request.action().apply(before, request, clock.instant())))
        .compose(done -> tx.preparedQuery(TOUCH_STAGE).execute(Tuple.of(eventId)))
        .compose(done -> LiveNotice.send(tx, eventId, TOPIC))
        .compose(done -> read(tx, eventId)))
        .recover(StageRepository::constraint);
  }

  private Future<Void> insert(SqlConnection tx, long eventId, RunningOrder before, StageAction.Request r) {
    if (r.pitchId() != null && before.hasPitch(r.pitchId())) {
      return Future.failedFuture(AppError.invalid("pitchId", "is already in the running order"));
    }
    return tx.preparedQuery(ADD_TEAMS).execute(Tuple.of(eventId, r.pitchId(), r.seconds())).compose(rows -> {
      if (rows.rowCount() > 0) {
        return Future.succeededFuture();
      }
      return Future.failedFuture(r.pitchId() != null ? StageAction.unknownPitch() : AppError.conflict(before.slots()
          .isEmpty() ? "This event has no teams yet." : "Every team of this event is in the running order already."));
    });
  }

  private Future<Void> write(SqlConnection tx, RunningOrder before, RunningOrder after) {
    List<Tuple> changes = before.changedIn(after).stream().map(s -> Tuple.of(s.id(), s.position(), s.seconds(),
        s.state().key(), s.clock().elapsedMs(), time(s.clock().runStartedAt()))).toList();
    return changes.isEmpty() ? Future.succeededFuture()
        : tx.preparedQuery(UPDATE_SLOT).executeBatch(changes).mapEmpty();
  }

  private static Future<RunningOrder> read(SqlClient client, long eventId) {
    return client.preparedQuery(SLOTS).execute(Tuple.of(eventId)).map(rows -> new RunningOrder(StreamSupport
        .stream(rows.spliterator(), false).map(StageRepository::toSlot).toList()));
  }

  private static Slot toSlot(Row r) {
    OffsetDateTime started = r.getOffsetDateTime("run_started_at");
    return new Slot(r.getLong("id"), r.getInteger("position"), r.getLong("pitch_id"), r.getString("title"),
        r.getString("team"), r.getInteger("seconds"), SlotState.parse(r.getString("state")).orElseThrow(),
        new SlotClock(r.getLong("elapsed_ms"), started == null ? null : started.toInstant()));
  }

  private static OffsetDateTime time(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  /** The database's word on a race the locks did not settle: a second slot on stage, a team twice. */
  private static <T> Future<T> constraint(Throwable failure) {
    if (SqlErrors.isConstraint(failure, "demo_slots_one_on_stage")) {
      return Future.failedFuture(AppError.conflict("Another slot went on stage at the same moment."));
    }
    if (SqlErrors.isConstraint(failure, "demo_slots_pitch_once")) {
      return Future.failedFuture(AppError.invalid("pitchId", "is already in the running order"));
    }
    return Future.failedFuture(failure);
  }
}
