package app.shipyard.bench.live;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * One worker's share of a voting run: each voter casts one vote in each slot (a round and category), in slot order,
 * paced at {@code rate} votes a second (or, at rate 0, each voter's next vote as soon as its last is answered: a
 * saturating burst). It measures the ack latency and keeps each ack's arrival time for the vote-to-screen latency.
 */
final class VoteRun {

  private static final long ANSWER_PATIENCE_MS = 15_000;

  private final Vertx vertx;
  private final List<Voter> voters;
  private final JsonArray slots;
  private final JsonArray pitches;
  private final double rate;
  private final int total;
  private final Promise<JsonObject> done = Promise.promise();
  private final Histogram ack = Latencies.create();
  private final Map<Long, Map<Long, Long>> ackTimes = new HashMap<>();
  private final Map<String, Integer> refused = new HashMap<>();
  private final JsonArray acked = new JsonArray();
  private int next;
  private int answered;
  private int timedOut;
  private long firstSent;
  private long lastAnswer;

  VoteRun(Vertx vertx, List<Voter> voters, JsonArray slots, JsonArray pitches, double rate) {
    this.vertx = vertx;
    this.voters = voters;
    this.slots = slots;
    this.pitches = pitches;
    this.rate = rate;
    this.total = voters.size() * slots.size();
  }

  /** The same id for the same voter, round and category in every run: re-sending is safe, checking is exact. */
  static String voteId(long round, long category, int person) {
    return UUID.nameUUIDFromBytes(("bench:" + round + ":" + category + ":" + person)
        .getBytes(StandardCharsets.UTF_8)).toString();
  }

  Future<JsonObject> start() {
    firstSent = System.currentTimeMillis();
    if (total == 0) {
      finish();
    } else if (rate <= 0) {
      voters.forEach(v -> send(v, 0));
    } else {
      long started = System.nanoTime();
      vertx.setPeriodic(5, timer -> {
        long due = Math.min(total, (long) ((System.nanoTime() - started) / 1e9 * rate) + 1);
        while (next < due) {
          send(voters.get(next % voters.size()), next / voters.size());
          next++;
        }
        if (next >= total) {
          vertx.cancelTimer(timer);
        }
      });
    }
    return done.future();
  }

  private void send(Voter voter, int slot) {
    JsonArray target = slots.getJsonArray(slot);
    long round = target.getLong(0);
    long category = target.getLong(1);
    String voteId = voteId(round, category, voter.person);
    JsonObject message = new JsonObject().put("type", "vote").put("ref", voteId).put("roundId", round)
        .put("voteId", voteId).put("categoryId", category)
        .put("pitchId", pitches.getLong((voter.person + slot) % pitches.size()));
    long sent = System.nanoTime();
    long timer = vertx.setTimer(ANSWER_PATIENCE_MS, t -> {
      voter.forget(voteId);
      timedOut++;
      answered(voter, slot);
    });
    voter.vote(message, answer -> {
      vertx.cancelTimer(timer);
      Latencies.recordMicros(ack, (System.nanoTime() - sent) / 1000, 1);
      if ("ack".equals(answer.getString("type"))) {
        acked.add(voteId);
        // The ack's arrival (this machine's clock, as the server's): a frame read after it includes the vote.
        ackTimes.computeIfAbsent(round, r -> new HashMap<>()).merge(System.currentTimeMillis(), 1L, Long::sum);
      } else {
        refused.merge(answer.getString("code", "unknown"), 1, Integer::sum);
      }
      answered(voter, slot);
    });
  }

  private void answered(Voter voter, int slot) {
    answered++;
    lastAnswer = System.currentTimeMillis();
    if (rate <= 0 && slot + 1 < slots.size()) {
      send(voter, slot + 1);
    }
    if (answered == total) {
      finish();
    }
  }

  private void finish() {
    JsonObject times = new JsonObject();
    ackTimes.forEach((round, counts) -> {
      JsonObject perMs = new JsonObject();
      counts.forEach((ms, n) -> perMs.put(Long.toString(ms), n));
      times.put(Long.toString(round), perMs);
    });
    done.tryComplete(new JsonObject().put("sent", total).put("acked", acked).put("refused", new JsonObject(
            new HashMap<>(refused))).put("timedOut", timedOut).put("ackUs", Latencies.encode(ack))
        .put("firstSent", firstSent).put("lastAnswer", lastAnswer).put("ackTimes", times));
  }
}
