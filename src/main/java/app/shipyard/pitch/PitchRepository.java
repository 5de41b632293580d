package app.shipyard.pitch;

import app.shipyard.account.Skills;
import app.shipyard.event.Phase;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Pitches and their teams. Team changes run in a transaction that locks the pitch row (capacity) and the
 * person's participation row (teams per person), so concurrent joins are settled by the database.
 */
public final class PitchRepository {

  private static final String SELECT_PITCH = """
      SELECT p.*, c.display_name AS captain_name,
             coalesce((SELECT array_agg(s.name ORDER BY lower(s.name)) FROM pitch_skills ps
                         JOIN skills s ON s.id = ps.skill_id WHERE ps.pitch_id = p.id), '{}') AS skill_names,
             coalesce((SELECT json_agg(json_build_object('personId', m.person_id, 'displayName', pe.display_name,
                                 'department', pe.department, 'captain', m.is_captain) ORDER BY m.joined_at)
                         FROM team_members m JOIN people pe ON pe.id = m.person_id WHERE m.pitch_id = p.id),
                      '[]'::json) AS members
        FROM pitches p JOIN people c ON c.id = p.captain_id
      """;
  private static final String INSERT = """
      INSERT INTO pitches (event_id, captain_id, title, summary, problem, idea, capacity)
      VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
      """;
  private static final String LINK_SKILLS = """
      INSERT INTO pitch_skills (pitch_id, skill_id)
      SELECT $1, id FROM skills WHERE lower(name) = ANY (SELECT lower(n) FROM unnest($2::text[]) AS n)
      """;
  private static final String LOCK_PITCH = """
      SELECT p.event_id, p.capacity, e.phase, e.teams_per_person FROM pitches p JOIN events e ON e.id = p.event_id
       WHERE p.id = $1 AND p.hidden_reason IS NULL FOR UPDATE OF p
      """;
  private static final String PHASE_OF_EVENT = "SELECT phase, team_max FROM events WHERE id = $1 FOR SHARE";
  private static final String ENSURE_PARTICIPANT =
      "INSERT INTO event_participants (event_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
  private static final String LOCK_PARTICIPANT =
      "SELECT 1 FROM event_participants WHERE event_id = $1 AND person_id = $2 FOR UPDATE";
  private static final String COUNTS = """
      SELECT (SELECT count(*) FROM team_members WHERE pitch_id = $1) AS team_size,
             (SELECT count(*) FROM team_members WHERE event_id = $2 AND person_id = $3) AS my_teams,
             EXISTS (SELECT 1 FROM team_members WHERE pitch_id = $1 AND person_id = $3) AS already
      """;
  private static final String ADD_MEMBER =
      "INSERT INTO team_members (pitch_id, person_id, event_id, is_captain) VALUES ($1, $2, $3, $4)";
  private static final String REMOVE_MEMBER =
      "DELETE FROM team_members WHERE pitch_id = $1 AND person_id = $2 AND NOT is_captain";

  private final Pool pool;

  public PitchRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Pitch>> forEvent(long eventId) {
    return pool.preparedQuery(SELECT_PITCH + " WHERE p.event_id = $1 AND p.hidden_reason IS NULL ORDER BY p.created_at DESC, p.id DESC")
        .execute(Tuple.of(eventId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(PitchRepository::toPitch).toList());
  }

  public Future<Pitch> get(long id) {
    return pool.preparedQuery(SELECT_PITCH + " WHERE p.id = $1 AND p.hidden_reason IS NULL").execute(Tuple.of(id))
        .map(rows -> {
          if (rows.size() == 0) {
            throw AppError.notFound("That pitch");
          }
          return toPitch(rows.iterator().next());
        });
  }

  /** Creates the pitch with its author as captain, if the event's phase and the author's team count allow. */
  public Future<Long> create(long eventId, long captainId, NewPitch p) {
    return pool.withTransaction(tx -> tx.preparedQuery(PHASE_OF_EVENT).execute(Tuple.of(eventId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(AppError.notFound("That event"));
      }
      Phase phase = Phase.parse(rows.iterator().next().getString("phase")).orElseThrow();
      if (!phase.pitchesOpen()) {
        return Future.failedFuture(AppError.conflict("Pitches can only be made while the event is in Pitching or "
            + "Team forming; it is in " + phase.label() + "."));
      }
      int teamMax = rows.iterator().next().getInteger("team_max");
      if (p.capacity() > teamMax) {
        return Future.failedFuture(AppError.invalid("capacity", "must be at most " + teamMax + ", this event's team size limit"));
      }
      String[] skills = p.skills().toArray(String[]::new);
      return tx.preparedQuery(INSERT).execute(Tuple.of(eventId, captainId, p.title(), p.summary(), p.problem(), p.idea(),
              p.capacity()))
          .map(r -> r.iterator().next().getLong("id"))
          .compose(id -> Skills.ensure(tx, skills)
              .compose(d -> tx.preparedQuery(LINK_SKILLS).execute(Tuple.of(id).addArrayOfString(skills)))
              .compose(d -> addToTeam(tx, id, eventId, captainId, p.capacity(), true))
              .map(id));
    }));
  }

  /** Joins the team of a pitch; "team is full" and the other refusals are decided under row locks. */
  public Future<Void> join(long pitchId, long personId) {
    return pool.withTransaction(tx -> tx.preparedQuery(LOCK_PITCH).execute(Tuple.of(pitchId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(AppError.notFound("That pitch"));
      }
      Row pitch = rows.iterator().next();
      Phase phase = Phase.parse(pitch.getString("phase")).orElseThrow();
      if (!phase.teamsOpen()) {
        return Future.failedFuture(AppError.conflict("Teams are locked while the event is in " + phase.label() + "."));
      }
      return addToTeam(tx, pitchId, pitch.getLong("event_id"), personId, pitch.getInteger("capacity"), false);
    }));
  }

  public Future<Void> leave(long pitchId, long personId) {
    return pool.withTransaction(tx -> tx.preparedQuery(LOCK_PITCH).execute(Tuple.of(pitchId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(AppError.notFound("That pitch"));
      }
      Phase phase = Phase.parse(rows.iterator().next().getString("phase")).orElseThrow();
      if (!phase.teamsOpen()) {
        return Future.failedFuture(AppError.conflict("Teams are locked while the event is in " + phase.label() + "."));
      }
      return tx.preparedQuery(REMOVE_MEMBER).execute(Tuple.of(pitchId, personId)).compose(removed -> removed.rowCount() == 1
          ? Future.succeededFuture()
          : Future.failedFuture(AppError.conflict("You are not a member of this team (a captain hands over captaincy before leaving).")));
    }));
  }

  private static Future<Void> addToTeam(SqlConnection tx, long pitchId, long eventId, long personId, int capacity,
                                        boolean captain) {
    return tx.preparedQuery(ENSURE_PARTICIPANT).execute(Tuple.of(eventId, personId))
        .compose(d -> tx.preparedQuery(LOCK_PARTICIPANT).execute(Tuple.of(eventId, personId)))
        .compose(d -> tx.preparedQuery("SELECT teams_per_person FROM events WHERE id = $1").execute(Tuple.of(eventId)))
        .compose(limitRows -> {
          int teamsPerPerson = limitRows.iterator().next().getInteger("teams_per_person");
          return tx.preparedQuery(COUNTS).execute(Tuple.of(pitchId, eventId, personId)).compose(counts -> {
            Row c = counts.iterator().next();
            if (c.getBoolean("already")) {
              return Future.failedFuture(AppError.conflict("You are already on this team."));
            }
            if (c.getLong("my_teams") >= teamsPerPerson) {
              return Future.failedFuture(AppError.conflict(teamsPerPerson == 1
                  ? "You are already on a team in this event; leave it first."
                  : "You are already on " + teamsPerPerson + " teams, the most this event allows."));
            }
            if (c.getLong("team_size") >= capacity) {
              return Future.failedFuture(AppError.conflict("This team is full."));
            }
            return tx.preparedQuery(ADD_MEMBER).execute(Tuple.of(pitchId, personId, eventId, captain)).mapEmpty();
          });
        });
  }

  private static Pitch toPitch(Row r) {
    Object raw = r.getValue("members");
    JsonArray members = raw instanceof JsonArray a ? a : new JsonArray(String.valueOf(raw));
    return new Pitch(r.getLong("id"), r.getLong("event_id"), r.getLong("captain_id"), r.getString("captain_name"),
        r.getString("title"), r.getString("summary"), r.getString("problem"), r.getString("idea"),
        r.getInteger("capacity"), r.getString("stage"), List.of(r.getArrayOfStrings("skill_names")),
        members.stream().map(o -> (JsonObject) o).map(m -> new Pitch.Member(m.getLong("personId"),
            m.getString("displayName"), m.getString("department"), m.getBoolean("captain"))).toList());
  }

  public record NewPitch(String title, String summary, String problem, String idea, int capacity, List<String> skills) {}
}
