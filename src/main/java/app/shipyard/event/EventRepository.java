package app.shipyard.event;

import app.shipyard.db.Retry;
import app.shipyard.event.EventLocks.Hold;
import app.shipyard.db.LiveNotice;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Events, their locations and phase changes. */
public final class EventRepository {

  private static final String SELECT_EVENT = """
      SELECT e.*, coalesce((SELECT array_agg(l.name ORDER BY l.name) FROM event_locations el
                              JOIN locations l ON l.id = el.location_id WHERE el.event_id = e.id), '{}') AS location_names,
             coalesce((SELECT array_agg(l.id ORDER BY l.name) FROM event_locations el
                              JOIN locations l ON l.id = el.location_id WHERE el.event_id = e.id), '{}') AS location_ids,
             (SELECT count(*) FROM pitches p WHERE p.event_id = e.id AND p.approved AND p.hidden_reason IS NULL) AS pitch_count
        FROM events e
      """;
  private static final String LIST = SELECT_EVENT + " WHERE $1 OR e.phase <> 'draft' ORDER BY e.starts_at DESC, e.id DESC";
  private static final String PHASE = "SELECT phase FROM events WHERE id = $1";
  private static final String INSERT = """
      INSERT INTO events (kind, title, theme, description, starts_at, ends_at, time_zone, team_min, team_max,
                          teams_per_person, pitches_need_approval, join_by_request, created_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id
      """;
  private static final String ADD_LOCATIONS =
      "INSERT INTO event_locations (event_id, location_id) SELECT $1, unnest($2::int[])";
  private static final String UNKNOWN_LOCATIONS =
      "SELECT count(*) FROM unnest($1::int[]) AS wanted(id) WHERE NOT EXISTS (SELECT 1 FROM locations l WHERE l.id = wanted.id)";
  private static final String SET_PHASE = "UPDATE events SET phase = $2 WHERE id = $1";
  private static final String RECORD_CHANGE =
      "INSERT INTO event_phase_changes (event_id, from_phase, to_phase, changed_by) VALUES ($1, $2, $3, $4)";
  private static final String HISTORY = """
      SELECT c.from_phase, c.to_phase, c.changed_at, p.display_name FROM event_phase_changes c
        JOIN people p ON p.id = c.changed_by WHERE c.event_id = $1 ORDER BY c.changed_at, c.id
      """;

  private final Pool pool;

  public EventRepository(Pool pool) {
    this.pool = pool;
  }

  /** The events, latest first; drafts only {@code withDrafts} (see {@link DraftEvents}). */
  public Future<List<Event>> list(boolean withDrafts) {
    return pool.preparedQuery(LIST).execute(Tuple.of(withDrafts))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(EventRepository::toEvent).toList());
  }

  /** The event's phase, or empty when there is no such event. */
  public Future<Optional<Phase>> phase(long id) {
    return pool.preparedQuery(PHASE).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Phase.parse(rows.iterator().next().getString("phase")));
  }

  public Future<Optional<Event>> find(long id) {
    return pool.preparedQuery(SELECT_EVENT + " WHERE e.id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toEvent(rows.iterator().next())));
  }

  public Future<Event> get(long id) {
    return find(id).map(found -> found.orElseThrow(() -> AppError.notFound("That event")));
  }

  public Future<Long> create(EventDetails e, long createdBy) {
    return pool.withTransaction(tx -> knownLocations(tx, e.locationIds()).compose(ok -> tx.preparedQuery(INSERT).execute(Tuple.tuple()
            .addString(e.kind()).addString(e.title()).addString(e.theme()).addString(e.description())
            .addOffsetDateTime(e.startsAt()).addOffsetDateTime(e.endsAt()).addString(e.timeZone())
            .addInteger(e.rules().teamMin()).addInteger(e.rules().teamMax()).addInteger(e.rules().teamsPerPerson())
            .addBoolean(e.rules().pitchesNeedApproval()).addBoolean(e.rules().joinByRequest()).addLong(createdBy))
        .compose(rows -> {
          long id = rows.iterator().next().getLong("id");
          return tx.preparedQuery(ADD_LOCATIONS)
              .execute(Tuple.of(id).addArrayOfInteger(e.locationIds().toArray(Integer[]::new))).map(id);
        })));
  }

  /** Refuses location ids that name no location, with a field message rather than a foreign-key error. */
  static Future<Void> knownLocations(SqlConnection tx, List<Integer> ids) {
    return tx.preparedQuery(UNKNOWN_LOCATIONS).execute(Tuple.tuple().addArrayOfInteger(ids.toArray(Integer[]::new)))
        .compose(rows -> rows.iterator().next().getLong(0) == 0 ? Future.succeededFuture()
            : Future.failedFuture(AppError.invalid("locationIds", "contains an id that is not a known location")));
  }

  /**
   * Moves the event to {@code target}, checked against the phase it is in now, and records who did it. The event is
   * locked exclusively (see {@link EventLocks}), so the move waits for the team changes under way, and later ones see
   * the new phase.
   */
  public Future<Void> changePhase(long eventId, Phase target, long by) {
    return Retry.transaction(pool, tx -> EventLocks.lockEvent(tx, eventId, Hold.EXCLUSIVE).compose(event -> {
      Phase current = event.phase();
      Optional<String> refusal = current.refusalToMoveTo(target);
      if (refusal.isPresent()) {
        return Future.failedFuture(AppError.conflict(refusal.get()));
      }
      return tx.preparedQuery(SET_PHASE).execute(Tuple.of(eventId, target.key()))
          .compose(done -> tx.preparedQuery(RECORD_CHANGE).execute(Tuple.of(eventId, current.key(), target.key(), by)))
          .compose(done -> LiveNotice.send(tx, eventId, "event"));
    }));
  }

  public Future<List<PhaseChange>> history(long eventId) {
    return pool.preparedQuery(HISTORY).execute(Tuple.of(eventId)).map(rows -> StreamSupport
        .stream(rows.spliterator(), false)
        .map(r -> new PhaseChange(r.getString("from_phase"), r.getString("to_phase"),
            r.getOffsetDateTime("changed_at"), r.getString("display_name"))).toList());
  }

  private static Event toEvent(Row r) {
    return new Event(r.getLong("id"), r.getString("kind"), r.getString("title"), r.getString("theme"),
        r.getString("description"), Phase.parse(r.getString("phase")).orElseThrow(),
        r.getOffsetDateTime("starts_at"), r.getOffsetDateTime("ends_at"), r.getString("time_zone"),
        new Event.Rules(r.getInteger("team_min"), r.getInteger("team_max"), r.getInteger("teams_per_person"),
            r.getBoolean("pitches_need_approval"), r.getBoolean("join_by_request")),
        List.of(r.getArrayOfStrings("location_names")), List.of(r.getArrayOfIntegers("location_ids")),
        r.getLong("pitch_count"));
  }

  public record PhaseChange(String from, String to, OffsetDateTime at, String by) {}
}
