package app.shipyard.web;

import com.sun.management.UnixOperatingSystemMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.lang.management.ManagementFactory;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many HTTP connections (websockets included) this process holds at once, shared by its HTTP verticles: by
 * default what its open-file limit leaves once the descriptors open at start and a reserve are set aside, so that
 * the process never runs out of descriptors for its database connections, logs, classes and uploads. Open
 * connections are counted as they open and close (asking the OS per request would itself take a descriptor).
 * Beyond the budget a new connection is closed at once; a websocket handshake, which would hold its connection,
 * is refused with 503 and {@code Retry-After} somewhat earlier, so that pages and {@code /metrics} still have room.
 * In Prometheus: {@code shipyard_http_connections_open}, {@code shipyard_http_connections_budget},
 * {@code shipyard_http_connections_refused_total}.
 */
public final class ConnectionBudget {

  /**
   * Descriptors kept free beyond those open at start: the database pool (16) with the health probe's and the
   * {@code LISTEN} connections, jars and templates opened later, uploads on disk, static files being served.
   */
  static final int RESERVE = 128;
  /** Websocket handshakes are refused once this share of the budget is taken (and never closer than 4 to it). */
  private static final double SOCKETS_SHARE = 0.9;
  private static final String RETRY_AFTER_SECONDS = "5";
  private static final String FULL = "{\"error\":\"Shipyard holds as many connections as it can; "
      + "please try again in a few seconds.\"}";
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionBudget.class);

  private final int most;
  private final int mostForSockets;
  /** Connections admitted less those whose HTTP close handler ran (an upgraded one's never does). */
  private final AtomicLong http = new AtomicLong();
  private final Counter refused;
  private final WebSocketWatch sockets;

  private ConnectionBudget(int most, MeterRegistry registry, WebSocketWatch sockets) {
    this.most = most;
    this.mostForSockets = Math.max(1, Math.min(most - 4, (int) (most * SOCKETS_SHARE)));
    this.sockets = sockets;
    Gauge.builder("shipyard.http.connections.open", this, ConnectionBudget::open)
        .description("HTTP connections open (websockets included)").register(registry);
    Gauge.builder("shipyard.http.connections.budget", this, b -> b.most)
        .description("The most HTTP connections this process holds at once").register(registry);
    refused = Counter.builder("shipyard.http.connections.refused")
        .description("Connections closed at once because the budget was spent").register(registry);
  }

  /**
   * The budget {@code configured} (a positive number), else from the open-file limit; call once per process, at
   * start, after the descriptors the process keeps have been opened.
   */
  public static ConnectionBudget of(int configured, MeterRegistry registry, WebSocketWatch sockets) {
    warmUpLogging();
    long limit = -1;
    long openNow = -1;
    int most = configured;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
      limit = os.getMaxFileDescriptorCount();
      openNow = os.getOpenFileDescriptorCount();
      if (most <= 0) {
        most = (int) Math.max(8, Math.min(Integer.MAX_VALUE, limit - openNow - RESERVE));
      }
    }
    ConnectionBudget budget = new ConnectionBudget(most > 0 ? most : Integer.MAX_VALUE, registry, sockets);
    LOG.info("Connection budget: {} connections, websockets up to {} (open-file limit {}, {} open at start)",
        budget.most, budget.mostForSockets, limit, openNow);
    return budget;
  }

  /**
   * What a log line may load on first use, loaded now: the time zone (the logger's timestamps) and its rules. At the
   * open-file limit, a first use would need a descriptor there is none of, and the thread logging would fail.
   */
  private static void warmUpLogging() {
    TimeZone.getDefault();
    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now(ZoneId.systemDefault()));
  }

  /** A new connection: counted until {@link #closed}; false (and not counted) when the budget is spent. */
  boolean admit() {
    if (open() >= most) {
      refused.increment();
      return false;
    }
    http.incrementAndGet();
    return true;
  }

  /** Its HTTP close handler ran: a connection that was never upgraded closed. */
  void closed() {
    http.decrementAndGet();
  }

  /** Open connections: upgraded ones count until their websocket closes. */
  private long open() {
    return http.get() - sockets.closed();
  }

  /** Answers a websocket handshake 503 (counted) when no more sockets may be held; true when it did. */
  boolean refusedUpgrade(HttpServerRequest request) {
    if (open() <= mostForSockets) {
      return false;
    }
    sockets.atLimit();
    request.response().setStatusCode(503).putHeader("Retry-After", RETRY_AFTER_SECONDS)
        .putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Connection", "close").end(FULL)
        .onComplete(sent -> request.connection().close());
    return true;
  }

  /** A router handler: a websocket handshake a route refuses (an HTTP status instead of the upgrade) is reported. */
  void watchHandshake(RoutingContext ctx) {
    if (ctx.request().canUpgradeToWebSocket()) {
      ctx.addEndHandler(ended -> {
        int status = ctx.response().getStatusCode();
        if (status >= 400) {
          sockets.refused(status);
        }
      });
    }
    ctx.next();
  }
}
