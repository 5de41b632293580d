package app.shipyard.pitch;

import app.shipyard.account.Skills;
import app.shipyard.event.Phase;
import app.shipyard.team.Membership;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Pitches. The author becomes captain through {@link Membership}, which also owns joining and leaving (see
 * {@code team/TeamRepository}).
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
  private static final String PHASE_OF_EVENT = "SELECT phase, team_max FROM events WHERE id = $1 FOR SHARE";

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
              .compose(d -> Membership.add(tx, id, eventId, captainId, p.capacity(), true))
              .map(id));
    }));
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
