package app.shipyard.live;

import app.shipyard.event.EventRepository;
import app.shipyard.identity.Person;
import app.shipyard.web.AppError;
import app.shipyard.web.Origins;
import app.shipyard.web.Params;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live channel's sockets on one HTTP verticle instance, and the channels they belong to. Built in the instance's
 * {@code register}, so its timers, its one event bus consumer and every socket run on that instance's event loop.
 * The tally tick adapts to the audience: 50 ms with few sockets, longer as they grow (a budget of frames per second,
 * at most 2 s), so a vote storm costs each channel at most one tally read per tick whatever the number of votes.
 */
final class LiveHub {

  private static final long MIN_TICK_MS = 50;
  private static final long MAX_TICK_MS = 2_000;
  /**
   * Tally frames one hub (one event loop, one core) may write per second while votes flow: writing a pre-built frame
   * costs 15-30 µs here, so this is about half a core. The tick is as short as that allows: sockets / this budget
   * (1,000 sockets: 50 ms; 5,000: 250 ms; 7,500: 375 ms), so a vote reaches screens as soon as the machine can afford.
   */
  private static final int FRAMES_PER_SECOND = 20_000;
  private static final long PRESENCE_MS = 2_000;
  /** Server pings keep quiet sockets inside the HTTP server's idle timeout (60 s). */
  private static final long PING_MS = 25_000;
  private static final short CLOSE_UNAVAILABLE = 1011;
  private static final short CLOSE_SIGN_IN_EXPIRED = 4001;
  private static final short CLOSE_SIGN_IN_CHANGED = 4002;
  private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

  private final Vertx vertx;
  private final LiveFeed feed;
  private final LiveReader reader;
  private final EventRepository events;
  private final Origins origins;
  private final LiveMessages messages;
  private final LiveMeters meters;
  private final String id = UUID.randomUUID().toString();
  private final Map<Long, Channel> channels = new HashMap<>();
  private int connections;

  LiveHub(Vertx vertx, LiveFeed feed, LiveReader reader, EventRepository events, Origins origins,
          LiveMessages messages, LiveMeters meters) {
    this.vertx = vertx;
    this.feed = feed;
    this.reader = reader;
    this.events = events;
    this.origins = origins;
    this.messages = messages;
    this.meters = meters;
    vertx.eventBus().<JsonObject>localConsumer(LiveFeed.ADDRESS, message -> notice(message.body()));
    vertx.setPeriodic(PRESENCE_MS, t -> presence());
    vertx.setPeriodic(PING_MS, t -> ping());
    scheduleTick();
  }

  /** {@code GET /api/events/:id/live}: refusals are HTTP statuses, given before the handshake is answered. */
  Future<Void> upgrade(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!request.canUpgradeToWebSocket()) {
      throw AppError.badRequest("This address takes a WebSocket connection (see the live channel in docs/API.md).");
    }
    if (!origins.fromShipyard(request)) {
      throw AppError.forbidden("A live connection must come from a Shipyard page.");
    }
    long eventId = Params.id(ctx, "id", "That event");
    String audience = Params.text(ctx, "audience", 20);
    if (!audience.isEmpty() && !audience.equals("public")) {
      throw AppError.invalid("audience", "must be public, or left out");
    }
    Person person = Viewer.person(ctx);
    long expiresAt = Viewer.of(ctx).flatMap(Viewer::expiresAt).map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
    return events.find(eventId).compose(event -> event.isEmpty()
        ? Future.failedFuture(AppError.notFound("That event"))
        : request.toWebSocket().map(ws -> {
          join(ws, person, eventId, audience.equals("public"), expiresAt);
          return null;
        }));
  }

  private void join(ServerWebSocket ws, Person person, long eventId, boolean publicView, long expiresAt) {
    LiveSocket socket = new LiveSocket(ws, person, publicView, meters);
    socket.expiresAt = expiresAt;
    Channel channel = channels.computeIfAbsent(eventId, id -> new Channel(id, reader, meters));
    connections++;
    meters.connected();
    LOG.debug("Live socket {} joined event {} ({})", ws.remoteAddress(), eventId, socket.tier);
    ws.frameHandler(frame -> messages.frame(channel, socket, frame));
    ws.drainHandler(v -> {
      if (socket.behind()) {
        channel.snapshot(socket);
      }
    });
    ws.exceptionHandler(failure -> LOG.debug("Live socket failed: {}", failure.toString()));
    ws.closeHandler(v -> {
      connections--;
      meters.disconnected(ws.closeStatusCode());
      channel.leave(socket);
    });
    channel.join(socket).onFailure(failure -> ws.close(CLOSE_UNAVAILABLE, "Live state unavailable; reconnect"));
  }

  private void notice(JsonObject notice) {
    try {
      String topic = notice.getString("topic", "");
      if (topic.equals(LiveFeed.VOTES)) {
        JsonArray rounds = notice.getJsonArray("rounds", new JsonArray());
        for (int i = 0; i < rounds.size(); i++) {
          long round = rounds.getLong(i);
          channels.values().stream().filter(c -> c.hasRound(round)).forEach(c -> c.voted(round));
        }
      } else if (topic.equals(LiveFeed.RESYNC)) {
        channels.values().forEach(Channel::resync);
      } else if (topic.equals(LiveFeed.RECOUNT)) {
        channels.values().forEach(Channel::recount);
      } else if (topic.equals(LiveFeed.PEOPLE)) {
        closeConnectionsOf(notice.getJsonArray("people", new JsonArray()));
      } else {
        Channel channel = channels.get(notice.getLong("eventId", -1L));
        if (channel != null) {
          changed(channel, topic);
        }
      }
    } catch (ClassCastException | NullPointerException e) {
      LOG.warn("Live notice not understood: {}", notice.encode());
    }
  }

  private void changed(Channel channel, String topic) {
    switch (topic) {
      case "rounds" -> channel.roundsChanged();
      case "event" -> channel.eventChanged();
      default -> reader.parts().stream().filter(p -> p.topic().equals(topic)).forEach(channel::partChanged);
    }
  }

  private void scheduleTick() {
    long every = Math.max(MIN_TICK_MS, Math.min(MAX_TICK_MS, connections * 1_000L / FRAMES_PER_SECOND));
    vertx.setTimer(every, t -> {
      channels.values().forEach(Channel::tick);
      scheduleTick();
    });
  }

  /**
   * Reports this hub's sockets to the feed, sends organisers the turnout, drops channels nobody listens to, and ends
   * the connections whose sign-in has expired (the token is checked once, at the handshake).
   */
  private void presence() {
    long now = System.currentTimeMillis();
    channels.values().forEach(c -> c.each(socket -> {
      if (now >= socket.expiresAt && !socket.ws.isClosed()) {
        socket.ws.close(CLOSE_SIGN_IN_EXPIRED, "Your sign-in has expired; sign in again.");
      }
    }));
    channels.values().removeIf(Channel::isEmpty);
    Map<Long, Integer> counts = new HashMap<>();
    channels.values().forEach(c -> counts.put(c.eventId, c.size()));
    feed.presence(id, counts);
    channels.values().forEach(c -> c.turnout(feed.connected(c.eventId)));
  }

  /** Their sign-in or roles changed: the handshake of their reconnect decides what they may see now. */
  private void closeConnectionsOf(JsonArray ids) {
    Set<Long> people = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      people.add(ids.getLong(i));
    }
    channels.values().forEach(c -> c.each(socket -> {
      if (socket.person != null && people.contains(socket.person.id()) && !socket.ws.isClosed()) {
        socket.ws.close(CLOSE_SIGN_IN_CHANGED, "Your sign-in or roles changed; reconnect.");
      }
    }));
  }

  private void ping() {
    channels.values().forEach(c -> c.each(socket -> {
      if (!socket.behind() && !socket.ws.isClosed()) {
        socket.ws.writePing(Buffer.buffer());
      }
    }));
  }
}
