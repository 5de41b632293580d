package app.shipyard.bench.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * A load-generator process: holds up to a few thousand voters' sockets from one loopback source address and obeys the
 * bench's commands, one JSON object a line on standard input, answering each with one line on standard output (the
 * bench's own control, not a Shipyard protocol). It exits when its input ends, so it never outlives the bench.
 *
 * <p>Arguments: Shipyard's port, the local address to connect from, the identity provider's issuer, audience and
 * HS256 secret (the bench's own, made up for the run).
 */
public final class LoadWorker {

  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final Connections connections;
  private final Set<Long> measured = new HashSet<>();

  private LoadWorker(String[] args) {
    connections = new Connections(vertx, Integer.parseInt(args[0]), args[1],
        new VoterTokens(vertx, args[2], args[3], args[4]), measured::contains);
  }

  public static void main(String[] args) throws IOException {
    LoadWorker worker = new LoadWorker(args);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      JsonObject command = new JsonObject(line);
      if ("quit".equals(command.getString("op"))) {
        break;
      }
      worker.context.runOnContext(v -> worker.obey(command));
    }
    worker.vertx.close().await();
    System.exit(0);
  }

  private void obey(JsonObject command) {
    Future<JsonObject> answer;
    try {
      answer = switch (command.getString("op")) {
        case "connect" -> connections.open(command.getLong("event"), command.getInteger("first"),
            command.getInteger("count"), command.getInteger("inFlight"));
        case "status" -> Future.succeededFuture(connections.status());
        case "shrink" -> Future.succeededFuture(connections.shrink(command.getInteger("keep")));
        case "vote" -> vote(command);
        case "screen" -> Future.succeededFuture(screen(command.getJsonObject("ackTimes")));
        default -> Future.failedFuture("unknown op " + command.getString("op"));
      };
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onComplete(result -> {
      JsonObject reply = result.succeeded() ? result.result()
          : new JsonObject().put("failure", String.valueOf(result.cause()));
      System.out.println(reply.put("id", command.getValue("id")).encode());
      System.out.flush();
    });
  }

  /** Votes from the first {@code voters} open sockets; every socket keeps the tally frames of the slots' rounds. */
  private Future<JsonObject> vote(JsonObject command) {
    JsonArray slots = command.getJsonArray("slots");
    measured.clear();
    connections.each(v -> v.tallies.clear());
    slots.forEach(slot -> measured.add(((JsonArray) slot).getLong(0)));
    List<Voter> open = connections.open();
    List<Voter> voting = new ArrayList<>(open.subList(0, Math.min(open.size(), command.getInteger("voters"))));
    return new VoteRun(vertx, voting, slots, command.getJsonArray("pitches"), command.getDouble("rate")).start();
  }

  /** The vote-to-screen latency at every socket here, for the acks of every worker (arrival ms -> count). */
  private JsonObject screen(JsonObject ackTimes) {
    Histogram screen = Latencies.create();
    long unseen = 0;
    for (String round : ackTimes.fieldNames()) {
      JsonObject perMs = ackTimes.getJsonObject(round);
      long t0 = perMs.fieldNames().stream().mapToLong(Long::parseLong).min().orElse(0);
      long t1 = perMs.fieldNames().stream().mapToLong(Long::parseLong).max().orElse(-1);
      long[] counts = new long[(int) Math.max(0, t1 - t0 + 1)];
      perMs.forEach(e -> counts[(int) (Long.parseLong(e.getKey()) - t0)] += ((Number) e.getValue()).longValue());
      for (Voter voter : connections.open()) {
        unseen += voter.tallies.screen(Long.parseLong(round), t0, counts, screen);
      }
    }
    measured.clear();
    connections.each(v -> v.tallies.clear());
    return new JsonObject().put("screenUs", Latencies.encode(screen)).put("unseen", unseen);
  }
}
