package app.shipyard.bench.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One voting run across every worker, and what it measured: the acks (latency, ids, arrival times), the refusals,
 * and afterwards the vote-to-screen latency at every connection of every worker.
 */
final class VotingRound {

  final JsonArray slots;
  final Histogram ack = Latencies.create();
  final JsonArray acked = new JsonArray();
  final Map<String, Integer> refused = new TreeMap<>();
  final JsonObject ackTimes = new JsonObject();
  long sent;
  long timedOut;
  long firstSent = Long.MAX_VALUE;
  long lastAnswer;

  private VotingRound(JsonArray slots) {
    this.slots = slots;
  }

  /**
   * {@code voters} of the open sockets (spread over the workers as their sockets are) each vote once per slot, at
   * {@code rate} votes a second in all (0: as fast as answers come).
   */
  static VotingRound run(Workers workers, JsonArray slots, JsonArray pitches, int voters, double rate) {
    List<Integer> open = workers.all(i -> new JsonObject().put("op", "status"), Duration.ofSeconds(30)).stream()
        .map(s -> s.getInteger("open")).toList();
    int total = open.stream().mapToInt(Integer::intValue).sum();
    int[] share = new int[open.size()];
    int given = 0;
    for (int i = 0; i < share.length; i++) {
      share[i] = i == share.length - 1 ? Math.min(open.get(i), voters - given)
          : (int) Math.min(open.get(i), Math.round((double) voters * open.get(i) / Math.max(1, total)));
      given += share[i];
    }
    int all = given;
    long votes = (long) all * slots.size();
    Duration patience = Duration.ofSeconds(120 + (rate > 0 ? (long) (votes / rate) : votes / 200));
    VotingRound round = new VotingRound(slots);
    List<JsonObject> answers = workers.all(i -> new JsonObject().put("op", "vote").put("slots", slots)
        .put("pitches", pitches).put("voters", share[i])
        .put("rate", all == 0 ? 0 : rate * share[i] / all), patience);
    answers.forEach(round::add);
    return round;
  }

  private void add(JsonObject answer) {
    sent += answer.getLong("sent");
    timedOut += answer.getLong("timedOut");
    acked.addAll(answer.getJsonArray("acked"));
    Latencies.add(ack, answer.getString("ackUs"));
    answer.getJsonObject("refused").forEach(e -> refused.merge(e.getKey(), ((Number) e.getValue()).intValue(),
        Integer::sum));
    if (answer.getLong("sent") > 0) {
      firstSent = Math.min(firstSent, answer.getLong("firstSent"));
      lastAnswer = Math.max(lastAnswer, answer.getLong("lastAnswer"));
    }
    JsonObject times = answer.getJsonObject("ackTimes");
    for (String r : times.fieldNames()) {
      JsonObject merged = ackTimes.getJsonObject(r, new JsonObject());
      times.getJsonObject(r).forEach(e -> merged.put(e.getKey(), merged.getLong(e.getKey(), 0L)
          + ((Number) e.getValue()).longValue()));
      ackTimes.put(r, merged);
    }
  }

  /** Seconds from the first vote sent to the last answer received. */
  double seconds() {
    return lastAnswer <= 0 ? 0 : (lastAnswer - firstSent) / 1000.0;
  }

  double committedPerSecond() {
    return seconds() <= 0 ? 0 : acked.size() / seconds();
  }

  JsonArray roundIds() {
    JsonArray ids = new JsonArray();
    slots.stream().map(s -> ((JsonArray) s).getLong(0)).distinct().forEach(ids::add);
    return ids;
  }

  /** The vote-to-screen latency of these votes at every connection; {@code unseen} counts (vote, screen) pairs missed. */
  Screen screen(Workers workers) {
    Histogram screen = Latencies.create();
    long unseen = 0;
    for (JsonObject answer : workers.all(i -> new JsonObject().put("op", "screen").put("ackTimes", ackTimes),
        Duration.ofMinutes(5))) {
      Latencies.add(screen, answer.getString("screenUs"));
      unseen += answer.getLong("unseen");
    }
    return new Screen(screen, unseen);
  }

  record Screen(Histogram latency, long unseen) {}

  String refusals() {
    return refused.isEmpty() && timedOut == 0 ? "none" : refused + (timedOut > 0 ? ", " + timedOut + " timed out" : "");
  }
}
