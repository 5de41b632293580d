package app.shipyard.showcase;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The entries of the showcase's Atom feed: awards of published events (each dated when it became public: when it was
 * given or, if later, when its event reached results) and outcomes recorded as shipped, newest first.
 */
public final class FeedRepository {

  static final int ENTRIES = 50;
  private static final String ENTRIES_SQL = """
      SELECT * FROM (
        SELECT 'award' AS type, a.id, a.pitch_id, p.title AS project, e.id AS event_id, e.title AS event_title,
               a.kind, a.title AS award, '' AS note,
               greatest(a.awarded_at, (SELECT max(c.changed_at) FROM event_phase_changes c
                                        WHERE c.event_id = e.id AND c.to_phase = 'results')) AS updated
          FROM awards a JOIN pitches p ON p.id = a.pitch_id JOIN events e ON e.id = a.event_id
         WHERE %1$s AND %2$s AND ($1::bigint IS NULL OR e.id = $1)
        UNION ALL
        SELECT 'outcome', o.id, o.pitch_id, p.title, e.id, e.title, o.kind, '', o.note, o.recorded_at
          FROM project_outcomes o JOIN pitches p ON p.id = o.pitch_id JOIN events e ON e.id = p.event_id
         WHERE o.kind = 'shipped' AND %1$s AND %2$s AND ($1::bigint IS NULL OR e.id = $1)
      ) entries
      ORDER BY updated DESC, type, id DESC LIMIT $2
      """.formatted(ShowcaseRepository.PUBLISHED, "p.approved AND p.hidden_reason IS NULL");

  private final Pool pool;

  public FeedRepository(Pool pool) {
    this.pool = pool;
  }

  /** The newest entries of one published event's feed, or (with {@code eventId} null) of the whole showcase. */
  public Future<List<Entry>> entries(Long eventId) {
    return pool.preparedQuery(ENTRIES_SQL).execute(Tuple.of(eventId, ENTRIES)).map(rows -> StreamSupport
        .stream(rows.spliterator(), false).map(r -> new Entry(r.getString("type"), r.getLong("id"),
            r.getLong("pitch_id"), r.getString("project"), r.getLong("event_id"), r.getString("event_title"),
            r.getString("kind"), r.getString("award"), r.getString("note"), r.getOffsetDateTime("updated")))
        .toList());
  }

  /** An award ({@code type} "award", {@code kind} winner, finalist or prize) or a shipped outcome ("outcome"). */
  public record Entry(String type, long id, long pitchId, String project, long eventId, String eventTitle,
                      String kind, String award, String note, OffsetDateTime updated) {

    String title() {
      String what = type.equals("outcome") ? "Shipped"
          : (kind.equals("winner") ? "Winner" : kind.equals("finalist") ? "Finalist" : "Prize") + ", " + award;
      return what + ": " + project + " (" + eventTitle + ")";
    }
  }
}
