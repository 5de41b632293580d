package app.shipyard.bench.live;

import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * Acknowledged votes against the database: an acknowledged vote without its receipt and ballot is lost; a second
 * ballot of a voter in a category, or a ballot no acknowledgement accounts for, is duplicated (or invented).
 */
final class VoteCheck {

  /** What the database holds for the votes of one run. */
  record Result(long acked, long ballots, long lost, long duplicated, long unacknowledged) {
    String describe() {
      return String.format("%d acknowledged, %d ballots in the database, %d lost, %d duplicated, %d without an ack",
          acked, ballots, lost, duplicated, unacknowledged);
    }
  }

  private static final String LOST = """
      SELECT count(*) FROM unnest($1::uuid[]) AS acked(vote_id)
       WHERE NOT EXISTS (SELECT 1 FROM vote_receipts r JOIN ballots b
                           ON b.category_id = r.category_id AND b.voter_id = r.voter_id
                         WHERE r.vote_id = acked.vote_id)
      """;
  private static final String BALLOTS = """
      SELECT count(*) AS ballots, count(DISTINCT (category_id, voter_id)) AS distinct_ballots
        FROM ballots WHERE round_id = ANY ($1::bigint[])
      """;

  private VoteCheck() {}

  static Result check(Pool pool, JsonArray rounds, JsonArray ackedVoteIds) {
    UUID[] acked = ackedVoteIds.stream().map(id -> UUID.fromString((String) id)).toArray(UUID[]::new);
    Long[] roundIds = rounds.stream().map(r -> ((Number) r).longValue()).toArray(Long[]::new);
    long lost = pool.preparedQuery(LOST).execute(Tuple.of(acked)).await().iterator().next().getLong(0);
    Row counts = pool.preparedQuery(BALLOTS).execute(Tuple.of(roundIds)).await().iterator().next();
    long ballots = counts.getLong("ballots");
    long duplicated = ballots - counts.getLong("distinct_ballots");
    return new Result(acked.length, ballots, lost, duplicated, Math.max(0, ballots - (acked.length - lost)));
  }
}
