package app.shipyard.event;

import app.shipyard.db.Retry;
import app.shipyard.event.EventLocks.Hold;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Edits an event's details in one transaction that locks the event exclusively and then its pitches (see
 * {@link EventLocks}), so that the checks against its teams and schedule hold while the change is written: joins,
 * pitches and schedule items wait for it.
 */
public final class EventEdits {

  static final String ARCHIVED = "This event is archived and read-only.";
  static final String RULES_LOCKED = "Teams are locked from Demos on, so the team rules (team sizes, teams per person, "
      + "pitch approval, joining by request) can no longer change.";

  private static final String LARGEST_TEAM = """
      SELECT p.title, count(*) AS size FROM team_members m JOIN pitches p ON p.id = m.pitch_id
       WHERE p.event_id = $1 GROUP BY p.id ORDER BY size DESC, p.id LIMIT 1
      """;
  private static final String MOST_TEAMS = """
      SELECT pe.display_name, count(*) AS teams FROM team_members m JOIN people pe ON pe.id = m.person_id
       WHERE m.event_id = $1 GROUP BY pe.id ORDER BY teams DESC, pe.id LIMIT 1
      """;
  // An item without a location is for everywhere: it needs no location of the event (and NULL <> ALL of an empty
  // array is true, so it is excluded explicitly).
  private static final String FIRST_ITEM_OUTSIDE = """
      SELECT s.title, s.starts_at < $2 AS too_early, s.ends_at > $3 AS too_late,
             s.location_id IS NOT NULL AND s.location_id <> ALL ($4::int[]) AS elsewhere, l.name AS location
        FROM event_schedule s LEFT JOIN locations l ON l.id = s.location_id
       WHERE s.event_id = $1
         AND (s.starts_at < $2 OR s.ends_at > $3 OR (s.location_id IS NOT NULL AND s.location_id <> ALL ($4::int[])))
       ORDER BY s.starts_at, s.id LIMIT 1
      """;
  private static final String UPDATE = """
      UPDATE events SET kind = $2, title = $3, theme = $4, description = $5, starts_at = $6, ends_at = $7,
                        time_zone = $8, team_min = $9, team_max = $10, teams_per_person = $11,
                        pitches_need_approval = $12, join_by_request = $13
       WHERE id = $1
      """;
  private static final String CLEAR_LOCATIONS = "DELETE FROM event_locations WHERE event_id = $1";
  private static final String ADD_LOCATIONS =
      "INSERT INTO event_locations (event_id, location_id) SELECT $1, unnest($2::int[])";
  private static final String FIT_CAPACITIES = "UPDATE pitches SET capacity = $2 WHERE event_id = $1 AND capacity > $2";

  private final Pool pool;

  public EventEdits(Pool pool) {
    this.pool = pool;
  }

  /**
   * Replaces the event's details. Refused: anything once archived (409); a different kind after the draft (400);
   * different team rules from Demos on (409); a largest team size below an existing team's size, fewer teams per
   * person than someone is on, or times and locations that leave a schedule item out (400 with field messages).
   * Lowering the largest team size lowers larger pitch capacities to it.
   */
  public Future<Void> update(long eventId, EventDetails d) {
    return Retry.transaction(pool, tx -> EventLocks.lockEvent(tx, eventId, Hold.EXCLUSIVE).compose(current -> {
      Phase phase = current.phase();
      if (phase == Phase.ARCHIVED) {
        return Future.failedFuture(AppError.conflict(ARCHIVED));
      }
      if (phase.teamsLocked() && !current.rules().equals(d.rules())) {
        return Future.failedFuture(AppError.conflict(RULES_LOCKED));
      }
      Map<String, String> problems = new LinkedHashMap<>();
      if (phase != Phase.DRAFT && !current.kind().equals(d.kind())) {
        problems.put("kind", "can only change while the event is a draft");
      }
      return EventRepository.knownLocations(tx, d.locationIds())
          .compose(ok -> EventLocks.lockPitches(tx, eventId))
          .compose(locked -> checkTeams(tx, eventId, d.rules(), problems))
          .compose(ok -> checkSchedule(tx, eventId, d, problems))
          .compose(ok -> problems.isEmpty() ? write(tx, eventId, d) : Future.failedFuture(AppError.invalid(problems)));
    }));
  }

  private static Future<Void> checkTeams(SqlConnection tx, long eventId, Event.Rules rules, Map<String, String> problems) {
    return Future.all(tx.preparedQuery(LARGEST_TEAM).execute(Tuple.of(eventId)),
        tx.preparedQuery(MOST_TEAMS).execute(Tuple.of(eventId))).map(all -> {
          Row largest = first(all.resultAt(0));
          if (largest != null && largest.getLong("size") > rules.teamMax()) {
            problems.put("teamMax", "must be at least " + largest.getLong("size") + ": the team of \""
                + largest.getString("title") + "\" already has " + largest.getLong("size") + " members");
          }
          Row busiest = first(all.resultAt(1));
          if (busiest != null && busiest.getLong("teams") > rules.teamsPerPerson()) {
            problems.put("teamsPerPerson", "must be at least " + busiest.getLong("teams") + ": "
                + busiest.getString("display_name") + " is already on " + busiest.getLong("teams") + " teams");
          }
          return null;
        });
  }

  private static Future<Void> checkSchedule(SqlConnection tx, long eventId, EventDetails d, Map<String, String> problems) {
    Tuple args = Tuple.of(eventId, d.startsAt(), d.endsAt()).addArrayOfInteger(d.locationIds().toArray(Integer[]::new));
    return tx.preparedQuery(FIRST_ITEM_OUTSIDE).execute(args).map(rows -> {
      Row item = first(rows);
      if (item != null) {
        String what = "the schedule item \"" + item.getString("title") + "\"";
        if (item.getBoolean("too_early")) {
          problems.put("startsAt", "must not be after the start of " + what + "; move or remove it first");
        }
        if (item.getBoolean("too_late")) {
          problems.put("endsAt", "must not be before the end of " + what + "; move or remove it first");
        }
        if (item.getBoolean("elsewhere")) {
          problems.put("locationIds", "must include " + item.getString("location") + ", where " + what + " takes place");
        }
      }
      return null;
    });
  }

  private static Future<Void> write(SqlConnection tx, long eventId, EventDetails d) {
    Event.Rules r = d.rules();
    Integer[] locations = d.locationIds().toArray(Integer[]::new);
    return tx.preparedQuery(UPDATE).execute(Tuple.tuple().addLong(eventId).addString(d.kind()).addString(d.title())
            .addString(d.theme()).addString(d.description()).addOffsetDateTime(d.startsAt())
            .addOffsetDateTime(d.endsAt()).addString(d.timeZone()).addInteger(r.teamMin()).addInteger(r.teamMax())
            .addInteger(r.teamsPerPerson()).addBoolean(r.pitchesNeedApproval()).addBoolean(r.joinByRequest()))
        .compose(done -> tx.preparedQuery(CLEAR_LOCATIONS).execute(Tuple.of(eventId)))
        .compose(done -> tx.preparedQuery(ADD_LOCATIONS).execute(Tuple.of(eventId).addArrayOfInteger(locations)))
        .compose(done -> tx.preparedQuery(FIT_CAPACITIES).execute(Tuple.of(eventId, r.teamMax())))
        .mapEmpty();
  }

  private static Row first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : rows.iterator().next();
  }
}
