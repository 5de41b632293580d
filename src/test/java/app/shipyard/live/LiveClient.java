package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real websocket client on an event's live channel, keeping every frame it receives for the test to read. */
final class LiveClient {

  static final String ORIGIN = "http://127.0.0.1:" + TestShipyard.port();
  private static final long WAIT_MS = 10_000;

  final WebSocket ws;
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private volatile Short closedWith;

  /** Every client still open, closed after each test: ids start again at 1 after each reset. */
  private static final List<LiveClient> OPEN = new CopyOnWriteArrayList<>();

  private LiveClient(WebSocket ws) {
    this.ws = ws;
    OPEN.add(this);
    ws.textMessageHandler(text -> frames.add(new JsonObject(text)));
    ws.closeHandler(v -> closedWith = ws.closeStatusCode() == null ? -1 : ws.closeStatusCode());
  }

  static WebSocketClient client(Vertx vertx) {
    return vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(200));
  }

  static WebSocketConnectOptions options(long event, String query, String token, String origin) {
    return options(TestShipyard.port(), event, query, token, origin);
  }

  /** For an instance at another port (several instances on one database): its Origin is its own address. */
  static WebSocketConnectOptions options(int port, long event, String query, String token) {
    return options(port, event, query, token, "http://127.0.0.1:" + port);
  }

  static WebSocketConnectOptions options(int port, long event, String query, String token, String origin) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/api/events/" + event + "/live" + query);
    if (token != null) {
      options.addHeader("Authorization", "Bearer " + token);
    }
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    return options;
  }

  static Future<LiveClient> open(WebSocketClient client, long event, String query, String token) {
    return open(client, options(event, query, token, ORIGIN));
  }

  static Future<LiveClient> open(WebSocketClient client, WebSocketConnectOptions options) {
    return client.connect(options).map(LiveClient::new);
  }

  static LiveClient connect(Vertx vertx, long event, String token) {
    return open(client(vertx), event, "", token).await();
  }

  static LiveClient connect(Vertx vertx, long event, String query, String token) {
    return open(client(vertx), event, query, token).await();
  }

  /** The HTTP status a refused handshake got. */
  static int refusal(Vertx vertx, WebSocketConnectOptions options) {
    try {
      client(vertx).connect(options).await();
    } catch (UpgradeRejectedException e) {
      return e.getStatus();
    }
    throw new AssertionError("The handshake was accepted with " + options.getHeaders());
  }

  /**
   * The status of a handshake sent by hand, without an Origin header (Vert.x's client always adds one, as browsers
   * do; other programs need not).
   */
  static int handshakeWithoutOrigin(long event, String token) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", TestShipyard.port())) {
      socket.setSoTimeout((int) WAIT_MS);
      String request = "GET /api/events/" + event + "/live HTTP/1.1\r\nHost: 127.0.0.1:" + TestShipyard.port()
          + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          + "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token + "\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  LiveClient send(JsonObject message) {
    ws.writeTextMessage(message.encode()).await();
    return this;
  }

  /** The next frame of this type (frames of other types before it are dropped). */
  JsonObject next(String type) {
    return next(f -> type.equals(f.getString("type")), "a " + type + " frame");
  }

  JsonObject next(Predicate<JsonObject> wanted, String what) {
    long until = System.currentTimeMillis() + WAIT_MS;
    while (System.currentTimeMillis() < until) {
      JsonObject frame = poll(until - System.currentTimeMillis());
      if (frame != null && wanted.test(frame)) {
        return frame;
      }
    }
    throw new AssertionError("No " + what + " within " + WAIT_MS + " ms");
  }

  /** Every frame that arrives within {@code millis}. */
  List<JsonObject> during(long millis) {
    List<JsonObject> seen = new ArrayList<>();
    long until = System.currentTimeMillis() + millis;
    for (JsonObject f = poll(millis); f != null; f = poll(until - System.currentTimeMillis())) {
      seen.add(f);
    }
    return seen;
  }

  /** The answer to the message with this ref (an ack or an error). */
  JsonObject answer(String ref) {
    return next(f -> ref.equals(f.getString("ref")), "answer to " + ref);
  }

  JsonObject error(JsonObject message) {
    JsonObject answer = send(message.put("ref", "e")).answer("e");
    assertEquals("error", answer.getString("type"), answer.encode());
    return answer;
  }

  private JsonObject poll(long millis) {
    try {
      return millis <= 0 ? null : frames.poll(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The close code the server ended the connection with. */
  short closeCode() {
    long until = System.currentTimeMillis() + WAIT_MS;
    while (closedWith == null && System.currentTimeMillis() < until) {
      poll(50);
    }
    assertNotNull(closedWith, "the server did not close the connection");
    return closedWith;
  }

  void close() {
    OPEN.remove(this);
    ws.close().otherwiseEmpty().await(); // already closed by the server (a flood, an oversized frame): fine
  }

  static void closeAll() {
    List.copyOf(OPEN).forEach(LiveClient::close);
  }
}
