package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.Shipyard;
import app.shipyard.live.TimedLiveClient.Arrival;
import app.shipyard.support.TestInstances;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Shipyard instances on one database, as behind a load balancer without sticky sessions: A is the shared test
 * instance, B another one in this JVM with its own Vert.x, pool, live feed and round clock. Frames are compared by
 * the moment they arrived at clients of either instance.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, timeUnit = java.util.concurrent.TimeUnit.SECONDS)
@DisplayName("Two instances on one database: the same live state on both, one round clock, and moving between them")
class TwoInstancesTest {

  private static final long APART_MS = 1_000;
  private static Shipyard b;

  private LiveFixture f;
  private WebSocketClient client;
  private final List<TimedLiveClient> open = new ArrayList<>();

  @BeforeAll
  static void startB() {
    TestShipyard.get();
    b = TestInstances.start(Map.of());
  }

  @AfterAll
  static void stopB() {
    if (b != null) {
      b.stop();
    }
  }

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new LiveFixture(vertx);
    client = LiveClient.client(vertx);
  }

  @AfterEach
  void tearDown() {
    open.forEach(TimedLiveClient::close);
  }

  private TimedLiveClient onA(String query, String token) {
    return connect(TestShipyard.port(), query, token);
  }

  private TimedLiveClient onB(String query, String token) {
    return connect(b.port(), query, token);
  }

  private TimedLiveClient connect(int port, String query, String token) {
    TimedLiveClient live = TimedLiveClient.connect(client, port, f.event, query, token);
    open.add(live);
    live.first("snapshot");
    return live;
  }

  /** The first frame each client got that is {@code wanted}, which must have arrived at most a second apart. */
  private static List<JsonObject> together(TimedLiveClient a, TimedLiveClient b, Predicate<JsonObject> wanted,
                                           String what) {
    Arrival onA = a.first(wanted, what + " on instance A");
    Arrival onB = b.first(wanted, what + " on instance B");
    long apartMs = Math.abs(onA.atNanos() - onB.atNanos()) / 1_000_000;
    assertTrue(apartMs <= APART_MS, what + " reached the clients of the two instances " + apartMs + " ms apart");
    return List.of(onA.frame(), onB.frame());
  }

  private static Predicate<JsonObject> tally(long round, int voters) {
    return fr -> "tally".equals(fr.getString("type")) && fr.getLong("roundId") == round
        && fr.getJsonArray("categories").getJsonObject(0).getLong("voters") == voters;
  }

  private static Predicate<JsonObject> round(long round, Predicate<JsonObject> state) {
    return fr -> "round".equals(fr.getString("type")) && fr.getJsonObject("round").getLong("id") == round
        && state.test(fr.getJsonObject("round"));
  }

  private static Predicate<JsonObject> onStage(String title) {
    return fr -> "stage".equals(fr.getString("type")) && fr.getJsonObject("stage").getJsonObject("onStage") != null
        && title.equals(fr.getJsonObject("stage").getJsonObject("onStage").getString("title"));
  }

  private static long points(JsonObject tallyFrame, long pitch) {
    return tallyFrame.getJsonArray("categories").getJsonObject(0).getJsonArray("standings").stream()
        .map(JsonObject.class::cast).filter(s -> s.getLong("pitchId") == pitch).findFirst()
        .map(s -> s.getLong("points")).orElse(0L);
  }

  private void stage(String action) {
    assertEquals(200, f.events.post(f.organiser, "/api/events/" + f.event + "/running-order/" + action,
        new JsonObject()).statusCode(), action);
  }

  private static JsonObject roundIn(JsonObject snapshot, long round) {
    return snapshot.getJsonArray("rounds").stream().map(JsonObject.class::cast)
        .filter(r -> r.getLong("id") == round).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("Projectors on either instance get the same totals, on-stage slot and reveal within a second of each other")
  void sameStateOnBoth() {
    long live = f.openRound(new JsonObject().put("title", "Live").put("visibility", "live"));
    long hidden = f.openRound(new JsonObject().put("title", "Hidden").put("visibility", "on_reveal"));
    TimedLiveClient projectorA = onA("?audience=public", f.organiser);
    TimedLiveClient projectorB = onB("?audience=public", f.organiser);
    TimedLiveClient annOnB = onB("", f.voter("Ann One"));

    assertEquals("ack", annOnB.send(f.vote(live, f.data), "a1").getString("type"));
    JsonObject seenOnA = projectorA.first(tally(live, 1), "the tally with the vote cast on B").frame();
    assertEquals(1, points(seenOnA, f.data), "the vote cast on instance B is in instance A's tally frame");
    assertEquals(200, f.voteOverHttp(f.voter("Ben Two"), f.vote(live, f.bot)).statusCode());
    List<JsonObject> totals = together(projectorA, projectorB, tally(live, 2), "the tally with both votes");
    assertEquals(totals.get(0).getJsonArray("categories"), totals.get(1).getJsonArray("categories"));

    stage("build");
    stage("start");
    together(projectorA, projectorB, onStage("Bot"), "the first team on stage");
    stage("next");
    List<JsonObject> next = together(projectorA, projectorB, onStage("Data"), "the next team on stage");
    assertEquals(next.get(0).getJsonObject("stage").getJsonObject("onStage").getLong("slotId"),
        next.get(1).getJsonObject("stage").getJsonObject("onStage").getLong("slotId"));

    assertEquals("ack", annOnB.send(f.vote(hidden, f.bot), "a2").getString("type"));
    f.change(hidden, "close");
    f.change(hidden, "reveal");
    List<JsonObject> revealed = together(projectorA, projectorB, round(hidden, r -> r.getValue("revealedAt") != null),
        "the reveal");
    for (JsonObject frame : revealed) {
      JsonObject category = frame.getJsonObject("round").getJsonObject("tally").getJsonArray("categories")
          .getJsonObject(0);
      assertTrue(category.getBoolean("visible"), frame.encode());
      assertEquals(1, category.getLong("ballots"), frame.encode());
    }
  }

  @Test
  @DisplayName("With the round clock running on both instances, a scheduled round is opened once and closed once")
  void oneRoundClock() {
    Instant opens = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(4);
    long round = f.round(new JsonObject().put("opensAt", opens.toString())
        .put("closesAt", opens.plusSeconds(3).toString())).getLong("id");
    TimedLiveClient organiserA = onA("", f.organiser);
    TimedLiveClient annOnB = onB("", f.voter("Ann One"));
    together(organiserA, annOnB, round(round, r -> "open".equals(r.getString("state"))), "the scheduled opening");
    together(organiserA, annOnB, round(round, r -> "closed".equals(r.getString("state"))), "the scheduled close");

    Map<String, Long> audit = new TreeMap<>();
    for (Row row : TestShipyard.pool().preparedQuery("SELECT action, count(*) AS n FROM voting_audit "
        + "WHERE round_id = $1 GROUP BY action").execute(Tuple.of(round)).await()) {
      audit.put(row.getString("action"), row.getLong("n"));
    }
    assertEquals(Map.of("round.created", 1L, "round.opened", 1L, "round.closed", 1L), audit);
    for (TimedLiveClient live : List.of(organiserA, annOnB)) {
      List<String> states = live.frames().stream().filter(round(round, r -> true))
          .map(fr -> fr.getJsonObject("round").getString("state")).toList();
      assertEquals(List.of("open", "closed"), states, "one frame per change");
    }
  }

  @Test
  @DisplayName("A voter who moves from A to B mid-round resumes from B's snapshot: tallies, own ballot, stage, and B's numbering")
  void moveToAnotherInstance() {
    long round = f.openRound(new JsonObject().put("visibility", "after_voting"));
    stage("build");
    stage("start");
    String ann = f.voter("Ann One");
    TimedLiveClient annOnA = onA("", ann);
    JsonObject vote = f.vote(round, f.data);
    JsonObject ack = annOnA.send(vote, "v1");
    assertEquals("ack", ack.getString("type"), ack.encode());
    annOnA.first(tally(round, 1), "her own vote's tally on A");
    annOnA.close();

    assertEquals(200, f.voteOverHttp(f.voter("Ben Two"), f.vote(round, f.bot)).statusCode());
    stage("next");
    TimedLiveClient annOnB = onB("", ann);
    JsonObject snapshot = annOnB.first("snapshot");
    JsonObject resumed = roundIn(snapshot, round);
    assertEquals("open", resumed.getString("state"));
    JsonObject category = resumed.getJsonObject("tally").getJsonArray("categories").getJsonObject(0);
    assertEquals(2, category.getLong("ballots"), "Ben's vote, cast while she moved, is in B's snapshot");
    JsonArray mine = resumed.getJsonObject("mine").getJsonArray("ballots");
    assertEquals(1, mine.size(), resumed.encode());
    assertEquals("Data", snapshot.getJsonObject("stage").getJsonObject("onStage").getString("title"));

    assertEquals(ack.copy().put("ref", "v2"), annOnB.send(vote, "v2"), "her vote re-sent on B: the same ack");
    assertEquals(200, f.voteOverHttp(f.voter("Cy Three"), f.vote(round, f.bot)).statusCode());
    annOnB.first(tally(round, 3), "the next vote's tally on B");
    long seq = snapshot.getLong("seq");
    List<Long> updates = annOnB.frames().stream().filter(fr -> fr.containsKey("seq") && !"snapshot"
        .equals(fr.getString("type"))).map(fr -> fr.getLong("seq")).toList();
    for (int i = 0; i < updates.size(); i++) {
      assertEquals(seq + 1 + i, updates.get(i), "B's updates follow B's snapshot without a gap: " + updates);
    }
  }

  @Test
  @DisplayName("Organisers' turnout on either instance counts the sockets of both instances once each, and forgets an instance whose last socket left within a few seconds")
  void turnoutOfBoth() {
    f.openRound(new JsonObject());
    TimedLiveClient organiserA = onA("", f.organiser);
    TimedLiveClient organiserB = onB("", f.organiser);
    onA("", f.voter("Ann One"));
    TimedLiveClient benOnB = onB("", f.voter("Ben Two"));
    // Each hub sends turnout on its own 2 s timer, so the two need not arrive within a second of each other.
    organiserA.first(turnout(4), "a turnout of four on A");
    organiserB.first(turnout(4), "a turnout of four on B");
    benOnB.close();
    long left = System.nanoTime();
    organiserA.firstAfter(left, turnout(3), "a turnout of three on A once Ben left B");
    organiserB.firstAfter(left, turnout(3), "a turnout of three on B once Ben left B");

    organiserB.close();
    long empty = System.nanoTime();
    long forgotMs = (organiserA.firstAfter(empty, turnout(2), "a turnout of two once B had nobody").atNanos() - empty)
        / 1_000_000;
    // B says once that it has nobody left (at most 2 s to notice, 2 s to tell, 2 s to A's next turnout), rather
    // than A counting its last report until that is stale (7 s after it was sent: 10 s measured here before).
    assertTrue(forgotMs <= 8_000, "A counted B's sockets for " + forgotMs + " ms after they left");
  }

  private static Predicate<JsonObject> turnout(int connected) {
    return fr -> "turnout".equals(fr.getString("type")) && fr.getInteger("connected") == connected;
  }
}
