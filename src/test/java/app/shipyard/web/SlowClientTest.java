package app.shipyard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Raw sockets, because an HTTP client would not stall halfway through a request. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Stalled clients are cut off quickly; slow clients that keep sending are not")
class SlowClientTest {

  /** The head and body timeouts of {@code HttpVerticle}. */
  private static final double TIMEOUT_SECONDS = 10;
  /** How late the close may come on a busy two-core machine. */
  private static final double SLACK_SECONDS = 4;

  private Vertx vertx;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    this.vertx = vertx;
  }

  /** A raw connection that records what the server sends and when it closes. */
  private final class Client {
    final NetSocket socket = vertx.createNetClient().connect(TestShipyard.port(), "127.0.0.1").await();
    final Buffer received = Buffer.buffer();
    final Promise<Long> closed = Promise.promise();
    long lastSent = System.nanoTime();

    Client() {
      socket.handler(received::appendBuffer);
      socket.closeHandler(v -> closed.tryComplete(System.nanoTime()));
    }

    Client send(String text) {
      socket.write(Buffer.buffer(text.getBytes(StandardCharsets.UTF_8))).await();
      lastSent = System.nanoTime();
      return this;
    }

    /** Seconds from the last byte sent until the server closed the connection. */
    double secondsUntilClosed() throws Exception {
      long at = closed.future().await(30, TimeUnit.SECONDS);
      return (at - lastSent) / 1e9;
    }

    String text() {
      return received.toString(StandardCharsets.UTF_8);
    }
  }

  private static void assertCutOffInTime(double seconds) {
    assertTrue(seconds >= TIMEOUT_SECONDS - 1 && seconds <= TIMEOUT_SECONDS + SLACK_SECONDS,
        "closed after " + seconds + " s");
  }

  @Test
  @DisplayName("A request head that never finishes, or no request at all, is closed about 10 s after the connection opened")
  void stalledHead() throws Exception {
    Client silent = new Client();
    Client partial = new Client().send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
    assertCutOffInTime(partial.secondsUntilClosed());
    assertCutOffInTime(silent.secondsUntilClosed());
    assertEquals("", partial.text(), "no answer to half a request");
  }

  @Test
  @DisplayName("A keep-alive connection left idle after its answer is closed about 10 s later")
  void idleKeepAlive() throws Exception {
    Client client = new Client().send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    double seconds = client.secondsUntilClosed();
    assertTrue(client.text().startsWith("HTTP/1.1 200"), client.text());
    assertCutOffInTime(seconds);
  }

  @Test
  @DisplayName("A body shorter than its Content-Length is closed about 10 s after its last byte, not after 30-90 s")
  void stalledBody() throws Exception {
    Client client = new Client().send("POST /api/auth/token HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\":");
    for (int i = 0; i < 3; i++) {
      Thread.sleep(1000);
      client.send(" ");
    }
    assertCutOffInTime(client.secondsUntilClosed());
    assertEquals(0, app.shipyard.support.Fixture.count("SELECT count(*) FROM sign_in_attempts"));
  }

  @Test
  @DisplayName("A slow client sending its body a byte every 500 ms, for longer than the timeouts, gets its answer")
  void slowButSending() throws Exception {
    String token = new Api(vertx).token(TestShipyard.EMPLOYEE);
    String body = "{\"displayName\":\"Slow but Steady\"}";
    Client client = new Client().send("PUT /api/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n");
    long started = System.nanoTime();
    for (char c : body.toCharArray()) {
      Thread.sleep(500);
      client.send(String.valueOf(c));
    }
    assertTrue((System.nanoTime() - started) / 1e9 > TIMEOUT_SECONDS + 2, "the body took longer than the timeouts");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!client.text().contains("Slow but Steady") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(client.text().startsWith("HTTP/1.1 200"), client.text());
    assertTrue(client.text().contains("\"displayName\":\"Slow but Steady\""), client.text());
  }
}
