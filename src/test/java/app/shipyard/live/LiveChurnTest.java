package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.ShipyardProcess;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Thousands of websockets opened and closed quickly leave nothing behind: no socket counted, no descriptor held. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@DisplayName("Live channel churn: many connects and disconnects leak neither sockets nor file descriptors")
class LiveChurnTest extends LiveTestCase {

  /** Connections opened (and closed) at once during a churn. */
  private static final int AT_ONCE = 40;
  private static final long PATIENCE_MS = 30_000;

  /** Opens and closes {@code total} websockets, {@code AT_ONCE} at a time; each one is upgraded before it closes. */
  private void churn(WebSocketConnectOptions options, int total) {
    WebSocketClient client = f.vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(AT_ONCE));
    for (int done = 0; done < total; done += AT_ONCE) {
      List<Future<Void>> batch = new ArrayList<>();
      for (int i = 0; i < Math.min(AT_ONCE, total - done); i++) {
        batch.add(client.connect(options).compose(ws -> ws.close()));
      }
      Future.all(batch).await();
    }
    client.close().await();
  }

  /** Disconnects for any reason. */
  private static double disconnected(LiveScrape scrape) {
    return LiveMeters.CLOSE_REASONS.stream()
        .mapToDouble(reason -> scrape.value("shipyard_live_disconnects_total{reason=\"" + reason + "\"}")).sum();
  }

  @Test
  @DisplayName("2,000 websockets opened and closed: 2,000 connects and disconnects, and the sockets gauge back where it was")
  void gaugeBackAtBaseline() {
    LiveClient.connect(f.vertx, f.event, f.emma).next("snapshot"); // one that stays, so the channel stays too
    LiveScrape before = LiveScrape.of(f.vertx);
    churn(LiveClient.options(f.event, "", f.otto, LiveClient.ORIGIN), 2_000);
    double sockets = before.value("shipyard_live_sockets");
    LiveScrape.eventually(f.vertx, "shipyard_live_sockets", n -> n == sockets, "every churned socket closed");
    LiveScrape after = LiveScrape.of(f.vertx);
    assertEquals(before.value("shipyard_live_connects_total") + 2_000, after.value("shipyard_live_connects_total"));
    assertEquals(disconnected(before) + 2_000, disconnected(after));
    double connections = LiveScrape.eventually(f.vertx, "shipyard_http_connections_open",
        n -> n <= before.value("shipyard_http_connections_open"), "every churned connection closed");
    assertTrue(connections >= 1, "each connection is counted down once: " + connections + " open while scraping");
  }

  @Test
  @DisplayName("A Shipyard process holds as many file descriptors after 2,000 websockets came and went as before")
  void descriptorsBackAtBaseline() throws IOException {
    ShipyardProcess server = ShipyardProcess.start("churn", List.of(), Map.of());
    try {
      WebSocketConnectOptions options = LiveClient.options(server.port(), f.event, "", f.otto);
      churn(options, 200); // what a first connection loads (classes, pool connections) is not a leak
      long baseline = settledDescriptors(server, Long.MAX_VALUE);
      churn(options, 2_000);
      long after = settledDescriptors(server, baseline + 5);
      assertTrue(after <= baseline + 5, "descriptors: " + baseline + " before, " + after + " after; see " + server.log());
      assertEquals(0, LiveScrape.of(f.vertx, server.port()).value("shipyard_live_sockets"));
    } finally {
      LiveProcesses.stop(server);
    }
  }

  /** The process's open descriptors once they have come down to {@code wanted} (or after 30 s: the last count). */
  private static long settledDescriptors(ShipyardProcess server, long wanted) throws IOException {
    long until = System.currentTimeMillis() + PATIENCE_MS;
    long count = descriptors(server);
    LiveScrape.pause(1_000);
    while (System.currentTimeMillis() < until && count > wanted) {
      LiveScrape.pause(250);
      count = descriptors(server);
    }
    return Math.min(count, descriptors(server));
  }

  private static long descriptors(ShipyardProcess server) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(server.pid()), "fd"))) {
      return fds.count();
    }
  }
}
