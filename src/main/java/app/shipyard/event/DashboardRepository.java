package app.shipyard.event;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The organiser dashboard's numbers, all counted by the database. Pitches are visible, hidden (by a moderator) or
 * awaiting approval; teams are those of pitches that are not hidden (see {@link ParticipantRepository}).
 */
public final class DashboardRepository {

  private static final String SIZES = """
      sizes AS (SELECT p.id, p.title, p.capacity, p.approved, c.display_name AS captain, count(m.person_id) AS size
                  FROM pitches p JOIN people c ON c.id = p.captain_id LEFT JOIN team_members m ON m.pitch_id = p.id
                 WHERE p.event_id = $1 AND p.hidden_reason IS NULL
                 GROUP BY p.id, c.display_name),
      rules AS (SELECT team_min FROM events WHERE id = $1)
      """;
  private static final String COUNTS = """
      WITH %s, %s
      SELECT (SELECT count(*) FROM pitches WHERE event_id = $1 AND hidden_reason IS NULL AND approved) AS visible,
             (SELECT count(*) FROM pitches WHERE event_id = $1 AND hidden_reason IS NOT NULL) AS hidden,
             (SELECT count(*) FROM pitches WHERE event_id = $1 AND hidden_reason IS NULL AND NOT approved) AS awaiting,
             (SELECT count(*) FROM sizes, rules WHERE size >= team_min) AS teams_at_minimum,
             (SELECT count(*) FROM sizes, rules WHERE size < team_min) AS teams_below_minimum,
             (SELECT coalesce(sum(greatest(capacity - size, 0)), 0)::bigint FROM sizes) AS open_places,
             (SELECT count(*) FROM event_participants WHERE event_id = $1) AS taking_part,
             (SELECT count(*) FROM event_participants ep WHERE ep.event_id = $1 AND %s) AS without_team,
             (SELECT count(*) FROM free_agents WHERE event_id = $1) AS free_agents,
             (SELECT count(*) FROM mentors WHERE event_id = $1) AS mentors,
             (SELECT count(*) FROM join_requests j JOIN pitches p ON p.id = j.pitch_id
               WHERE j.event_id = $1 AND j.status = 'pending' AND p.hidden_reason IS NULL) AS pending_join_requests
      """.formatted(SIZES, ParticipantRepository.TEAMS, ParticipantRepository.WITHOUT_TEAM);
  private static final String SMALL_TEAMS = """
      WITH %s
      SELECT id, title, captain, size, team_min - size AS needed, approved FROM sizes, rules
       WHERE size < team_min ORDER BY size, lower(title), id
      """.formatted(SIZES);

  private final Pool pool;
  private final EventRepository events;
  private final ParticipantRepository participants;

  public DashboardRepository(Pool pool, EventRepository events, ParticipantRepository participants) {
    this.pool = pool;
    this.events = events;
    this.participants = participants;
  }

  public Future<Dashboard> forEvent(long eventId) {
    return events.get(eventId).compose(event -> Future.all(
            pool.preparedQuery(COUNTS).execute(Tuple.of(eventId)).map(rows -> toCounts(rows.iterator().next())),
            pool.preparedQuery(SMALL_TEAMS).execute(Tuple.of(eventId)).map(rows -> StreamSupport
                .stream(rows.spliterator(), false).map(DashboardRepository::toSmallTeam).toList()),
            participants.list(eventId, null, true))
        .map(all -> new Dashboard(event, all.resultAt(0), all.<List<Dashboard.SmallTeam>>resultAt(1), all.resultAt(2))));
  }

  private static Dashboard.Counts toCounts(Row r) {
    return new Dashboard.Counts(r.getLong("visible"), r.getLong("hidden"), r.getLong("awaiting"),
        r.getLong("teams_at_minimum"), r.getLong("teams_below_minimum"), r.getLong("open_places"),
        r.getLong("taking_part"), r.getLong("without_team"), r.getLong("free_agents"), r.getLong("mentors"),
        r.getLong("pending_join_requests"));
  }

  private static Dashboard.SmallTeam toSmallTeam(Row r) {
    return new Dashboard.SmallTeam(r.getLong("id"), r.getString("title"), r.getString("captain"), r.getLong("size"),
        r.getLong("needed"), r.getBoolean("approved"));
  }
}
