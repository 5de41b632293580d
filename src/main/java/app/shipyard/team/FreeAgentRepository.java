package app.shipyard.team;

import app.shipyard.account.Skills;
import app.shipyard.event.Phase;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Free agents: participants without a team who list their skills and what they want to work on. Listing takes the
 * person's participation row lock, the same lock joining a team takes, so nobody is both on a team and listed.
 */
public final class FreeAgentRepository {

  private static final String SELECT_AGENT = """
      SELECT f.person_id, pe.display_name, pe.department, coalesce(l.name, '') AS location, f.wants, f.created_at,
             coalesce((SELECT array_agg(s.name ORDER BY lower(s.name)) FROM free_agent_skills fs
                         JOIN skills s ON s.id = fs.skill_id
                        WHERE fs.event_id = f.event_id AND fs.person_id = f.person_id), '{}') AS skills
        FROM free_agents f JOIN people pe ON pe.id = f.person_id LEFT JOIN locations l ON l.id = pe.location_id
       WHERE f.event_id = $1
      """;
  private static final String PHASE = "SELECT phase FROM events WHERE id = $1";
  private static final String TEAM_COUNT =
      "SELECT count(*) AS n FROM team_members WHERE event_id = $1 AND person_id = $2";
  private static final String UPSERT = """
      INSERT INTO free_agents (event_id, person_id, wants) VALUES ($1, $2, $3)
      ON CONFLICT (event_id, person_id) DO UPDATE SET wants = EXCLUDED.wants
      """;
  private static final String CLEAR_SKILLS = "DELETE FROM free_agent_skills WHERE event_id = $1 AND person_id = $2";
  private static final String LINK_SKILLS = """
      INSERT INTO free_agent_skills (event_id, person_id, skill_id)
      SELECT $1, $2, id FROM skills WHERE lower(name) = ANY (SELECT lower(n) FROM unnest($3::text[]) AS n)
      """;
  private static final String PROFILE_SKILLS = """
      INSERT INTO free_agent_skills (event_id, person_id, skill_id)
      SELECT $1, $2, skill_id FROM person_skills WHERE person_id = $2
      """;
  private static final String REMOVE = "DELETE FROM free_agents WHERE event_id = $1 AND person_id = $2";

  private final Pool pool;

  public FreeAgentRepository(Pool pool) {
    this.pool = pool;
  }

  /** The event's free agents, earliest listing first. */
  public Future<List<FreeAgent>> list(long eventId) {
    return pool.preparedQuery(SELECT_AGENT + " ORDER BY f.created_at, f.person_id").execute(Tuple.of(eventId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(FreeAgentRepository::toAgent).toList());
  }

  public Future<Optional<FreeAgent>> find(long eventId, long personId) {
    return pool.preparedQuery(SELECT_AGENT + " AND f.person_id = $2").execute(Tuple.of(eventId, personId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(FreeAgentRepository::toAgent).findFirst());
  }

  /**
   * Lists the person as a free agent, or updates their listing. Skills default to the person's profile skills when
   * none are given; new names join the shared vocabulary.
   */
  public Future<FreeAgent> save(long eventId, long personId, List<String> skills, String wants) {
    String[] names = skills.toArray(String[]::new);
    return pool.withTransaction(tx -> tx.preparedQuery(PHASE).execute(Tuple.of(eventId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(AppError.notFound("That event"));
      }
      Phase phase = Phase.parse(rows.iterator().next().getString("phase")).orElseThrow();
      if (!phase.teamsOpen()) {
        return Future.failedFuture(AppError.conflict("Free agents can list themselves while teams can still change; "
            + "the event is in " + phase.label() + "."));
      }
      return Membership.lockParticipant(tx, eventId, personId)
          .compose(d -> tx.preparedQuery(TEAM_COUNT).execute(Tuple.of(eventId, personId)))
          .compose(count -> count.iterator().next().getLong("n") > 0
              ? Future.<Void>failedFuture(AppError.conflict(
                  "You are already on a team in this event, so you cannot list yourself as a free agent."))
              : tx.preparedQuery(UPSERT).execute(Tuple.of(eventId, personId, wants))
                  .compose(d -> tx.preparedQuery(CLEAR_SKILLS).execute(Tuple.of(eventId, personId)))
                  .compose(d -> linkSkills(tx, eventId, personId, names)));
    })).compose(done -> find(eventId, personId)).map(Optional::orElseThrow);
  }

  /** Takes the person's listing down. */
  public Future<Void> remove(long eventId, long personId) {
    return pool.preparedQuery(REMOVE).execute(Tuple.of(eventId, personId)).compose(rows -> rows.rowCount() == 1
        ? Future.<Void>succeededFuture() : Future.failedFuture(AppError.notFound("Your free-agent listing")));
  }

  private static Future<Void> linkSkills(SqlConnection tx, long eventId, long personId, String[] names) {
    if (names.length == 0) {
      return tx.preparedQuery(PROFILE_SKILLS).execute(Tuple.of(eventId, personId)).mapEmpty();
    }
    return Skills.ensure(tx, names).compose(d -> tx.preparedQuery(LINK_SKILLS)
        .execute(Tuple.of(eventId, personId).addArrayOfString(names))).mapEmpty();
  }

  private static FreeAgent toAgent(Row r) {
    return new FreeAgent(new Someone(r.getLong("person_id"), r.getString("display_name"), r.getString("department"),
        r.getString("location")), List.of(r.getArrayOfStrings("skills")), r.getString("wants"),
        r.getOffsetDateTime("created_at").toInstant());
  }
}
