package app.shipyard.live;

import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A live channel client that keeps every frame with the moment it arrived, so that a test can compare when two
 * clients (on two instances) saw the same change. Unlike {@link LiveClient} it never drops a frame it was not asked
 * for: {@link #first} looks through everything received so far.
 */
final class TimedLiveClient {

  /** Generous: the machine is shared by many builds; what is measured is the gap between clients, not this. */
  static final long WAIT_MS = 20_000;

  record Arrival(JsonObject frame, long atNanos) {}

  final ClientWebSocket ws;
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

  private TimedLiveClient(ClientWebSocket ws) {
    this.ws = ws;
    ws.textMessageHandler(text -> arrivals.add(new Arrival(new JsonObject(text), System.nanoTime())));
  }

  /**
   * Connected to an instance at {@code port}, with that instance's own address as the Origin. The handler is on the
   * socket before it connects: Vert.x drops a message that arrives while a websocket has none, and the server's
   * snapshot can arrive right behind the handshake's answer, before a test thread woken by {@code await()} could
   * set one (the snapshot was lost that way on a loaded machine).
   */
  static TimedLiveClient connect(WebSocketClient client, int port, long event, String query, String token) {
    TimedLiveClient live = new TimedLiveClient(client.webSocket());
    live.ws.connect(LiveClient.options(port, event, query, token)).await();
    return live;
  }

  /** The first frame received since connecting that is {@code wanted}, waiting for it if it has not come yet. */
  Arrival first(Predicate<JsonObject> wanted, String what) {
    return firstAfter(Long.MIN_VALUE, wanted, what);
  }

  /** The first {@code wanted} frame that arrived after {@code nanos} (a {@link System#nanoTime()}), waiting for it. */
  Arrival firstAfter(long nanos, Predicate<JsonObject> wanted, String what) {
    long until = System.currentTimeMillis() + WAIT_MS;
    while (System.currentTimeMillis() < until) {
      for (Arrival arrival : arrivals) {
        if ((nanos == Long.MIN_VALUE || arrival.atNanos() - nanos > 0) && wanted.test(arrival.frame())) {
          return arrival;
        }
      }
      pause();
    }
    throw new AssertionError("No " + what + " within " + WAIT_MS + " ms; received " + frames());
  }

  JsonObject first(String type) {
    return first(f -> type.equals(f.getString("type")), "a " + type + " frame").frame();
  }

  /** The answer to the message with this ref. */
  JsonObject send(JsonObject message, String ref) {
    ws.writeTextMessage(message.copy().put("ref", ref).encode()).await();
    return first(f -> ref.equals(f.getString("ref")), "answer to " + ref).frame();
  }

  /** Every frame received so far, oldest first. */
  List<JsonObject> frames() {
    return arrivals.stream().map(Arrival::frame).toList();
  }

  void close() {
    ws.close().otherwiseEmpty().await();
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a frame", e);
    }
  }
}
