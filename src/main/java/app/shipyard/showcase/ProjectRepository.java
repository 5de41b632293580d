package app.shipyard.showcase;

import app.shipyard.db.Retry;
import app.shipyard.event.Phase;
import app.shipyard.outcome.Outcome;
import app.shipyard.outcome.OutcomeRepository;
import app.shipyard.outcome.ProjectGuard;
import app.shipyard.pitch.Audience;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;

/** Reads a whole project page in one query, and keeps a project's demo links. */
public final class ProjectRepository {

  static final int MAX_LINKS = 20;
  /** Who sees a pitch, as {@code PitchRepository.VISIBLE}: everyone once shown; its captain ($2), organisers ($3). */
  private static final String VISIBLE = "(p.approved AND p.hidden_reason IS NULL OR p.captain_id = $2 OR $3::boolean)";
  private static final String ONE = """
      SELECT p.id, p.event_id, e.title AS event_title, e.kind AS event_kind, e.phase,
             (e.starts_at AT TIME ZONE e.time_zone)::date AS starts_on, p.captain_id, p.title, p.summary, p.problem,
             p.idea, p.stage, p.approved AND p.hidden_reason IS NULL AS shown, p.links AS pitch_links,
             coalesce((SELECT array_agg(sk.name ORDER BY lower(sk.name)) FROM pitch_skills ps
                         JOIN skills sk ON sk.id = ps.skill_id WHERE ps.pitch_id = p.id), '{}') AS skills,
             coalesce((SELECT json_agg(json_build_object('id', pe.id, 'displayName', pe.display_name,
                                 'department', pe.department, 'location', l.name, 'captain', m.is_captain)
                                 ORDER BY m.is_captain DESC, m.joined_at, pe.id)
                         FROM team_members m JOIN people pe ON pe.id = m.person_id
                         LEFT JOIN locations l ON l.id = pe.location_id WHERE m.pitch_id = p.id), '[]'::json) AS team,
             coalesce((SELECT json_agg(json_build_object('id', k.id, 'kind', k.kind, 'url', k.url, 'label', k.label)
                                 ORDER BY k.id)
                         FROM project_links k WHERE k.pitch_id = p.id), '[]'::json) AS links,
             %s AS awards,
             %s AS outcomes
        FROM pitches p JOIN events e ON e.id = p.event_id
       WHERE p.id = $1 AND %s
      """.formatted(ShowcaseAward.json("a.pitch_id = p.id"), OutcomeRepository.HISTORY, VISIBLE);
  private static final String VERSION = """
      SELECT coalesce(v.version, 0) AS version
        FROM pitches p JOIN events e ON e.id = p.event_id LEFT JOIN showcase_versions v ON v.event_id = p.event_id
       WHERE p.id = $1 AND %s AND %s
      """.formatted(VISIBLE, ShowcaseRepository.PUBLISHED);
  private static final String LINK_COUNT = "SELECT count(*) AS n, bool_or(url = $2) AS linked FROM project_links "
      + "WHERE pitch_id = $1";
  private static final String ADD_LINK = """
      INSERT INTO project_links (pitch_id, kind, url, label, added_by) VALUES ($1, $2, $3, $4, $5) RETURNING id
      """;
  private static final String REMOVE_LINK = "DELETE FROM project_links WHERE id = $1 AND pitch_id = $2";

  private final Pool pool;

  public ProjectRepository(Pool pool) {
    this.pool = pool;
  }

  /** The project as {@code who} may see it, in any phase; "not found" when it does not exist or is not theirs. */
  public Future<Project> get(long id, Audience who) {
    return pool.preparedQuery(ONE).execute(Tuple.of(id, who.personId(), who.organiser())).map(rows -> {
      if (rows.size() == 0) {
        throw AppError.notFound("That pitch");
      }
      return toProject(rows.iterator().next());
    });
  }

  /** The version of the project's page for {@code who}; empty unless they see it and its event is published. */
  public Future<Optional<Long>> version(long id, Audience who) {
    return pool.preparedQuery(VERSION).execute(Tuple.of(id, who.personId(), who.organiser()))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("version")));
  }

  /** Adds a demo link (captain or organiser, once the event has its results); at most {@value #MAX_LINKS}. */
  public Future<Long> addLink(long pitchId, Audience who, NewLink link) {
    return Retry.transaction(pool, tx -> ProjectGuard.forChange(tx, pitchId, who, "change its links")
        .compose(pitch -> tx.preparedQuery(LINK_COUNT).execute(Tuple.of(pitchId, link.url())))
        .compose(rows -> {
          Row r = rows.iterator().next();
          if (Boolean.TRUE.equals(r.getBoolean("linked"))) {
            return Future.failedFuture(AppError.invalid("url", "is already one of this project's links"));
          }
          if (r.getLong("n") >= MAX_LINKS) {
            return Future.failedFuture(AppError.conflict("A project has at most " + MAX_LINKS + " links; "
                + "remove one first."));
          }
          return tx.preparedQuery(ADD_LINK)
              .execute(Tuple.of(pitchId, link.kind(), link.url(), link.label(), who.personId()));
        })
        .map(rows -> rows.iterator().next().getLong("id")));
  }

  public Future<Void> removeLink(long pitchId, long linkId, Audience who) {
    return Retry.transaction(pool, tx -> ProjectGuard.forChange(tx, pitchId, who, "change its links")
        .compose(pitch -> tx.preparedQuery(REMOVE_LINK).execute(Tuple.of(linkId, pitchId)))
        .compose(rows -> rows.rowCount() == 0 ? Future.failedFuture(AppError.notFound("That link"))
            : Future.succeededFuture()));
  }

  private static Project toProject(Row r) {
    return new Project(r.getLong("id"), r.getLong("event_id"), r.getString("event_title"), r.getString("event_kind"),
        Phase.parse(r.getString("phase")).orElseThrow(), r.getLocalDate("starts_on"), r.getLong("captain_id"),
        r.getString("title"), r.getString("summary"), r.getString("problem"), r.getString("idea"),
        r.getString("stage"), r.getBoolean("shown"), List.of(r.getArrayOfStrings("skills")),
        List.of(r.getArrayOfStrings("pitch_links")),
        objects(r, "team").map(m -> new Project.Member(m.getLong("id"), m.getString("displayName"),
            m.getString("department"), m.getString("location"), m.getBoolean("captain"))).toList(),
        objects(r, "links").map(k -> new Project.Link(k.getLong("id"), k.getString("kind"), k.getString("url"),
            k.getString("label"))).toList(),
        ShowcaseAward.list(r.getValue("awards")), Outcome.list(r.getValue("outcomes")));
  }

  private static java.util.stream.Stream<JsonObject> objects(Row r, String column) {
    Object raw = r.getValue(column);
    JsonArray array = raw instanceof JsonArray a ? a : new JsonArray(String.valueOf(raw));
    return array.stream().map(o -> (JsonObject) o);
  }
}
