package app.shipyard.voting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Reads the voting audit trail: who did what to a round and when, and who voted in which category when. It never
 * holds for whom anyone voted. Written by the transactions it records, in {@link RoundRepository} and
 * {@link VoteRepository}.
 */
public final class AuditRepository {

  private static final String ENTRIES = """
      SELECT a.id, a.at, a.actor_id, p.display_name, a.action, a.round_id, a.category_id
        FROM voting_audit a LEFT JOIN people p ON p.id = a.actor_id
       WHERE a.round_id = $1 AND a.id > $2 ORDER BY a.id LIMIT $3
      """;

  private final Pool pool;

  public AuditRepository(Pool pool) {
    this.pool = pool;
  }

  /** One line of the trail; no actor ({@code null}) when the scheduler opened or closed the round. */
  public record Entry(long id, OffsetDateTime at, Long actorId, String actorName, String action, long roundId,
                      Long categoryId) {

    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("at", at.toInstant().toString())
          .put("actor", actorId == null ? null : new JsonObject().put("id", actorId).put("displayName", actorName))
          .put("action", action).put("roundId", roundId).put("categoryId", categoryId);
    }
  }

  /** The round's entries after entry {@code afterId}, oldest first, at most {@code limit}. */
  public Future<List<Entry>> entries(long roundId, long afterId, int limit) {
    return pool.preparedQuery(ENTRIES).execute(Tuple.of(roundId, afterId, limit)).map(rows -> StreamSupport
        .stream(rows.spliterator(), false).map(AuditRepository::toEntry).toList());
  }

  private static Entry toEntry(Row r) {
    return new Entry(r.getLong("id"), r.getOffsetDateTime("at"), r.getLong("actor_id"), r.getString("display_name"),
        r.getString("action"), r.getLong("round_id"), r.getLong("category_id"));
  }
}
