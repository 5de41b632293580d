package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.TestShipyard;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live channel's meters as a scraper reads them; other tests use the channel too, so each reads differences. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@DisplayName("Live channel metrics")
class LiveMetersTest extends LiveTestCase {

  private static final String SOCKETS = "shipyard_live_sockets";
  private static final String CONNECTS = "shipyard_live_connects_total";
  private static final String SNAPSHOTS = "shipyard_live_snapshots_sent_total";
  private static final String SENT = "shipyard_live_frames_sent_total";
  private static final String SKIPPED = "shipyard_live_frames_skipped_total";
  private static final String RECONNECTS = "shipyard_live_subscriber_reconnects_total";

  private LiveScrape scrape() {
    return LiveScrape.of(f.vertx);
  }

  private static String disconnects(String reason) {
    return "shipyard_live_disconnects_total{reason=\"" + reason + "\"}";
  }

  private static String refused(String reason) {
    return "shipyard_live_upgrades_refused_total{reason=\"" + reason + "\"}";
  }

  @Test
  @DisplayName("Three connects, a ping and two closes show in the sockets gauge, connects, snapshots, frames and disconnects")
  void connectsFramesAndDisconnects() {
    LiveScrape before = scrape();
    LiveClient a = LiveClient.connect(f.vertx, f.event, f.emma);
    LiveClient b = LiveClient.connect(f.vertx, f.event, f.otto);
    LiveClient c = LiveClient.connect(f.vertx, f.event, f.organiser);
    a.next("snapshot");
    b.next("snapshot");
    c.next("snapshot");
    assertEquals("pong", a.send(new JsonObject().put("type", "ping").put("ref", "p")).answer("p").getString("type"));

    LiveScrape open = scrape();
    assertEquals(before.value(SOCKETS) + 3, open.value(SOCKETS));
    assertEquals(before.value(CONNECTS) + 3, open.value(CONNECTS));
    assertEquals(before.value(SNAPSHOTS) + 3, open.value(SNAPSHOTS));
    assertTrue(open.value(SENT) >= before.value(SENT) + 4, "three snapshots and a pong were sent");
    assertEquals(before.value(SKIPPED), open.value(SKIPPED), "nobody fell behind");

    b.close();
    c.close();
    LiveScrape.eventually(f.vertx, SOCKETS, n -> n == before.value(SOCKETS) + 1, "two of three closed");
    assertEquals(before.value(disconnects("normal")) + 2, scrape().value(disconnects("normal")));
  }

  @Test
  @DisplayName("A round opened is a timed broadcast, and a vote over the channel makes a tally tick")
  void broadcastsAndTallyTicks() {
    LiveClient live = LiveClient.connect(f.vertx, f.event, f.voter("Ann One"));
    live.next("snapshot");
    LiveScrape before = scrape();
    long round = f.openRound(new JsonObject().put("visibility", "live"));
    live.next("round");
    LiveScrape opened = scrape();
    assertTrue(opened.value("shipyard_live_broadcast_seconds_count")
        > before.value("shipyard_live_broadcast_seconds_count"), "the round frame's broadcast was timed");

    JsonObject ack = live.send(f.vote(round, f.bot).put("ref", "v")).answer("v");
    assertEquals("ack", ack.getString("type"), ack.encode());
    live.next("tally");
    assertTrue(scrape().value("shipyard_live_tally_ticks_total") > before.value("shipyard_live_tally_ticks_total"),
        "the tally was re-read at a tick");
  }

  @Test
  @DisplayName("Refused handshakes are counted by reason: a foreign Origin, no token, an unknown event, a bad query")
  void refusedHandshakes() {
    LiveScrape before = scrape();
    assertEquals(403, LiveClient.refusal(f.vertx, LiveClient.options(f.event, "", f.emma, "https://evil.example")));
    assertEquals(401, LiveClient.refusal(f.vertx, LiveClient.options(f.event, "", null, LiveClient.ORIGIN)));
    assertEquals(404, LiveClient.refusal(f.vertx, LiveClient.options(987_654, "", f.emma, LiveClient.ORIGIN)));
    assertEquals(400, LiveClient.refusal(f.vertx, LiveClient.options(f.event, "?audience=all", f.emma,
        LiveClient.ORIGIN)));
    LiveScrape after = scrape();
    for (String reason : new String[] {"origin", "auth", "not_found", "bad_request"}) {
      assertEquals(before.value(refused(reason)) + 1, after.value(refused(reason)), reason);
    }
    assertEquals(before.value(refused("limit")), after.value(refused("limit")), "the shared server is far from full");
    assertEquals(before.value(CONNECTS), after.value(CONNECTS), "a refused handshake is no connect");
  }

  @Test
  @DisplayName("A flooding client's close is counted as flooding")
  void floodingClose() {
    LiveScrape before = scrape();
    LiveClient flood = LiveClient.connect(f.vertx, f.event, f.emma);
    flood.next("snapshot");
    for (int i = 0; i < 200; i++) {
      flood.ws.writeTextMessage("{\"type\":\"ping\"}");
    }
    assertEquals(1008, flood.closeCode());
    LiveScrape.eventually(f.vertx, disconnects("flooding"), n -> n == before.value(disconnects("flooding")) + 1,
        "the flood's close");
    LiveScrape.eventually(f.vertx, SOCKETS, n -> n == before.value(SOCKETS), "the socket is gone");
  }

  @Test
  @DisplayName("Frames for a client that stops reading are skipped, and counted, instead of queued")
  void skippedFrames() {
    for (int i = 0; i < 40; i++) {
      f.round(new JsonObject().put("title", "Ballast " + i).put("categories", new JsonArray().add("One").add("Two")
          .add("Three").add("Four").add("Five").add("Six")));
    }
    LiveClient stalled = LiveClient.connect(f.vertx, f.event, f.organiser);
    stalled.next("snapshot");
    LiveScrape before = scrape();
    stalled.ws.pause();
    long until = System.currentTimeMillis() + 30_000;
    boolean skipped = false;
    while (!skipped && System.currentTimeMillis() < until) {
      for (int i = 0; i < 5; i++) {
        stalled.ws.writeTextMessage("{\"type\":\"snapshot\"}");
      }
      LiveScrape.pause(600);
      skipped = scrape().value(SKIPPED) > before.value(SKIPPED);
    }
    assertTrue(skipped, "no frame was skipped for a socket that stopped reading");
    stalled.ws.resume();
  }

  @Test
  @DisplayName("When the database drops the LISTEN connection, the subscriber reconnects and the reconnect is counted")
  void subscriberReconnect() {
    LiveClient live = LiveClient.connect(f.vertx, f.event, f.emma);
    live.next("snapshot");
    double before = scrape().value(RECONNECTS);
    long dropped = TestShipyard.pool().query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        + "WHERE query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()").execute().await().size();
    assertTrue(dropped >= 1, "no LISTEN connection to drop");
    LiveScrape.eventually(f.vertx, RECONNECTS, n -> n >= before + 1, "the subscriber listens again");
    live.next("event"); // after listening again the hub catches up: the channel sends the event anew
  }
}
