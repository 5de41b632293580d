package app.shipyard.showcase;

import app.shipyard.event.Phase;
import app.shipyard.outcome.ImpactKind;
import app.shipyard.outcome.Outcome.Impact;
import app.shipyard.outcome.OutcomeKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Reads the archive: published events (in results or archived) page by page, each event's gallery with its winners
 * pinned first, everything that shipped, and the change counters behind the pages' ETags. Only pitches everyone sees
 * (approved and not hidden) are ever listed; leadership and organisers get the count of the others.
 */
public final class ShowcaseRepository {

  static final String PUBLISHED = "e.phase IN ('results', 'archived')";
  private static final String SHOWN = "p.approved AND p.hidden_reason IS NULL";
  private static final String EVENT = """
      SELECT e.id, e.kind, e.title, e.theme, e.phase, (e.starts_at AT TIME ZONE e.time_zone)::date AS starts_on,
             extract(year FROM e.starts_at AT TIME ZONE e.time_zone)::int AS year,
             (SELECT count(*) FROM pitches p WHERE p.event_id = e.id AND %1$s) AS projects,
             (SELECT count(*) FROM pitches p WHERE p.event_id = e.id AND NOT (%1$s)) AS unshown,
             %2$s AS awards
        FROM events e
      """.formatted(SHOWN, ShowcaseAward.json("a.event_id = e.id"));
  private static final String ARCHIVE = EVENT + " WHERE " + PUBLISHED + """

         AND ($1::int IS NULL OR extract(year FROM e.starts_at AT TIME ZONE e.time_zone) = $1)
       ORDER BY e.starts_at DESC, e.id DESC LIMIT $2 OFFSET $3""";
  private static final String ONE_EVENT = EVENT + " WHERE e.id = $1";
  private static final String YEARS = """
      SELECT extract(year FROM e.starts_at AT TIME ZONE e.time_zone)::int AS year, count(*) AS events
        FROM events e WHERE %s GROUP BY 1 ORDER BY 1 DESC
      """.formatted(PUBLISHED);
  private static final String PROJECT = """
      SELECT p.id, p.event_id, e.title AS event_title, p.title, p.summary, c.display_name AS captain_name, s.members,
             %s AS awards, o.kind AS outcome, o.happened_on::text AS happened_on, po.impact_kind,
             po.impact_value::text AS impact_value, po.impact_estimated
        FROM pitches p JOIN events e ON e.id = p.event_id JOIN people c ON c.id = p.captain_id
        JOIN pitch_standings s ON s.pitch_id = p.id
        LEFT JOIN project_current_outcomes o ON o.pitch_id = p.id
        LEFT JOIN project_outcomes po ON po.id = o.outcome_id
      """.formatted(ShowcaseAward.json("a.pitch_id = p.id"));
  /** Winners first, then prizes, then finalists, then every other project by title. */
  private static final String GALLERY = PROJECT + " WHERE p.event_id = $1 AND " + SHOWN + """

       ORDER BY (SELECT min(CASE a.kind WHEN 'winner' THEN 0 WHEN 'prize' THEN 1 ELSE 2 END)
                   FROM awards a WHERE a.pitch_id = p.id) NULLS LAST, lower(p.title), p.id
       LIMIT $2 OFFSET $3""";
  private static final String SHIPPED = PROJECT + " WHERE o.kind = 'shipped' AND " + PUBLISHED + " AND " + SHOWN + """

       ORDER BY o.happened_on DESC, o.pitch_id DESC LIMIT $1 OFFSET $2""";
  private static final String VERSION_ALL =
      "SELECT coalesce(sum(version), 0)::bigint AS version, count(*) AS events FROM showcase_versions";
  private static final String VERSION_OF_EVENT = """
      SELECT coalesce(v.version, 0) AS version FROM events e LEFT JOIN showcase_versions v ON v.event_id = e.id
       WHERE e.id = $1 AND %s
      """.formatted(PUBLISHED);

  private final Pool pool;

  public ShowcaseRepository(Pool pool) {
    this.pool = pool;
  }

  /** One page of published events, newest first, in one year or all; one more than {@code limit} if there are. */
  public Future<List<ArchiveEvent>> archive(Integer year, int limit, int offset) {
    return pool.preparedQuery(ARCHIVE).execute(Tuple.of(year, limit + 1, offset)).map(ShowcaseRepository::events);
  }

  /** The years that have published events, newest first, with how many. */
  public Future<List<Year>> years() {
    return pool.preparedQuery(YEARS).execute().map(rows -> StreamSupport.stream(rows.spliterator(), false)
        .map(r -> new Year(r.getInteger("year"), r.getLong("events"))).toList());
  }

  /** Any event (published or not, even a draft): the caller decides who may see it. */
  public Future<Optional<ArchiveEvent>> event(long id) {
    return pool.preparedQuery(ONE_EVENT).execute(Tuple.of(id)).map(rows -> events(rows).stream().findFirst());
  }

  /** One page of an event's gallery, winners pinned first; one more than {@code limit} if there are. */
  public Future<List<GalleryProject>> gallery(long eventId, int limit, int offset) {
    return pool.preparedQuery(GALLERY).execute(Tuple.of(eventId, limit + 1, offset))
        .map(ShowcaseRepository::projects);
  }

  /** One page of the projects whose current outcome is "shipped", latest shipped first. */
  public Future<List<GalleryProject>> shipped(int limit, int offset) {
    return pool.preparedQuery(SHIPPED).execute(Tuple.of(limit + 1, offset)).map(ShowcaseRepository::projects);
  }

  /** The whole showcase's version: it changes with every change to any published event. */
  public Future<String> version() {
    return pool.query(VERSION_ALL).execute().map(rows -> {
      Row r = rows.iterator().next();
      return r.getLong("events") + "." + r.getLong("version");
    });
  }

  /** A published event's version; empty when the event is not published (or does not exist). */
  public Future<Optional<Long>> version(long eventId) {
    return pool.preparedQuery(VERSION_OF_EVENT).execute(Tuple.of(eventId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("version")));
  }

  public record Year(int year, long events) {}

  private static List<ArchiveEvent> events(RowSet<Row> rows) {
    return StreamSupport.stream(rows.spliterator(), false).map(r -> new ArchiveEvent(r.getLong("id"),
        r.getString("kind"), r.getString("title"), r.getString("theme"), Phase.parse(r.getString("phase")).orElseThrow(),
        r.getLocalDate("starts_on"), r.getInteger("year"), r.getLong("projects"), r.getLong("unshown"),
        ShowcaseAward.list(r.getValue("awards")))).toList();
  }

  private static List<GalleryProject> projects(RowSet<Row> rows) {
    return StreamSupport.stream(rows.spliterator(), false).map(r -> new GalleryProject(r.getLong("id"),
        r.getLong("event_id"), r.getString("event_title"), r.getString("title"), r.getString("summary"),
        r.getString("captain_name"), r.getInteger("members"), ShowcaseAward.list(r.getValue("awards")),
        r.getString("outcome") == null ? null : OutcomeKind.parse(r.getString("outcome")).orElseThrow(),
        r.getString("happened_on"), impact(r))).toList();
  }

  private static Impact impact(Row r) {
    String kind = r.getString("impact_kind");
    return kind == null ? null : new Impact(ImpactKind.parse(kind).orElseThrow(),
        new java.math.BigDecimal(r.getString("impact_value")), r.getBoolean("impact_estimated"));
  }
}
