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

/** Mentors: employees offering help in some skills during an event. A mentor may also be on a team. */
public final class MentorRepository {

  private static final String SELECT_MENTOR = """
      SELECT m.person_id, pe.display_name, pe.department, coalesce(l.name, '') AS location, m.note, m.created_at,
             coalesce((SELECT array_agg(s.name ORDER BY lower(s.name)) FROM mentor_skills ms
                         JOIN skills s ON s.id = ms.skill_id
                        WHERE ms.event_id = m.event_id AND ms.person_id = m.person_id), '{}') AS skills
        FROM mentors m JOIN people pe ON pe.id = m.person_id LEFT JOIN locations l ON l.id = pe.location_id
       WHERE m.event_id = $1
      """;
  private static final String PHASE = "SELECT phase FROM events WHERE id = $1";
  private static final String ENSURE_PARTICIPANT =
      "INSERT INTO event_participants (event_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
  private static final String UPSERT = """
      INSERT INTO mentors (event_id, person_id, note) VALUES ($1, $2, $3)
      ON CONFLICT (event_id, person_id) DO UPDATE SET note = EXCLUDED.note
      """;
  private static final String CLEAR_SKILLS = "DELETE FROM mentor_skills WHERE event_id = $1 AND person_id = $2";
  private static final String LINK_SKILLS = """
      INSERT INTO mentor_skills (event_id, person_id, skill_id)
      SELECT $1, $2, id FROM skills WHERE lower(name) = ANY (SELECT lower(n) FROM unnest($3::text[]) AS n)
      """;
  private static final String PROFILE_SKILLS = """
      INSERT INTO mentor_skills (event_id, person_id, skill_id)
      SELECT $1, $2, skill_id FROM person_skills WHERE person_id = $2
      """;
  private static final String REMOVE = "DELETE FROM mentors WHERE event_id = $1 AND person_id = $2";

  private final Pool pool;

  public MentorRepository(Pool pool) {
    this.pool = pool;
  }

  /** The event's mentors, earliest listing first. */
  public Future<List<Mentor>> list(long eventId) {
    return pool.preparedQuery(SELECT_MENTOR + " ORDER BY m.created_at, m.person_id").execute(Tuple.of(eventId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(MentorRepository::toMentor).toList());
  }

  public Future<Optional<Mentor>> find(long eventId, long personId) {
    return pool.preparedQuery(SELECT_MENTOR + " AND m.person_id = $2").execute(Tuple.of(eventId, personId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(MentorRepository::toMentor).findFirst());
  }

  /**
   * Lists the person as a mentor, or updates their listing, until the event reaches Results. Skills default to the
   * person's profile skills when none are given; new names join the shared vocabulary.
   */
  public Future<Mentor> save(long eventId, long personId, List<String> skills, String note) {
    String[] names = skills.toArray(String[]::new);
    return pool.withTransaction(tx -> tx.preparedQuery(PHASE).execute(Tuple.of(eventId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(AppError.notFound("That event"));
      }
      Phase phase = Phase.parse(rows.iterator().next().getString("phase")).orElseThrow();
      if (phase == Phase.RESULTS || phase == Phase.ARCHIVED) {
        return Future.failedFuture(AppError.conflict("Mentors can offer help until the event reaches Results; "
            + "it is in " + phase.label() + "."));
      }
      return tx.preparedQuery(ENSURE_PARTICIPANT).execute(Tuple.of(eventId, personId))
          .compose(d -> tx.preparedQuery(UPSERT).execute(Tuple.of(eventId, personId, note)))
          .compose(d -> tx.preparedQuery(CLEAR_SKILLS).execute(Tuple.of(eventId, personId)))
          .compose(d -> linkSkills(tx, eventId, personId, names));
    })).compose(done -> find(eventId, personId)).map(Optional::orElseThrow);
  }

  public Future<Void> remove(long eventId, long personId) {
    return pool.preparedQuery(REMOVE).execute(Tuple.of(eventId, personId)).compose(rows -> rows.rowCount() == 1
        ? Future.<Void>succeededFuture() : Future.failedFuture(AppError.notFound("Your mentor listing")));
  }

  private static Future<Void> linkSkills(SqlConnection tx, long eventId, long personId, String[] names) {
    if (names.length == 0) {
      return tx.preparedQuery(PROFILE_SKILLS).execute(Tuple.of(eventId, personId)).mapEmpty();
    }
    return Skills.ensure(tx, names).compose(d -> tx.preparedQuery(LINK_SKILLS)
        .execute(Tuple.of(eventId, personId).addArrayOfString(names))).mapEmpty();
  }

  private static Mentor toMentor(Row r) {
    return new Mentor(new Someone(r.getLong("person_id"), r.getString("display_name"), r.getString("department"),
        r.getString("location")), List.of(r.getArrayOfStrings("skills")), r.getString("note"),
        r.getOffsetDateTime("created_at").toInstant());
  }
}
