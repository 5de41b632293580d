package app.shipyard.bench.live;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * A worker's sockets: opened with at most so many handshakes in flight, each counted as connected once its snapshot
 * arrived; a socket the server closed is a drop.
 */
final class Connections {

  private static final long SNAPSHOT_PATIENCE_MS = 60_000;

  private final Vertx vertx;
  private final int port;
  private final VoterTokens tokens;
  private final TallyLog.Filter measured;
  private final WebSocketClient client;
  private final List<Voter> voters = new ArrayList<>();
  private int drops;

  Connections(Vertx vertx, int port, String localAddress, VoterTokens tokens, TallyLog.Filter measured) {
    this.vertx = vertx;
    this.port = port;
    this.tokens = tokens;
    this.measured = measured;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(50_000)
        .setLocalAddress(localAddress).setConnectTimeout(30_000));
  }

  /** Connects persons {@code first} to {@code first + count - 1}; answers once every one is connected or failed. */
  Future<JsonObject> open(long event, int first, int count, int inFlight) {
    Histogram connect = Latencies.create();
    Map<String, Integer> failures = new HashMap<>();
    int[] next = {first};
    int[] finished = {0};
    long started = System.nanoTime();
    Promise<JsonObject> done = Promise.promise();
    Runnable[] more = new Runnable[1];
    more[0] = () -> {
      if (next[0] >= first + count) {
        return;
      }
      int person = next[0]++;
      long began = System.nanoTime();
      connectOne(event, person).onComplete(result -> {
        if (result.succeeded()) {
          Latencies.recordMicros(connect, (System.nanoTime() - began) / 1000, 1);
        } else {
          failures.merge(reason(result.cause()), 1, Integer::sum);
        }
        if (++finished[0] == count) {
          done.complete(new JsonObject().put("open", open().size()).put("opened", connect.getTotalCount())
              .put("failures", new JsonObject(new HashMap<>(failures))).put("connectUs", Latencies.encode(connect))
              .put("millis", (System.nanoTime() - started) / 1_000_000));
        } else {
          more[0].run();
        }
      });
    };
    if (count == 0) {
      return Future.succeededFuture(new JsonObject().put("open", open().size()).put("opened", 0));
    }
    for (int i = 0; i < Math.min(inFlight, count); i++) {
      more[0].run();
    }
    return done.future();
  }

  private Future<Void> connectOne(long event, int person) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/api/events/" + event + "/live").addHeader("Authorization", "Bearer " + tokens.of(person))
        .addHeader("Origin", "http://127.0.0.1:" + port);
    return client.connect(options).compose(ws -> {
      Voter voter = new Voter(person, ws, dropped -> drops++, measured);
      voters.add(voter);
      long timer = vertx.setTimer(SNAPSHOT_PATIENCE_MS, t -> voter.snapshot.tryFail("no snapshot in time"));
      return voter.snapshot.future().onComplete(r -> vertx.cancelTimer(timer));
    });
  }

  private static String reason(Throwable failure) {
    if (failure instanceof UpgradeRejectedException rejected) {
      return "HTTP " + rejected.getStatus();
    }
    String message = String.valueOf(failure.getMessage());
    return failure.getClass().getSimpleName() + ": " + message.substring(0, Math.min(80, message.length()));
  }

  List<Voter> open() {
    return voters.stream().filter(Voter::isOpen).toList();
  }

  void each(Consumer<Voter> action) {
    voters.forEach(action);
  }

  JsonObject status() {
    return new JsonObject().put("open", open().size()).put("drops", drops);
  }

  /** Closes every open socket after the first {@code keep} (the bench asked: not drops). */
  JsonObject shrink(int keep) {
    List<Voter> open = open();
    open.subList(Math.min(keep, open.size()), open.size()).forEach(Voter::close);
    voters.removeIf(v -> !v.isOpen());
    return status();
  }
}
