package app.shipyard.award;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads awards: an event's, a project's, or those of a set of projects at once (a portfolio). Winners first, then
 * judges' prizes, then finalists; within each, in the order they were given. Only approved projects that organisers
 * have not hidden are listed for an event. Writes are in {@link AwardWrites}.
 */
public final class AwardRepository {

  private static final String SELECT = """
      SELECT a.id, a.event_id, e.title AS event_title, a.pitch_id, p.title AS pitch_title, a.kind, a.title,
             a.round_id, a.category_id, a.place, a.points, a.tie_break, a.awarded_at
        FROM awards a JOIN pitches p ON p.id = a.pitch_id JOIN events e ON e.id = a.event_id
      """;
  private static final String ORDER = """
       ORDER BY CASE a.kind WHEN 'winner' THEN 1 WHEN 'prize' THEN 2 ELSE 3 END, a.round_id NULLS LAST,
                a.category_id NULLS LAST, a.awarded_at, a.id
      """;
  private static final String OF_EVENT = SELECT
      + " WHERE a.event_id = $1 AND p.approved AND p.hidden_reason IS NULL" + ORDER;
  private static final String OF_ROUND = SELECT + " WHERE a.round_id = $1" + ORDER;
  private static final String OF_PITCHES = SELECT + " WHERE a.pitch_id = ANY ($1::bigint[])" + ORDER;

  private final Pool pool;

  public AwardRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Award>> ofEvent(long eventId) {
    return pool.preparedQuery(OF_EVENT).execute(Tuple.of(eventId)).map(AwardRepository::awards);
  }

  /** The awards a voting round gave: its winners, or (a final) its finalists. */
  public Future<List<Award>> ofRound(long roundId) {
    return pool.preparedQuery(OF_ROUND).execute(Tuple.of(roundId)).map(AwardRepository::awards);
  }

  public Future<List<Award>> ofPitch(long pitchId) {
    return ofPitches(List.of(pitchId)).map(byPitch -> byPitch.getOrDefault(pitchId, List.of()));
  }

  /** The awards of each of these projects (projects without any are absent). */
  public Future<Map<Long, List<Award>>> ofPitches(List<Long> pitchIds) {
    if (pitchIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return pool.preparedQuery(OF_PITCHES).execute(Tuple.of(pitchIds.toArray(Long[]::new)))
        .map(rows -> awards(rows).stream().collect(Collectors.groupingBy(Award::pitchId, LinkedHashMap::new,
            Collectors.toList())));
  }

  private static List<Award> awards(Iterable<Row> rows) {
    return StreamSupport.stream(rows.spliterator(), false).map(AwardRepository::award).toList();
  }

  private static Award award(Row r) {
    return new Award(r.getLong("id"), r.getLong("event_id"), r.getString("event_title"), r.getLong("pitch_id"),
        r.getString("pitch_title"), r.getString("kind"), r.getString("title"), r.getLong("round_id"),
        r.getLong("category_id"), r.getInteger("place"), r.getInteger("points"), r.getString("tie_break"),
        r.getOffsetDateTime("awarded_at"));
  }
}
