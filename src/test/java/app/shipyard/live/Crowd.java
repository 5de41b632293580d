package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Voters of one open round, each with one vote of their own (its own {@code voteId}, kept across reconnects) and the
 * answers it got, over the live channel of whichever instance they are connected to, or over HTTP. For crash tests:
 * the sockets die with their server and connect again to another.
 */
final class Crowd {

  static final long WAIT_MS = 60_000;

  /** One voter: their token and vote, the socket they are on now, and what came back. */
  static final class Member {
    final String token;
    final JsonObject vote;
    final List<JsonObject> acks = new CopyOnWriteArrayList<>();
    final List<JsonObject> errors = new CopyOnWriteArrayList<>();
    volatile WebSocket ws;
    volatile JsonObject snapshot;

    Member(String token, JsonObject vote) {
      this.token = token;
      this.vote = vote;
    }

    String voteId() {
      return vote.getString("voteId");
    }

    long pitch() {
      return vote.getLong("pitchId");
    }

    /** The first acknowledgement, or null. */
    JsonObject ack() {
      return acks.isEmpty() ? null : acks.get(0);
    }

    private void received(JsonObject frame) {
      switch (frame.getString("type", "")) {
        case "snapshot" -> snapshot = frame;
        case "ack" -> acks.add(frame);
        case "error" -> errors.add(frame);
        default -> { }
      }
    }
  }

  final List<Member> members;
  private final LiveFixture f;
  final long round;

  /** {@code size} voters taking part; one in three votes for "Bot", the others for "Data". */
  Crowd(LiveFixture f, long round, int size) {
    this.f = f;
    this.round = round;
    long category = f.category(round);
    members = IntStream.range(0, size).mapToObj(i -> new Member(f.voter("Voter " + i), new JsonObject()
        .put("roundId", round).put("voteId", UUID.randomUUID().toString()).put("categoryId", category)
        .put("pitchId", i % 3 == 0 ? f.bot : f.data))).toList();
  }

  /** Every member opens the event's live channel on the instance at {@code port}; waits for every snapshot. */
  void connect(Vertx vertx, int port) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(members.size() + 10));
    members.forEach(m -> m.snapshot = null);
    Future.all(members.stream().map(m -> client.connect(LiveClient.options(port, f.event, "", m.token)).map(ws -> {
      m.ws = ws;
      ws.textMessageHandler(text -> m.received(new JsonObject(text)));
      return ws;
    })).toList()).await();
    await(() -> members.stream().allMatch(m -> m.snapshot != null), "a snapshot on every socket");
  }

  /** The member's vote over the live channel, with the same {@code voteId} every time; the answer comes later. */
  Future<Void> send(Member m) {
    return m.ws.writeTextMessage(m.vote.copy().put("type", "vote").put("ref", m.voteId()).encode());
  }

  /**
   * The member's vote over HTTP, with the same {@code voteId} every time: a 200 counts as its ack, a 503 as the
   * live channel's {@code unavailable}; a request cut off by its server's death records nothing.
   */
  Future<Void> sendOverHttp(WebClient http, Member m) {
    return http.post("/api/rounds/" + round + "/votes").bearerTokenAuthentication(m.token).sendJsonObject(m.vote)
        .map(answer -> {
          if (answer.statusCode() == 200) {
            m.acks.add(answer.bodyAsJsonObject());
          } else {
            m.errors.add(new JsonObject().put("code", answer.statusCode() == 503 ? "unavailable"
                : String.valueOf(answer.statusCode())).put("message", answer.bodyAsString()));
          }
          return null;
        });
  }

  /** The first acknowledgement of every member that has one, by vote id. */
  Map<String, JsonObject> acks() {
    Map<String, JsonObject> acks = new HashMap<>();
    members.stream().filter(m -> m.ack() != null).forEach(m -> acks.put(m.voteId(), m.ack()));
    return acks;
  }

  void awaitClosed() {
    await(() -> members.stream().allMatch(m -> m.ws == null || m.ws.isClosed()), "every socket closed");
  }

  /**
   * Each of these members sends its vote again ({@link #send} or {@link #sendOverHttp}) until it is acknowledged; an
   * answer {@code unavailable} or {@code rate_limited} (a busy server) is retried, any other refusal fails the test.
   */
  void resendUntilAcked(List<Member> resending, Function<Member, Future<Void>> send) {
    resending.forEach(m -> m.acks.clear());
    for (int attempt = 0; attempt < 20; attempt++) {
      List<Member> waiting = resending.stream().filter(m -> m.ack() == null).toList();
      if (waiting.isEmpty()) {
        return;
      }
      waiting.forEach(m -> m.errors.clear());
      waiting.forEach(send::apply);
      await(() -> waiting.stream().allMatch(m -> m.ack() != null || !m.errors.isEmpty()), "an answer to every resend");
      waiting.stream().flatMap(m -> m.errors.stream()).filter(e -> !Set.of("unavailable", "rate_limited")
          .contains(e.getString("code"))).findFirst().ifPresent(e -> {
            throw new AssertionError("A resent vote was refused: " + e.encode());
          });
    }
    throw new AssertionError("Resent votes still not acknowledged after 20 attempts");
  }

  /** Votes per project among the members whose vote ids these are. */
  Map<Long, Long> totalsOf(Set<String> voteIds) {
    return members.stream().filter(m -> voteIds.contains(m.voteId()))
        .collect(Collectors.groupingBy(Member::pitch, Collectors.counting()));
  }

  /** Points per project in the member's last snapshot ({@code ballots} per category, as the tally JSON has it). */
  Map<Long, Long> snapshotTotals(Member m) {
    JsonObject tally = m.snapshot.getJsonArray("rounds").stream().map(JsonObject.class::cast)
        .filter(r -> r.getLong("id") == round).findFirst().orElseThrow().getJsonObject("tally");
    JsonObject category = tally.getJsonArray("categories").getJsonObject(0);
    Map<Long, Long> totals = totals(category);
    assertEquals(totals.values().stream().mapToLong(Long::longValue).sum(), category.getLong("ballots"),
        "one ballot per point in a single-vote round: " + category.encode());
    return totals;
  }

  /** Points per project with any, in one category of a tally's JSON (as in snapshots, round and tally frames). */
  static Map<Long, Long> totals(JsonObject category) {
    Map<Long, Long> totals = new HashMap<>();
    JsonArray standings = category.getJsonArray("standings", new JsonArray());
    standings.stream().map(JsonObject.class::cast).filter(s -> s.getLong("points") > 0)
        .forEach(s -> totals.put(s.getLong("pitchId"), s.getLong("points")));
    return totals;
  }

  /** Asks every socket for a fresh snapshot and waits for them. */
  void refreshSnapshots() {
    members.forEach(m -> m.snapshot = null);
    members.forEach(m -> m.ws.writeTextMessage(new JsonObject().put("type", "snapshot").encode()));
    await(() -> members.stream().allMatch(m -> m.snapshot != null), "a fresh snapshot on every socket");
  }

  void close() {
    members.stream().filter(m -> m.ws != null && !m.ws.isClosed()).forEach(m -> m.ws.close());
  }

  /** Waits (generously: a loaded machine) until {@code done}. */
  static void await(BooleanSupplier done, String what) {
    long until = System.currentTimeMillis() + WAIT_MS;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > until) {
        throw new AssertionError("Not within " + WAIT_MS + " ms: " + what);
      }
      pause(20);
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
