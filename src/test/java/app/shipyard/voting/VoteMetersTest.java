package app.shipyard.voting;

import static app.shipyard.voting.VotingFixture.category;
import static app.shipyard.voting.VotingFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Vote counters as a scraper reads them at {@code /metrics}; other tests vote too, so each test reads differences. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Vote metrics")
class VoteMetersTest {

  private Vertx vertx;
  private VotingFixture f;
  private long round;
  private long category;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    f = new VotingFixture(vertx);
    JsonObject opened = f.openRound(new JsonObject());
    round = opened.getLong("id");
    category = category(opened, 0);
  }

  /** The vote series at one moment, read from {@code /metrics} as a scraper reads them. */
  private record Counts(double committed, double alreadyVoted, double roundClosed, double failed, double acks) {}

  private Counts counts() {
    HttpResponse<Buffer> metrics = f.api.get("/metrics").bearerTokenAuthentication(TestShipyard.METRICS_TOKEN)
        .send().await();
    assertEquals(200, metrics.statusCode(), metrics.bodyAsString());
    List<String> lines = metrics.bodyAsString().lines().toList();
    return new Counts(value(lines, "shipyard_votes_committed_total"),
        value(lines, "shipyard_votes_refused_total{reason=\"already_voted\"}"),
        value(lines, "shipyard_votes_refused_total{reason=\"round_closed\"}"),
        value(lines, "shipyard_votes_failed_total"), value(lines, "shipyard_votes_ack_seconds_count"));
  }

  /** One series' value; a missing series fails, so a renamed meter cannot pass as zero. */
  private static double value(List<String> lines, String series) {
    return lines.stream().filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series + " in /metrics"));
  }

  @Test
  @DisplayName("After one committed and one refused vote, the counters show 1 committed and 1 refused with its reason")
  void committedAndRefused() {
    String ann = f.voter("Ann One");
    Counts before = counts();

    assertEquals(200, f.vote(ann, round, single(category, f.bot)).statusCode());
    assertEquals(409, f.vote(ann, round, single(category, f.data)).statusCode());

    Counts after = counts();
    assertEquals(before.committed() + 1, after.committed());
    assertEquals(before.alreadyVoted() + 1, after.alreadyVoted());
    assertEquals(before.roundClosed(), after.roundClosed(), "only the refusal's own reason counts");
    assertEquals(before.acks() + 1, after.acks(), "the committed vote was acknowledged and timed");
  }

  @Test
  @DisplayName("A re-sent vote is acknowledged again but counted once; a vote in a closed round counts as round_closed")
  void resentAndClosed() {
    String ann = f.voter("Ann One");
    JsonObject vote = single(category, f.bot).put("voteId", UUID.randomUUID().toString());
    Counts before = counts();

    assertEquals(200, f.events.post(ann, "/api/rounds/" + round + "/votes", vote).statusCode());
    assertEquals(200, f.events.post(ann, "/api/rounds/" + round + "/votes", vote).statusCode());
    f.change(round, "close");
    assertEquals(409, f.vote(f.voter("Ben Two"), round, single(category, f.bot)).statusCode());

    Counts after = counts();
    assertEquals(before.committed() + 1, after.committed());
    assertEquals(before.acks() + 2, after.acks());
    assertEquals(before.roundClosed() + 1, after.roundClosed());
  }

  @Test
  @DisplayName("A vote that fails for another reason (a category of another round) counts as failed, not refused")
  void failed() {
    Counts before = counts();

    assertEquals(400, f.vote(f.voter("Ann One"), round, single(987654, f.bot)).statusCode());

    Counts after = counts();
    assertEquals(before.failed() + 1, after.failed());
    assertEquals(before.committed(), after.committed());
    assertEquals(before.alreadyVoted(), after.alreadyVoted());
  }

  @Test
  @DisplayName("A vote over the live channel's websocket is counted as committed, like one over HTTP")
  void liveVoteCounted() {
    String ann = f.voter("Ann One");
    Counts before = counts();
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    // The handler goes on before connecting: a frame that arrives while a websocket has none is dropped, and the
    // snapshot can come right behind the handshake's answer, before this thread is back from await().
    ClientWebSocket socket = vertx.createWebSocketClient().webSocket();
    socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(TestShipyard.port()).setURI("/api/events/" + f.event + "/live")
        .addHeader("Authorization", "Bearer " + ann)
        .addHeader("Origin", "http://127.0.0.1:" + TestShipyard.port())).await();
    frame(frames, "type", "snapshot");
    socket.writeTextMessage(single(category, f.bot).put("type", "vote").put("roundId", round)
        .put("voteId", UUID.randomUUID().toString()).put("ref", "m1").encode()).await();
    JsonObject ack = frame(frames, "ref", "m1");
    assertEquals("ack", ack.getString("type"), ack.encode());
    socket.close().await();

    Counts after = counts();
    assertEquals(before.committed() + 1, after.committed());
    assertEquals(before.acks() + 1, after.acks());
  }

  /** The next frame whose {@code field} is {@code value}, skipping the others (updates, other answers). */
  private static JsonObject frame(BlockingQueue<JsonObject> frames, String field, String value) {
    long until = System.currentTimeMillis() + 10_000;
    try {
      while (System.currentTimeMillis() < until) {
        JsonObject frame = frames.poll(until - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
        if (frame != null && value.equals(frame.getString(field))) {
          return frame;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no frame with " + field + " " + value);
  }
}
