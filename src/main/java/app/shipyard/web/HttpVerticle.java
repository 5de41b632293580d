package app.shipyard.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Serves pages, the JSON API and static files. Stateless, so several instances run side by side; on
 * undeploy the server stops accepting and lets in-flight requests finish (graceful shutdown).
 */
public final class HttpVerticle extends VerticleBase {

  private static final long REQUEST_TIMEOUT_MS = 30_000;
  /** Uploads get longer: 30 s would cut off a 10 MB file sent slower than 2.7 Mbit/s. Stalled ones: {@link StalledClients}. */
  private static final long UPLOAD_TIMEOUT_MS = 5 * 60_000;
  /** A request head must be complete this long after the connection opened or the previous answer went out. */
  private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);
  /** A request body may pause this long between two bytes: a slow phone that keeps sending is never cut off. */
  private static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);
  /** No traffic either way for this long closes any connection; longer than a request may take to be answered. */
  private static final int IDLE_TIMEOUT_SECONDS = 60;
  /** The largest websocket message Vert.x assembles; the live channel refuses far smaller ones itself. */
  private static final int MAX_WEBSOCKET_MESSAGE_BYTES = 64 * 1024;

  private final String host;
  private final int port;
  private final long maxBodyBytes;
  private final List<Handler<RoutingContext>> filters;
  private final List<Routes.Feature> features;
  private final FailureHandler failures;
  private final Answers answers;
  private final ConnectionBudget budget;
  private HttpServer server;
  private StalledClients stalled;

  public HttpVerticle(String host, int port, long maxBodyBytes, List<Handler<RoutingContext>> filters,
                      List<Routes.Feature> features, FailureHandler failures, Answers answers,
                      ConnectionBudget budget) {
    this.host = host;
    this.port = port;
    this.maxBodyBytes = maxBodyBytes;
    this.filters = filters;
    this.features = features;
    this.failures = failures;
    this.answers = answers;
    this.budget = budget;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    router.route().handler(TextGate::address);
    router.route().handler(budget::watchHandshake);
    router.route("/static/*").handler(StaticHandler.create("webroot").setMaxAgeSeconds(3600).setIncludeHidden(false));
    // A request that no handler answers in time gets a 503 page or JSON instead of hanging the client; a websocket
    // handshake is answered at once (refused or upgraded) and must not be failed later while it is open.
    UploadBodies uploads = new UploadBodies();
    Handler<RoutingContext> timeout = TimeoutHandler.create(REQUEST_TIMEOUT_MS, 503);
    Handler<RoutingContext> uploadTimeout = TimeoutHandler.create(UPLOAD_TIMEOUT_MS, 503);
    router.route().handler(ctx -> {
      if (ctx.request().canUpgradeToWebSocket()) {
        ctx.next();
      } else {
        (uploads.covers(ctx) ? uploadTimeout : timeout).handle(ctx);
      }
    });
    router.route().handler(uploads);
    router.route().handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    router.route().handler(TextGate::body);
    filters.forEach(filter -> router.route().handler(filter));
    Routes routes = new Routes(router, answers, uploads);
    features.forEach(feature -> feature.register(routes));
    router.route().failureHandler(failures);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, failures);
    }
    server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
        .setCompressionSupported(true).setMaxFormAttributeSize((int) maxBodyBytes)
        .setIdleTimeout(IDLE_TIMEOUT_SECONDS).setIdleTimeoutUnit(TimeUnit.SECONDS)
        // Websockets (the live channel): no per-message deflate (it costs a compressor per socket and CPU per frame,
        // and defeats writing one encoded frame to every socket); a message larger than this closes the socket (1009).
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
        .setMaxWebSocketFrameSize(MAX_WEBSOCKET_MESSAGE_BYTES).setMaxWebSocketMessageSize(MAX_WEBSOCKET_MESSAGE_BYTES)
        // Plain HTTP/1.1 (browsers speak HTTP/2 only over TLS): without h2c, a connection is visible to
        // StalledClients from its first byte, not only once its first request head has been read.
        .setHttp2ClearTextEnabled(false));
    stalled = new StalledClients(vertx, HEAD_TIMEOUT, BODY_TIMEOUT);
    // Beyond the process's connection budget a connection is closed at once; a handshake is refused somewhat earlier.
    server.connectionHandler(connection -> {
      if (!budget.admit()) {
        connection.close();
        return;
      }
      stalled.opened(connection);
      connection.closeHandler(v -> {
        budget.closed();
        stalled.closed(connection);
      });
    });
    stalled.start();
    return server.requestHandler(request -> {
      if (request.canUpgradeToWebSocket()) {
        if (budget.refusedUpgrade(request)) {
          return;
        }
        // Held until a route upgrades it: once its end has been read, a handshake can no longer be upgraded.
        request.pause();
        stalled.upgrading(request);
      } else {
        stalled.received(request);
      }
      router.handle(request);
    }).listen();
  }

  @Override
  public Future<?> stop() {
    stalled.stop();
    return server.shutdown(10, TimeUnit.SECONDS);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
