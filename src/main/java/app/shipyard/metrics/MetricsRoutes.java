package app.shipyard.metrics;

import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** {@code GET /metrics}: the Prometheus text format, for admins or a scraper presenting the metrics token. */
public final class MetricsRoutes implements Routes.Feature {

  public static final String PATH = "/metrics";
  /** The Prometheus text exposition format, version 0.0.4. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Vertx vertx;
  private final Metrics metrics;

  public MetricsRoutes(Vertx vertx, Metrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
  }

  @Override
  public void register(Routes routes) {
    routes.get(PATH, Access.rolesOrToken(metrics.token(), Role.ADMIN), this::scrape);
  }

  /** Off the event loop: a scrape walks every meter, which grows with routes and pools. */
  private Future<Answer> scrape(RoutingContext ctx) {
    return vertx.executeBlocking(metrics::scrape, false)
        .map(text -> Answer.bytes(CONTENT_TYPE, Map.of(), Buffer.buffer(text)));
  }
}
