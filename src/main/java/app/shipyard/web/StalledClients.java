package app.shipyard.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Closes HTTP/1.x connections whose client has stopped sending: a request head not complete within
 * {@code headTimeout} of the connection opening or the previous answer (this also ends idle keep-alive
 * connections), or a body that received no byte for {@code bodyTimeout}. A client that keeps sending, however
 * slowly, is never cut off, and neither is one waiting for its answer (the request timeout covers that).
 *
 * <p>Vert.x's idle timeouts cannot tell a stalled client from one waiting for a slow answer, so this watches each
 * connection's request instead. One instance per HTTP verticle: everything runs on that verticle's event loop.
 */
final class StalledClients {

  private static final long SWEEP_MS = 250;

  private final Vertx vertx;
  private final long headNanos;
  private final long bodyNanos;
  private final Map<HttpConnection, Watch> watched = new HashMap<>();
  private long timer = -1;

  StalledClients(Vertx vertx, Duration headTimeout, Duration bodyTimeout) {
    this.vertx = vertx;
    this.headNanos = headTimeout.toNanos();
    this.bodyNanos = bodyTimeout.toNanos();
  }

  void start() {
    timer = vertx.setPeriodic(SWEEP_MS, id -> sweep());
  }

  void stop() {
    vertx.cancelTimer(timer);
  }

  /** A new connection: its first request head is due within the head timeout. */
  void opened(HttpConnection connection) {
    watched.put(connection, new Watch(System.nanoTime()));
  }

  void closed(HttpConnection connection) {
    watched.remove(connection);
  }

  /** A request head arrived; from now on its body is watched. */
  void received(HttpServerRequest request) {
    if (request.version() == HttpVersion.HTTP_2) {
      watched.remove(request.connection()); // streams share the connection; the idle timeout covers it
      return;
    }
    Watch watch = watched.get(request.connection());
    if (watch != null) {
      watch.request = request;
      watch.bytesRead = request.bytesRead();
      watch.since = System.nanoTime();
    }
  }

  /** A websocket handshake has no body to watch, and once upgraded its connection is covered by the idle timeout. */
  void upgrading(HttpServerRequest request) {
    watched.remove(request.connection());
  }

  private void sweep() {
    long now = System.nanoTime();
    List<HttpConnection> stalled = watched.entrySet().stream()
        .filter(entry -> entry.getValue().stalled(now, headNanos, bodyNanos)).map(Map.Entry::getKey).toList();
    stalled.forEach(connection -> {
      watched.remove(connection);
      connection.close();
    });
  }

  private static final class Watch {
    long since;
    HttpServerRequest request;
    long bytesRead;

    Watch(long since) {
      this.since = since;
    }

    boolean stalled(long now, long headNanos, long bodyNanos) {
      if (request != null && request.response().ended()) {
        request = null; // answered: the next request head is due from now
        since = now;
      }
      if (request == null) {
        return now - since > headNanos;
      }
      if (request.isEnded()) {
        since = now; // fully received and being answered
        return false;
      }
      if (request.bytesRead() != bytesRead) {
        bytesRead = request.bytesRead();
        since = now;
        return false;
      }
      return now - since > bodyNanos;
    }
  }
}
