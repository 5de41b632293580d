package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import app.shipyard.live.Crowd.Member;
import app.shipyard.live.StoredVotes.Receipt;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/** What {@link CrashTest} checks after a kill: against the database's receipts and ballots, and on the sockets. */
final class CrashChecks {

  private CrashChecks() {}

  /** The round's receipts; every acknowledged vote has one, saying what its ack said. */
  static Map<String, Receipt> noneLost(long round, Map<String, JsonObject> acked) {
    Map<String, Receipt> committed = StoredVotes.receipts(round);
    acked.forEach((voteId, ack) -> {
      Receipt receipt = committed.get(voteId);
      assertNotNull(receipt, "an acknowledged vote is not in the database: " + ack.encode());
      assertEquals(new Receipt(ack.getString("recordedAt"), ack.getString("outcome")), receipt, ack.encode());
    });
    return committed;
  }

  /**
   * Every voter without an ack, and every tenth with one, sends the same vote again until acknowledged. A vote the
   * database had gets the answer of its receipt (for an acknowledged one: its ack again); the others are recorded
   * now. Then the database holds exactly one ballot per voter, and the totals are the acknowledged votes.
   */
  static void resendAndCheck(Crowd crowd, Map<String, JsonObject> acked, Map<String, Receipt> committed,
                             Function<Member, Future<Void>> send) {
    List<Member> resending = IntStream.range(0, crowd.members.size()).filter(i -> i % 10 == 0
        || !acked.containsKey(crowd.members.get(i).voteId())).mapToObj(crowd.members::get).toList();
    crowd.resendUntilAcked(resending, send);
    for (Member m : resending) {
      JsonObject ack = m.ack();
      assertEquals(m.voteId(), ack.getString("voteId"));
      Receipt before = committed.get(m.voteId());
      Receipt now = new Receipt(ack.getString("recordedAt"), ack.getString("outcome"));
      assertEquals(before == null ? "recorded" : before.outcome(), now.outcome(), ack.encode());
      if (before != null) {
        assertEquals(before, now, "a committed vote, re-sent, gets its first answer: " + ack.encode());
      }
    }
    int voters = crowd.members.size();
    Map<String, Receipt> receipts = StoredVotes.receipts(crowd.round);
    assertEquals(crowd.acks().keySet(), receipts.keySet(), "the database holds exactly the acknowledged votes");
    long[] counts = StoredVotes.counts(crowd.round);
    assertEquals(List.of((long) voters, (long) voters, (long) voters), List.of(counts[0], counts[1], counts[2]),
        "one ballot with one choice per voter: [ballots, voters, choices]");
    assertEquals(crowd.totalsOf(receipts.keySet()),
        StoredVotes.totals(crowd.round));
  }

  /**
   * Waits until a frame on this socket (a tally, or a round with its tally) shows these totals: an instance that
   * outlived another learns of the votes that one committed but never announced.
   */
  static void awaitTotals(LiveClient socket, Map<Long, Long> totals) {
    long until = System.currentTimeMillis() + Crowd.WAIT_MS;
    while (System.currentTimeMillis() < until) {
      for (JsonObject frame : socket.during(500)) {
        JsonObject tally = "round".equals(frame.getString("type"))
            ? frame.getJsonObject("round").getJsonObject("tally") : frame;
        if (Set.of("tally", "round").contains(frame.getString("type")) && tally != null
            && totals.equals(Crowd.totals(tally.getJsonArray("categories").getJsonObject(0)))) {
          return;
        }
      }
    }
    throw new AssertionError("No frame showed " + totals + " within " + Crowd.WAIT_MS + " ms");
  }

  /**
   * Fresh snapshots show these totals, eventually: a snapshot is cut from the channel's state, whose tallies are read
   * once per tick (200 ms or more), so one asked for right after an ack may show the tally of the tick before.
   */
  static void awaitSnapshotsShow(Crowd crowd, Map<Long, Long> totals) {
    Crowd.await(() -> {
      crowd.refreshSnapshots();
      return crowd.members.stream().allMatch(m -> totals.equals(crowd.snapshotTotals(m)));
    }, "fresh snapshots showing " + totals);
  }

  /** Each socket's latest snapshot shows these totals for the round. */
  static void assertSnapshotsShow(Crowd crowd, Map<Long, Long> totals) {
    crowd.members.forEach(m -> assertEquals(totals, crowd.snapshotTotals(m), "the snapshot of " + m.voteId()));
  }
}
