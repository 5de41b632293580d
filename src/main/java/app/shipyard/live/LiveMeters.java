package app.shipyard.live;

import app.shipyard.web.WebSocketWatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live channel's meters, once per process (every hub counts into the same ones). Labels are bounded: a close by
 * the kind of its code, a refused handshake by its reason. In Prometheus: {@code shipyard_live_sockets},
 * {@code shipyard_live_connects_total}, {@code shipyard_live_disconnects_total{reason}},
 * {@code shipyard_live_upgrades_refused_total{reason}}, {@code shipyard_live_frames_sent_total},
 * {@code shipyard_live_frames_skipped_total}, {@code shipyard_live_broadcast_seconds},
 * {@code shipyard_live_tally_ticks_total}, {@code shipyard_live_snapshots_sent_total},
 * {@code shipyard_live_subscriber_reconnects_total}.
 */
public final class LiveMeters implements WebSocketWatch {

  static final List<String> CLOSE_REASONS = List.of("normal", "going_away", "flooding", "too_large", "unavailable",
      "expired", "changed", "dropped", "other");
  static final List<String> REFUSAL_REASONS = List.of("limit", "auth", "origin", "not_found", "bad_request",
      "unavailable", "other");

  private final AtomicInteger open = new AtomicInteger();
  private final Counter connects;
  private final Map<String, Counter> disconnects = new HashMap<>();
  private final Map<String, Counter> refused = new HashMap<>();
  private final Counter sent;
  private final Counter skipped;
  private final Timer broadcast;
  private final Counter ticks;
  private final Counter snapshots;
  private final Counter reconnects;
  private final AtomicInteger subscriptions = new AtomicInteger();
  private final AtomicLong closed = new AtomicLong();

  public LiveMeters(MeterRegistry registry) {
    Gauge.builder("shipyard.live.sockets", open, AtomicInteger::get).description("Open live channel websockets")
        .register(registry);
    connects = counter(registry, "shipyard.live.connects", "Live channel websockets opened");
    CLOSE_REASONS.forEach(reason -> disconnects.put(reason, Counter.builder("shipyard.live.disconnects")
        .description("Live channel websockets closed, by the kind of close code").tag("reason", reason)
        .register(registry)));
    REFUSAL_REASONS.forEach(reason -> refused.put(reason, Counter.builder("shipyard.live.upgrades.refused")
        .description("Websocket handshakes refused, by reason").tag("reason", reason).register(registry)));
    sent = counter(registry, "shipyard.live.frames.sent", "Frames written to live sockets");
    skipped = counter(registry, "shipyard.live.frames.skipped", "Frames skipped because the socket was behind");
    broadcast = Timer.builder("shipyard.live.broadcast").description("One update frame sent to a channel's sockets")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
        .maximumExpectedValue(Duration.ofSeconds(2)).register(registry);
    ticks = counter(registry, "shipyard.live.tally.ticks", "Ticks in which a channel re-read voted rounds' tallies");
    snapshots = counter(registry, "shipyard.live.snapshots.sent", "Snapshots sent");
    reconnects = counter(registry, "shipyard.live.subscriber.reconnects",
        "Times the LISTEN connection subscribed again after losing the database");
  }

  private static Counter counter(MeterRegistry registry, String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }

  void connected() {
    open.incrementAndGet();
    connects.increment();
  }

  void disconnected(Short code) {
    open.decrementAndGet();
    closed.incrementAndGet();
    disconnects.get(closeReason(code)).increment();
  }

  /** The kind of a close code, as a bounded label (null: the connection ended without a close frame). */
  static String closeReason(Short code) {
    if (code == null) {
      return "dropped";
    }
    return switch (code) {
      case 1000 -> "normal";
      case 1001 -> "going_away";
      case 1008 -> "flooding";
      case 1009 -> "too_large";
      case 1011 -> "unavailable";
      case 4001 -> "expired";
      case 4002 -> "changed";
      case 1006 -> "dropped";
      default -> "other";
    };
  }

  @Override
  public void atLimit() {
    refused.get("limit").increment();
  }

  @Override
  public void refused(int status) {
    refused.get(switch (status) {
      case 400 -> "bad_request";
      case 401 -> "auth";
      case 403 -> "origin";
      case 404 -> "not_found";
      case 503 -> "unavailable";
      default -> "other";
    }).increment();
  }

  @Override
  public long closed() {
    return closed.get();
  }

  void written(boolean wasSent) {
    (wasSent ? sent : skipped).increment();
  }

  void broadcast(long startedNanos) {
    broadcast.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  void tallyTick() {
    ticks.increment();
  }

  void snapshotSent() {
    snapshots.increment();
  }

  /** Every subscription after the first is a reconnect. */
  void subscribed() {
    if (subscriptions.getAndIncrement() > 0) {
      reconnects.increment();
    }
  }
}
