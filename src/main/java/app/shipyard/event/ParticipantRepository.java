package app.shipyard.event;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The people taking part in an event ({@code event_participants}) and what they do in it. A team is the people on
 * a pitch that is not hidden (pitches awaiting approval included: their captain is already on them).
 */
public final class ParticipantRepository {

  /** Team memberships in event {@code $1}. */
  static final String TEAMS = """
      teams AS (SELECT m.person_id, p.id AS pitch_id, p.title, m.is_captain
                  FROM team_members m JOIN pitches p ON p.id = m.pitch_id
                 WHERE m.event_id = $1 AND p.hidden_reason IS NULL)
      """;
  /** Participant {@code ep} is on no team and is not there only as a mentor (a mentor who is a free agent counts). */
  static final String WITHOUT_TEAM = """
      NOT EXISTS (SELECT 1 FROM teams t WHERE t.person_id = ep.person_id)
      AND (NOT EXISTS (SELECT 1 FROM mentors mt WHERE mt.event_id = ep.event_id AND mt.person_id = ep.person_id)
           OR EXISTS (SELECT 1 FROM free_agents f WHERE f.event_id = ep.event_id AND f.person_id = ep.person_id))
      """;
  private static final String LIST = """
      WITH %s
      SELECT pe.id, pe.display_name, pe.department, l.id AS location_id, l.name AS location_name,
             coalesce((SELECT json_agg(json_build_object('pitchId', t.pitch_id, 'title', t.title, 'captain', t.is_captain)
                                       ORDER BY t.is_captain DESC, lower(t.title), t.pitch_id)
                         FROM teams t WHERE t.person_id = pe.id), '[]'::json) AS teams,
             EXISTS (SELECT 1 FROM free_agents f WHERE f.event_id = ep.event_id AND f.person_id = pe.id) AS free_agent,
             EXISTS (SELECT 1 FROM mentors mt WHERE mt.event_id = ep.event_id AND mt.person_id = pe.id) AS mentor
        FROM event_participants ep JOIN people pe ON pe.id = ep.person_id
        LEFT JOIN locations l ON l.id = pe.location_id
       WHERE ep.event_id = $1 AND ($2::int IS NULL OR pe.location_id = $2) AND (NOT $3 OR (%s))
       ORDER BY lower(pe.display_name), pe.id
      """.formatted(TEAMS, WITHOUT_TEAM);

  private final Pool pool;

  public ParticipantRepository(Pool pool) {
    this.pool = pool;
  }

  /** Everyone taking part, optionally only at one location and only those without a team. */
  public Future<List<Participant>> list(long eventId, Integer locationId, boolean withoutTeam) {
    return pool.preparedQuery(LIST).execute(Tuple.of(eventId, locationId, withoutTeam))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ParticipantRepository::toParticipant).toList());
  }

  private static Participant toParticipant(Row r) {
    Object raw = r.getValue("teams");
    JsonArray teams = raw instanceof JsonArray a ? a : new JsonArray(String.valueOf(raw));
    return new Participant(r.getLong("id"), r.getString("display_name"), r.getString("department"),
        r.getInteger("location_id"), r.getString("location_name"),
        teams.stream().map(o -> (JsonObject) o).map(t -> new Participant.Team(t.getLong("pitchId"),
            t.getString("title"), t.getBoolean("captain"))).toList(),
        r.getBoolean("free_agent"), r.getBoolean("mentor"));
  }
}
