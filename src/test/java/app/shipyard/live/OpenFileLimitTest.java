package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.ShipyardProcess;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shipyard as its own process under a lowered open-file limit ({@code prlimit --nofile}): near its limit it refuses
 * websockets with 503 and new connections by closing them, counts both, keeps serving the sockets it has, and accepts
 * again once connections close, also after the descriptors really ran out (EMFILE).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@DisplayName("Open-file limit: near it Shipyard refuses cleanly, keeps its sockets, and accepts again")
class OpenFileLimitTest {

  /** Open files the process may hold: what a started Shipyard needs on the tests' class path, and a few hundred. */
  private static final int FILES = 400;
  private static final long PATIENCE_MS = 30_000;

  private LiveFixture f;
  private final List<Socket> raw = new ArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new LiveFixture(vertx);
  }

  @AfterEach
  void tearDown() {
    LiveClient.closeAll();
    closeRaw();
  }

  private static ShipyardProcess limited(String name, Map<String, String> overrides) {
    return ShipyardProcess.start(name, List.of("prlimit", "--nofile=" + FILES + ":" + FILES, "--"), overrides);
  }

  private static String refused(String reason) {
    return "shipyard_live_upgrades_refused_total{reason=\"" + reason + "\"}";
  }

  private WebSocketClient manySockets() {
    return f.vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(10_000));
  }

  private static void pong(LiveClient live, String ref) {
    assertEquals("pong", live.send(new JsonObject().put("type", "ping").put("ref", ref)).answer(ref).getString("type"));
  }

  /** A new websocket gets its snapshot, retrying while connections are still being closed (30 s at most). */
  private LiveClient connectsAgain(WebSocketClient client, int port) {
    long until = System.currentTimeMillis() + PATIENCE_MS;
    Throwable last = null;
    while (System.currentTimeMillis() < until) {
      try {
        LiveClient live = LiveClient.open(client, LiveClient.options(port, f.event, "", f.otto)).await();
        live.next("snapshot");
        return live;
      } catch (RuntimeException e) {
        last = e;
        LiveScrape.pause(200);
      }
    }
    throw new AssertionError("No new websocket within " + PATIENCE_MS + " ms", last);
  }

  @Test
  @DisplayName("Websockets past the budget are refused with 503 and Retry-After, counted; open ones still answer")
  void websocketsUntilRefused() {
    ShipyardProcess server = limited("open-files-ws", Map.of());
    try {
      int port = server.port();
      double budget = LiveScrape.of(f.vertx, port).value("shipyard_http_connections_budget");
      assertTrue(budget > 50 && budget < FILES, "a budget below the limit with room for a test: " + budget);
      WebSocketClient client = manySockets();
      List<LiveClient> open = new ArrayList<>();
      UpgradeRejectedException refusal = null;
      while (refusal == null && open.size() <= budget) {
        try {
          open.add(LiveClient.open(client, LiveClient.options(port, f.event, "", f.emma)).await());
        } catch (UpgradeRejectedException e) {
          refusal = e;
        }
      }
      assertNotNull(refusal, "every one of " + open.size() + " websockets was accepted");
      assertEquals(503, refusal.getStatus());
      assertEquals("5", refusal.getHeaders().get("Retry-After"));
      assertTrue(open.size() >= budget * 0.8, open.size() + " websockets of a budget of " + budget);

      LiveScrape full = LiveScrape.of(f.vertx, port);
      assertTrue(full.value(refused("limit")) >= 1, "the refusal is counted");
      assertEquals(open.size(), full.value("shipyard_live_sockets"));
      pong(open.get(0), "first");
      pong(open.get(open.size() - 1), "last");

      open.subList(0, 10).forEach(LiveClient::close);
      pong(connectsAgain(client, port), "new");
      assertTrue(server.pid() > 0 && ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive).orElse(false));
    } finally {
      LiveClient.closeAll();
      LiveProcesses.stop(server);
    }
  }

  @Test
  @DisplayName("Connections past the budget are closed at once and counted, well before the open-file limit")
  void connectionsPastTheBudget() throws IOException {
    ShipyardProcess server = limited("open-files-tcp", Map.of());
    try {
      int port = server.port();
      double budget = LiveScrape.of(f.vertx, port).value("shipyard_http_connections_budget");
      LiveClient held = LiveClient.open(manySockets(), LiveClient.options(port, f.event, "", f.emma)).await();
      held.next("snapshot");
      for (int i = 0; i < budget + 20; i++) {
        raw.add(connect(port));
      }
      LiveScrape.pause(1_000);
      long closedAtOnce = raw.stream().filter(OpenFileLimitTest::closedByServer).count();
      assertTrue(closedAtOnce >= 20, closedAtOnce + " of " + raw.size() + " connections closed at once");
      assertTrue(closedAtOnce <= 30, "only those past the budget are closed: " + closedAtOnce);
      pong(held, "held");
      closeRaw();
      LiveScrape.eventually(f.vertx, port, "shipyard_http_connections_refused_total", n -> n >= closedAtOnce,
          "each connection closed at once is counted, and the server takes new ones once the others closed");
      pong(held, "after");
      assertFalse(Files.readString(server.log()).contains("Too many open files"), "the limit itself was never hit");
    } finally {
      LiveClient.closeAll();
      LiveProcesses.stop(server);
    }
  }

  @Test
  @DisplayName("Without a budget, connections past the open-file limit (EMFILE) do not stop the server accepting later")
  void acceptsAgainAfterEmfile() throws IOException {
    ShipyardProcess server = limited("open-files-emfile", Map.of("HTTP_MAX_CONNECTIONS", "100000"));
    try {
      int port = server.port();
      LiveClient held = LiveClient.open(manySockets(), LiveClient.options(port, f.event, "", f.emma)).await();
      held.next("snapshot");
      pong(held, "before"); // a server that has run a while has loaded what answering a message takes
      for (int i = 0; i < FILES + 60; i++) {
        raw.add(connect(port));
      }
      long until = System.currentTimeMillis() + PATIENCE_MS;
      while (!Files.readString(server.log()).contains("Too many open files") && System.currentTimeMillis() < until) {
        LiveScrape.pause(200);
      }
      assertTrue(Files.readString(server.log()).contains("Too many open files"), "the limit was not reached; see "
          + server.log());
      pong(held, "at-the-limit");
      closeRaw();
      pong(connectsAgain(manySockets(), port), "new");
      assertEquals(200, WebClient.create(f.vertx).get(port, "127.0.0.1", "/health").send().await().statusCode());
    } finally {
      LiveClient.closeAll();
      LiveProcesses.stop(server);
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    return socket;
  }

  /** Whether the server has closed it (end of stream or reset) rather than waiting for a request. */
  private static boolean closedByServer(Socket socket) {
    try {
      socket.setSoTimeout(5);
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private void closeRaw() {
    raw.forEach(socket -> {
      try {
        socket.close();
      } catch (IOException e) {
        // already closed
      }
    });
    raw.clear();
  }
}
