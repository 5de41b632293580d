package app.shipyard.portfolio;

import app.shipyard.event.Phase;
import app.shipyard.portfolio.Portfolio.EventEntry;
import app.shipyard.portfolio.Portfolio.Project;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a person's portfolio and keeps their reflections. */
public final class PortfolioRepository {

  /** One row per (event, project) the person took part in; events without a project have null pitch columns. */
  private static final String ENTRIES = """
      SELECT e.id AS event_id, e.title AS event_title, e.kind, e.phase, e.starts_at,
             EXISTS (SELECT 1 FROM mentors mt WHERE mt.event_id = e.id AND mt.person_id = ep.person_id) AS mentor,
             EXISTS (SELECT 1 FROM free_agents fa WHERE fa.event_id = e.id AND fa.person_id = ep.person_id) AS free_agent,
             p.id AS pitch_id, p.title, p.summary, p.stage, m.is_captain,
             (SELECT count(*) FROM team_members t WHERE t.pitch_id = p.id) AS team_size,
             coalesce((SELECT array_agg(s.name ORDER BY lower(s.name)) FROM pitch_skills ps
                         JOIN skills s ON s.id = ps.skill_id WHERE ps.pitch_id = p.id), '{}') AS skills,
             r.body AS reflection, r.updated_at AS reflected_at
        FROM event_participants ep
        JOIN events e ON e.id = ep.event_id
        LEFT JOIN team_members m ON m.event_id = ep.event_id AND m.person_id = ep.person_id
        LEFT JOIN pitches p ON p.id = m.pitch_id AND ($2 OR (p.hidden_reason IS NULL AND p.approved))
        LEFT JOIN reflections r ON r.pitch_id = p.id AND r.person_id = ep.person_id
       WHERE ep.person_id = $1 AND e.phase <> 'draft'
       ORDER BY e.starts_at DESC, e.id DESC, m.joined_at, p.id
      """;
  private static final String IS_MEMBER = "SELECT 1 FROM team_members WHERE pitch_id = $1 AND person_id = $2";
  private static final String SAVE = """
      INSERT INTO reflections (person_id, pitch_id, body) VALUES ($1, $2, $3)
      ON CONFLICT (person_id, pitch_id) DO UPDATE SET body = excluded.body, updated_at = now()
      """;
  private static final String REMOVE = "DELETE FROM reflections WHERE person_id = $1 AND pitch_id = $2";

  private final Pool pool;

  public PortfolioRepository(Pool pool) {
    this.pool = pool;
  }

  /** The portfolio as {@code viewer} may see it: people see their own hidden or unapproved projects, others don't. */
  public Future<Portfolio> of(long personId, boolean own) {
    return pool.preparedQuery(ENTRIES).execute(Tuple.of(personId, own)).map(rows -> new Portfolio(personId, group(rows)));
  }

  /** Saves (or, when {@code body} is empty, removes) the person's reflection on a project they were on. */
  public Future<Void> reflect(long personId, long pitchId, String body) {
    return pool.withTransaction(tx -> tx.preparedQuery(IS_MEMBER).execute(Tuple.of(pitchId, personId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(AppError.forbidden("You can only reflect on projects whose team you were on."));
      }
      return body.isEmpty()
          ? tx.preparedQuery(REMOVE).execute(Tuple.of(personId, pitchId)).mapEmpty()
          : tx.preparedQuery(SAVE).execute(Tuple.of(personId, pitchId, body)).mapEmpty();
    }));
  }

  private static List<EventEntry> group(RowSet<Row> rows) {
    Map<Long, List<Project>> projects = new LinkedHashMap<>();
    Map<Long, Row> events = new LinkedHashMap<>();
    for (Row r : rows) {
      long eventId = r.getLong("event_id");
      events.putIfAbsent(eventId, r);
      List<Project> list = projects.computeIfAbsent(eventId, id -> new ArrayList<>());
      if (r.getLong("pitch_id") != null) {
        list.add(new Project(r.getLong("pitch_id"), r.getString("title"), r.getString("summary"), r.getString("stage"),
            r.getBoolean("is_captain"), r.getLong("team_size").intValue(), List.of(r.getArrayOfStrings("skills")),
            r.getString("reflection"), r.getOffsetDateTime("reflected_at"), List.of()));
      }
    }
    return events.values().stream().map(r -> new EventEntry(r.getLong("event_id"), r.getString("event_title"),
        r.getString("kind"), Phase.parse(r.getString("phase")).orElseThrow(), r.getOffsetDateTime("starts_at"), r.getBoolean("mentor"),
        r.getBoolean("free_agent"), List.copyOf(projects.get(r.getLong("event_id"))))).toList();
  }
}
