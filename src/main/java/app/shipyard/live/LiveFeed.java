package app.shipyard.live;

import app.shipyard.db.LiveNotice;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide end of the live channel: one PostgreSQL {@code LISTEN} (a {@link PgSubscriber}) whose notices it
 * hands to every {@link LiveHub} of this process on the local event bus (one consumer per hub, none per socket).
 * It also speaks for this process: once per tick it sends one {@code NOTIFY} naming the rounds that got votes here
 * (votes never notify in their own transaction), and every two seconds one with the sockets its hubs hold per event,
 * so that each process can count everyone connected (and knows which processes are alive: when one falls silent, the
 * hubs read every tally again, since it may have died with votes committed but not yet announced). After every
 * (re)subscription it tells the hubs to catch up, since a {@code NOTIFY} sent while it was not listening is never
 * replayed. Its methods are safe from any thread.
 */
public final class LiveFeed extends VerticleBase {

  /** Local event bus address of the notices, as JSON: {@code {"eventId", "topic"}} or {@code {"topic":"votes"}}. */
  static final String ADDRESS = "shipyard.live.notices";
  static final String VOTES = "votes";
  static final String RESYNC = "resync";
  /**
   * People signed out everywhere or whose roles changed ({@code {"topic":"people","people":[ids]}}, sent by the
   * database's triggers, sql/V19): their open connections are closed, so that they reconnect under what they are now.
   */
  static final String PEOPLE = "people";
  /** A process heard from went silent (killed?): the votes of its last tick were never announced. */
  static final String RECOUNT = "recount";
  private static final String PRESENCE = "presence";
  private static final String NOTIFY = "SELECT pg_notify('" + LiveNotice.CHANNEL + "', $1)";
  /** How often the rounds that got votes here are announced (one NOTIFY naming them all). */
  private static final long TICK_MS = 25;
  private static final long PRESENCE_MS = 2_000;
  private static final long PRESENCE_STALE_MS = 3 * PRESENCE_MS + 1_000;
  /** Round ids per NOTIFY: well under PostgreSQL's 8,000-byte payload limit. */
  private static final int ROUNDS_PER_NOTICE = 400;
  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

  private final PgConnectOptions connect;
  private final Pool pool;
  private final LiveMeters meters;
  /** Tells this process's own notices from the others'. */
  private final String origin = UUID.randomUUID().toString();
  private final Set<Long> votedRounds = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<Long, Integer>> hubs = new ConcurrentHashMap<>();
  private final Map<String, Presence> others = new ConcurrentHashMap<>();
  private PgSubscriber subscriber;
  private volatile boolean stopped;

  private record Presence(Map<Long, Integer> counts, long seenAt) {}

  public LiveFeed(PgConnectOptions connect, Pool pool, LiveMeters meters) {
    this.connect = connect;
    this.pool = pool;
    this.meters = meters;
  }

  @Override
  public Future<?> start() {
    // Forever, 0.1 s after a loss and then at most 2 s apart: tallies catch up within about 2 s of the database's return.
    subscriber = PgSubscriber.subscriber(vertx, connect)
        .reconnectPolicy(retries -> Math.min(2_000L, 100L << Math.min(retries, 5)));
    subscriber.channel(LiveNotice.CHANNEL)
        .subscribeHandler(v -> {
          meters.subscribed();
          publish(new JsonObject().put("topic", RESYNC));
        })
        .handler(this::received);
    vertx.setPeriodic(TICK_MS, id -> flushVotes());
    vertx.setPeriodic(PRESENCE_MS, id -> sendPresence());
    connectNow();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    return subscriber.close();
  }

  /** The first connection: the subscriber's own policy reconnects after a loss, this retries a failed start. */
  private void connectNow() {
    subscriber.connect().onFailure(failure -> {
      if (!stopped) {
        LOG.warn("Live feed cannot listen yet ({}); trying again", failure.toString());
        vertx.setTimer(1_000, id -> connectNow());
      }
    });
  }

  /** A vote was committed in this process: every hub (here and elsewhere) re-reads the round's tally at its tick. */
  void roundVoted(long roundId) {
    votedRounds.add(roundId);
  }

  /** A hub's sockets per event, reported at each of its presence ticks. */
  void presence(String hubId, Map<Long, Integer> socketsPerEvent) {
    hubs.put(hubId, Map.copyOf(socketsPerEvent));
  }

  /** Sockets connected to an event's channel across every process, as of their last presence notices. */
  int connected(long eventId) {
    long now = System.currentTimeMillis();
    int here = hubs.values().stream().mapToInt(counts -> counts.getOrDefault(eventId, 0)).sum();
    int elsewhere = others.values().stream().filter(p -> now - p.seenAt() < PRESENCE_STALE_MS)
        .mapToInt(p -> p.counts().getOrDefault(eventId, 0)).sum();
    return here + elsewhere;
  }

  private void received(String payload) {
    JsonObject notice;
    try {
      notice = new JsonObject(payload);
    } catch (DecodeException e) {
      LOG.warn("Live notice that is not JSON ignored: {}", payload);
      return;
    }
    if (origin.equals(notice.getValue("from"))) {
      return; // this process's own votes and presence: its hubs already know
    }
    if (PRESENCE.equals(notice.getValue("topic"))) {
      presenceElsewhere(notice);
    } else {
      publish(notice);
    }
  }

  private void presenceElsewhere(JsonObject notice) {
    try {
      Map<Long, Integer> counts = new ConcurrentHashMap<>();
      notice.getJsonObject("counts", new JsonObject()).forEach(e -> counts.put(Long.valueOf(e.getKey()),
          ((Number) e.getValue()).intValue()));
      others.put(notice.getString("from", ""), new Presence(counts, System.currentTimeMillis()));
    } catch (ClassCastException | NumberFormatException e) {
      LOG.warn("Live presence notice not understood: {}", notice.encode());
    }
  }

  private void publish(JsonObject notice) {
    vertx.eventBus().publish(ADDRESS, notice, new DeliveryOptions().setLocalOnly(true));
  }

  private void flushVotes() {
    if (votedRounds.isEmpty()) {
      return;
    }
    List<Long> rounds = new ArrayList<>(votedRounds);
    votedRounds.removeAll(rounds);
    publish(new JsonObject().put("topic", VOTES).put("rounds", new JsonArray(rounds)));
    for (int from = 0; from < rounds.size(); from += ROUNDS_PER_NOTICE) {
      List<Long> part = rounds.subList(from, Math.min(rounds.size(), from + ROUNDS_PER_NOTICE));
      send(new JsonObject().put("topic", VOTES).put("rounds", new JsonArray(part)));
    }
  }

  /**
   * Sent even with no sockets, so that it is every process's heartbeat: a process that falls silent may have died
   * between committing votes and announcing them (at most one tick's worth), so the hubs then read every tally again.
   */
  private void sendPresence() {
    Map<Long, Integer> counts = new java.util.HashMap<>();
    hubs.values().forEach(hub -> hub.forEach((event, n) -> counts.merge(event, n, Integer::sum)));
    if (others.values().removeIf(p -> System.currentTimeMillis() - p.seenAt() >= PRESENCE_STALE_MS)) {
      publish(new JsonObject().put("topic", RECOUNT));
    }
    JsonObject byEvent = new JsonObject();
    counts.forEach((event, n) -> byEvent.put(String.valueOf(event), n));
    send(new JsonObject().put("topic", PRESENCE).put("counts", byEvent));
  }

  /** A NOTIFY on a pooled connection, in a statement of its own: never inside anybody's transaction. */
  private void send(JsonObject notice) {
    pool.preparedQuery(NOTIFY).execute(Tuple.of(notice.put("from", origin).encode()))
        .onFailure(failure -> LOG.debug("Live notice not sent: {}", failure.toString()));
  }
}
