package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.TestShipyard;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 180, timeUnit = TimeUnit.SECONDS)
@DisplayName("Live channel: malformed, oversized and flooding clients, and a client that stops reading")
class LiveAbuseTest extends LiveTestCase {

  private JsonObject nextError(LiveClient live) {
    return live.next("error");
  }

  @Test
  @DisplayName("Malformed messages get a bad_frame error, a long one too_large, and the connection stays usable")
  void malformedMessages() {
    LiveClient live = LiveClient.connect(f.vertx, f.event, f.emma);
    live.next("snapshot");
    for (String text : new String[] {"not json", "[1, 2]", "{\"type\": \"dance\"}", "{\"type\": \"ping\", \"ref\": 7}",
        "{\"type\": 12}", "\"ping\""}) {
      live.ws.writeTextMessage(text).await();
      assertEquals("bad_frame", nextError(live).getString("code"), text);
    }
    live.ws.writeBinaryMessage(Buffer.buffer("{\"type\":\"ping\"}")).await();
    assertEquals("bad_frame", nextError(live).getString("code"));
    live.ws.writeTextMessage(new JsonObject().put("type", "ping").put("pad", "x".repeat(5_000)).encode()).await();
    assertEquals("too_large", nextError(live).getString("code"));
    JsonObject pong = live.send(new JsonObject().put("type", "ping").put("ref", "p")).answer("p");
    assertEquals("pong", pong.getString("type"));
  }

  @Test
  @DisplayName("A message in many frames over the limit is too_large; a frame over the server's limit closes the connection")
  void oversizedMessages() {
    LiveClient live = LiveClient.connect(f.vertx, f.event, f.emma);
    live.next("snapshot");
    live.ws.writeTextMessage("\"" + "x".repeat(100_000) + "\"");
    assertEquals("too_large", nextError(live).getString("code"));
    LiveClient big = LiveClient.open(f.vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(200_000)), LiveClient.options(f.event, "", f.emma, LiveClient.ORIGIN)).await();
    big.next("snapshot");
    big.ws.writeFrame(WebSocketFrame.textFrame("\"" + "x".repeat(100_000) + "\"", true));
    // Netty refuses the frame while decoding it and drops the connection: 1009 when its close frame gets through.
    assertTrue(List.of(1009, 1006).contains((int) big.closeCode()));
    assertEquals("pong", live.send(new JsonObject().put("type", "ping").put("ref", "p")).answer("p")
        .getString("type"), "the server carries on");
  }

  @Test
  @DisplayName("A flooding client is told rate_limited, then cut off with 1008; the server stays healthy for others")
  void floodingClient() {
    LiveClient flood = LiveClient.connect(f.vertx, f.event, f.emma);
    flood.next("snapshot");
    for (int i = 0; i < 200; i++) {
      flood.ws.writeTextMessage("{\"type\":\"ping\"}");
    }
    assertEquals("rate_limited", nextError(flood).getString("code"));
    assertEquals(1008, flood.closeCode());
    assertEquals(200, WebClient.create(f.vertx).get(TestShipyard.port(), "127.0.0.1", "/health").send().await()
        .statusCode());
    LiveClient other = LiveClient.connect(f.vertx, f.event, f.otto);
    other.next("snapshot");
    assertEquals("pong", other.send(new JsonObject().put("type", "ping").put("ref", "p")).answer("p")
        .getString("type"));
  }

  @Test
  @DisplayName("A client that stops reading does not hold up the others; once it reads again it gets the latest state")
  void stalledReader() {
    long round = f.round(new JsonObject()).getLong("id");
    for (int i = 0; i < 40; i++) {
      f.round(new JsonObject().put("title", "Ballast " + i).put("categories", new JsonArray().add("One").add("Two")
          .add("Three").add("Four").add("Five").add("Six")));
    }
    LiveClient stalled = LiveClient.connect(f.vertx, f.event, f.organiser);
    LiveClient other = LiveClient.connect(f.vertx, f.event, f.organiser);
    stalled.next("snapshot");
    other.next("snapshot");
    stalled.ws.pause();
    for (int i = 0; i < 20; i++) {
      stalled.ws.writeTextMessage("{\"type\":\"snapshot\"}");
    }
    f.change(round, "open");
    long start = System.currentTimeMillis();
    JsonObject opened = other.next("round");
    assertEquals("open", opened.getJsonObject("round").getString("state"));
    assertTrue(System.currentTimeMillis() - start < 5_000, "the other socket was held up");
    f.change(round, "close");
    other.next(fr -> "round".equals(fr.getString("type"))
        && "closed".equals(fr.getJsonObject("round").getString("state")), "the close");
    stalled.ws.resume();
    List<JsonObject> caughtUp = stalled.during(4_000);
    JsonObject last = caughtUp.stream().filter(fr -> fr.getString("type").equals("snapshot"))
        .reduce((a, b) -> b).orElseThrow();
    assertTrue(caughtUp.stream().filter(fr -> fr.getString("type").equals("snapshot")).count() < 21,
        "frames for a full queue are skipped, not queued");
    JsonObject state = last.getJsonArray("rounds").stream().map(JsonObject.class::cast)
        .filter(r -> r.getLong("id") == round).findFirst().orElseThrow();
    assertTrue(List.of("closed").contains(state.getString("state"))
        || caughtUp.stream().anyMatch(fr -> "round".equals(fr.getString("type"))
            && "closed".equals(fr.getJsonObject("round").getString("state"))), "the stalled client knows it closed");
  }
}
