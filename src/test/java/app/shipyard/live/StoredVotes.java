package app.shipyard.live;

import app.shipyard.support.TestShipyard;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;

/** What the test database holds of a round's votes, read straight from its tables (no Shipyard in between). */
final class StoredVotes {

  private static final String RECEIPTS = "SELECT vote_id, recorded_at, outcome FROM vote_receipts WHERE round_id = $1";
  private static final String TOTALS = """
      SELECT bc.pitch_id, count(*) AS n FROM ballots b JOIN ballot_choices bc ON bc.ballot_id = b.id
       WHERE b.round_id = $1 GROUP BY bc.pitch_id
      """;
  private static final String BALLOTS = """
      SELECT count(*) AS ballots, count(DISTINCT voter_id) AS voters, (SELECT count(*) FROM ballot_choices
       WHERE round_id = $1) AS choices FROM ballots WHERE round_id = $1
      """;
  private static final String VOTES_WAITING = """
      SELECT count(*) FROM pg_stat_activity
       WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND state = 'active' AND query ILIKE '%voting_cast%'
      """;

  private static final String BUSY = """
      SELECT count(*) FROM pg_stat_activity
       WHERE backend_type = 'client backend' AND datname = current_database() AND pid <> pg_backend_pid()
         AND state <> 'idle'
      """;

  /** A vote's receipt: what its acknowledgement says. */
  record Receipt(String recordedAt, String outcome) {}

  private StoredVotes() {}

  /** The receipts of the round's votes, by vote id. */
  static Map<String, Receipt> receipts(long round) {
    Map<String, Receipt> receipts = new HashMap<>();
    for (Row r : TestShipyard.pool().preparedQuery(RECEIPTS).execute(Tuple.of(round)).await()) {
      receipts.put(r.getUUID("vote_id").toString(), new Receipt(
          r.getOffsetDateTime("recorded_at").toInstant().toString(), r.getString("outcome")));
    }
    return receipts;
  }

  /** Ballots per project (single-vote rounds: one choice per ballot). */
  static Map<Long, Long> totals(long round) {
    Map<Long, Long> totals = new HashMap<>();
    TestShipyard.pool().preparedQuery(TOTALS).execute(Tuple.of(round)).await()
        .forEach(r -> totals.put(r.getLong("pitch_id"), r.getLong("n")));
    return totals;
  }

  /** {@code [ballots, distinct voters, choices]} of the round. */
  static long[] counts(long round) {
    Row r = TestShipyard.pool().preparedQuery(BALLOTS).execute(Tuple.of(round)).await().iterator().next();
    return new long[] {r.getLong("ballots"), r.getLong("voters"), r.getLong("choices")};
  }

  /**
   * Whether no session but this one is running a statement or holding a transaction open: after a kill, the dead
   * server's commits in flight have ended (committed or not) and its open transactions are rolled back.
   */
  static boolean settled() {
    return TestShipyard.pool().query(BUSY).execute().await().iterator().next().getLong(0) == 0;
  }

  /** Statements casting votes (of any process; each a batch of one or more) waiting for their round's lock. */
  static long votesWaiting() {
    return TestShipyard.pool().query(VOTES_WAITING).execute().await().iterator().next().getLong(0);
  }
}
