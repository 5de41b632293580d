package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.Shipyard;
import app.shipyard.db.DatabaseUnavailable;
import app.shipyard.support.CuttableProxy;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestInstances;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A second instance reaches the test database through a {@link CuttableProxy}, so that only it loses the database
 * while the shared test instance keeps it, as one machine of several would when its network to PostgreSQL fails.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, timeUnit = TimeUnit.SECONDS)
@DisplayName("Database outage of one instance: votes refused in words, quick 503s, and recovery by itself")
class LiveOutageTest {

  /** "Quickly": far below the pool's 30 s wait for a connection, with room for a loaded 2-core machine. */
  private static final long QUICK_MS = 3_000;
  /** "Eventually": how long recovery may take here (the subscriber retries at most 2 s apart, the watch 4 times a second). */
  private static final long EVENTUALLY_MS = 30_000;
  /** Voters whose votes are in flight when the database goes away. */
  private static final int BURST = 12;

  private LiveFixture f;
  private CuttableProxy proxy;
  private Shipyard instance;
  private WebClient web;
  private long round;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new LiveFixture(vertx);
    round = f.openRound(new JsonObject().put("visibility", "live"));
    proxy = CuttableProxy.toTestDatabase();
    instance = TestInstances.start(Map.of("DATABASE_URL", proxy.databaseUrl()));
    web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(instance.port()).setFollowRedirects(false));
  }

  @AfterEach
  void tearDown() {
    LiveClient.closeAll();
    if (proxy != null) {
      proxy.restore(); // so that the instance stops as it would, not waiting on a database it cannot reach
    }
    if (instance != null) {
      instance.stop();
    }
    if (web != null) {
      web.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  @DisplayName("While cut off, a vote over its websocket gets an 'unavailable' error and over HTTP a 503 in the same "
      + "words, pages and JSON reads answer 503 within seconds, its socket stays up, and the other instance's votes "
      + "commit")
  void whileCutOff() {
    String ann = f.voter("Ann One");
    String bea = f.voter("Bea Two");
    String cem = f.voter("Cem Three");
    LiveClient socket = connect(ann);
    socket.next("snapshot");

    proxy.cut();
    JsonObject wsVote = f.vote(round, f.bot);
    long sent = System.nanoTime();
    JsonObject error = socket.send(wsVote.copy().put("ref", "w1")).answer("w1");
    assertEquals("error", error.getString("type"), "never an ack while the database is away: " + error.encode());
    assertEquals(DatabaseUnavailable.CODE, error.getString("code"));
    assertEquals(DatabaseUnavailable.NOT_RECORDED, error.getString("message"));
    assertQuick(sent, "the refused websocket vote");

    HttpResponse<Buffer> httpVote = timed("the refused HTTP vote", () -> as(bea, web.post("/api/rounds/" + round
        + "/votes")).sendJsonObject(f.vote(round, f.data)));
    assertEquals(503, httpVote.statusCode(), httpVote.bodyAsString());
    assertEquals(new JsonObject().put("error", DatabaseUnavailable.NOT_RECORDED).put("code", DatabaseUnavailable.CODE),
        httpVote.bodyAsJsonObject());
    assertNotNull(httpVote.getHeader("Retry-After"));

    HttpResponse<Buffer> page = timed("the event page", () -> as(ann, web.get("/events/" + f.event))
        .putHeader("Accept", "text/html").send());
    assertEquals(503, page.statusCode());
    assertTrue(page.getHeader("Content-Type").startsWith("text/html"), page.getHeader("Content-Type"));
    assertTrue(page.bodyAsString().contains("Temporarily unavailable"), page.bodyAsString());
    HttpResponse<Buffer> read = timed("the event's JSON", () -> as(ann, web.get("/api/events/" + f.event)).send());
    assertEquals(503, read.statusCode());
    assertEquals(DatabaseUnavailable.UNREACHABLE, read.bodyAsJsonObject().getString("error"));
    assertEquals(DatabaseUnavailable.CODE, read.bodyAsJsonObject().getString("code"));

    assertEquals(200, f.voteOverHttp(cem, f.vote(round, f.data)).statusCode(), "the other instance still takes votes");
    JsonObject pong = socket.send(new JsonObject().put("type", "ping").put("ref", "p1")).answer("p1");
    assertEquals("pong", pong.getString("type"), "the socket is still up and answering");
    assertFalse(socket.ws.isClosed());
    assertEquals(503, LiveClient.refusal(f.vertx, LiveClient.options(instance.port(), f.event, "", bea)),
        "a new live connection is refused until the database is back");
    assertEquals(0, ballotsOf("ann.one@test.example") + ballotsOf("bea.two@test.example"), "nothing was recorded");
    assertEquals(1, ballotsOf("cem.three@test.example"));
  }

  @Test
  @DisplayName("After the database returns, the instance recovers without a restart: its socket gets the tallies "
      + "with the votes cast elsewhere meanwhile, it hears new votes again, votes on it are acknowledged, and new "
      + "clients connect")
  void afterRestore() {
    String ann = f.voter("Ann One");
    String bea = f.voter("Bea Two");
    LiveClient socket = connect(ann);
    assertEquals(0, voters(socket.next("snapshot")));

    proxy.cut();
    for (String name : new String[] {"Cem Three", "Dan Four"}) {
      assertEquals(200, f.voteOverHttp(f.voter(name), f.vote(round, f.data)).statusCode());
    }
    JsonObject refused = socket.send(f.vote(round, f.bot).put("ref", "w0")).answer("w0");
    assertEquals(DatabaseUnavailable.CODE, refused.getString("code"), "still cut off: " + refused.encode());

    proxy.restore();
    socket.next(frame -> voters(frame) == 2, "the two votes cast elsewhere during the outage");

    JsonObject vote = f.vote(round, f.bot);
    JsonObject ack = eventuallyAcknowledged(socket, vote);
    assertEquals(vote.getString("voteId"), ack.getString("voteId"));
    socket.next(frame -> voters(frame) == 3, "its own vote in the tally");
    assertEquals(200, f.voteOverHttp(f.voter("Eve Five"), f.vote(round, f.data)).statusCode());
    socket.next(frame -> voters(frame) == 4, "a vote on the other instance, heard through the feed again");

    HttpResponse<Buffer> httpVote = eventually(() -> as(bea, web.post("/api/rounds/" + round + "/votes"))
        .sendJsonObject(f.vote(round, f.data)).await(), response -> response.statusCode() == 200, "an HTTP vote");
    assertEquals("recorded", httpVote.bodyAsJsonObject().getString("outcome"));
    socket.next(frame -> voters(frame) == 5, "the HTTP vote in the tally");
    LiveClient newcomer = connect(f.voter("Fay Six"));
    assertEquals(5, voters(newcomer.next("snapshot")), "a new client connects and starts from the caught-up state");
    assertEquals(1, ballotsOf("ann.one@test.example"), "the vote resent with its voteId counted once");
  }

  @Test
  @DisplayName("Votes in flight when the database goes away are each either acknowledged and stored, or refused as "
      + "not recorded: no vote is acknowledged without its ballot")
  void cutDuringBurst() {
    List<LiveClient> sockets = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      sockets.add(connect(f.voter("Voter " + i)));
      sockets.get(i).next("snapshot");
    }
    List<JsonObject> votes = sockets.stream().map(socket -> f.vote(round, f.bot).put("ref", "b")).toList();
    for (int i = 0; i < BURST; i++) {
      sockets.get(i).ws.writeTextMessage(votes.get(i).encode()); // not awaited: they leave together
    }
    proxy.cut();
    List<JsonObject> answers = sockets.stream().map(socket -> socket.answer("b")).toList();

    Set<String> stored = TestShipyard.pool().preparedQuery("SELECT vote_id::text FROM vote_receipts WHERE round_id = $1")
        .execute(Tuple.of(round)).await().stream().map(row -> row.getString(0)).collect(Collectors.toSet());
    for (JsonObject answer : answers) {
      if ("ack".equals(answer.getString("type"))) {
        assertTrue(stored.contains(answer.getString("voteId")), "acknowledged but not stored: " + answer.encode());
      } else {
        assertEquals(DatabaseUnavailable.CODE, answer.getString("code"), answer.encode());
        assertEquals(DatabaseUnavailable.NOT_RECORDED, answer.getString("message"));
      }
    }
    assertEquals(BURST, answers.size());
    long ballots = TestShipyard.pool().preparedQuery("SELECT count(*) FROM ballots WHERE round_id = $1")
        .execute(Tuple.of(round)).await().iterator().next().getLong(0);
    assertEquals(stored.size(), ballots, "each stored vote has its receipt, for the retry with its voteId");
  }

  private LiveClient connect(String token) {
    return LiveClient.open(LiveClient.client(f.vertx), LiveClient.options(instance.port(), f.event, "", token))
        .await();
  }

  /** Sends the vote, and again with the same voteId (as live.js does) after each 'unavailable', until it is acked. */
  private static JsonObject eventuallyAcknowledged(LiveClient socket, JsonObject vote) {
    long until = System.currentTimeMillis() + EVENTUALLY_MS;
    for (int attempt = 1; ; attempt++) {
      JsonObject answer = socket.send(vote.copy().put("ref", "a" + attempt)).answer("a" + attempt);
      if ("ack".equals(answer.getString("type"))) {
        return answer;
      }
      assertEquals(DatabaseUnavailable.CODE, answer.getString("code"), answer.encode());
      if (System.currentTimeMillis() > until) {
        throw new AssertionError("No ack within " + EVENTUALLY_MS + " ms of the database's return: " + answer);
      }
      pause(200);
    }
  }

  private static <T> T eventually(Supplier<T> call, java.util.function.Predicate<T> done, String what) {
    long until = System.currentTimeMillis() + EVENTUALLY_MS;
    while (true) {
      T result = call.get();
      if (done.test(result)) {
        return result;
      }
      if (System.currentTimeMillis() > until) {
        throw new AssertionError("Not " + what + " within " + EVENTUALLY_MS + " ms: " + result);
      }
      pause(200);
    }
  }

  /** The voters in the round's one category as a frame shows them; -1 for a frame that does not show them. */
  private long voters(JsonObject frame) {
    JsonObject tally = switch (frame.getString("type", "")) {
      case "tally" -> frame.getLong("roundId") == round ? frame : null;
      case "round" -> frame.getJsonObject("round").getLong("id") == round ? frame.getJsonObject("round")
          .getJsonObject("tally") : null;
      case "snapshot" -> frame.getJsonArray("rounds").stream().map(JsonObject.class::cast)
          .filter(r -> r.getLong("id") == round).findFirst().map(r -> r.getJsonObject("tally")).orElse(null);
      default -> null;
    };
    if (tally == null) {
      return -1;
    }
    JsonObject first = tally.getJsonArray("categories").getJsonObject(0);
    return first.getLong("voters", first.getLong("ballots", -1L));
  }

  private static long ballotsOf(String email) {
    return TestShipyard.pool().preparedQuery("SELECT count(*) FROM ballots WHERE voter_id = $1")
        .execute(Tuple.of(Fixture.personId(email))).await().iterator().next().getLong(0);
  }

  private static HttpRequest<Buffer> as(String token, HttpRequest<Buffer> request) {
    return request.bearerTokenAuthentication(token).timeout(EVENTUALLY_MS);
  }

  private static HttpResponse<Buffer> timed(String what, Supplier<io.vertx.core.Future<HttpResponse<Buffer>>> call) {
    long started = System.nanoTime();
    HttpResponse<Buffer> response = call.get().await();
    assertQuick(started, what);
    return response;
  }

  private static void assertQuick(long startedNanos, String what) {
    long millis = (System.nanoTime() - startedNanos) / 1_000_000;
    assertTrue(millis < QUICK_MS, what + " took " + millis + " ms");
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
