package app.shipyard.metrics;

import app.shipyard.config.AppConfig;
import app.shipyard.web.ServiceToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.EnumSet;
import java.util.UUID;

/**
 * The process's metrics: one Prometheus registry, the Vert.x instance that reports into it, and who may read it.
 * Labels are bounded: HTTP requests by method, status and route template ({@code /events/:id}, never the raw path),
 * pools by type and name. Each Shipyard gets a registry of its own (several may run in one JVM, as in tests).
 */
public final class Metrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ServiceToken token;

  private Metrics(ServiceToken token) {
    this.token = token;
  }

  /** Fails (refusing to start) when {@code SHIPYARD_METRICS_TOKEN} is set but shorter than 32 characters. */
  public static Metrics configured(AppConfig config) {
    return new Metrics(ServiceToken.of(config.metricsToken(), "SHIPYARD_METRICS_TOKEN"));
  }

  /** Vert.x with Micrometer metrics reporting into this registry (no embedded server: {@code /metrics} serves it). */
  public Vertx createVertx() {
    MicrometerMetricsOptions options = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName("shipyard-" + UUID.randomUUID())
        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE, Label.POOL_NAME))
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setStartEmbeddedServer(false));
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(options))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  /** Where features register their own meters (votes, the live channel's sockets and frames). */
  public MeterRegistry registry() {
    return registry;
  }

  /** The request filter that recognises the metrics token; it runs before authentication. */
  public ServiceToken token() {
    return token;
  }

  /** The registry in the Prometheus text format. */
  String scrape() {
    return registry.scrape();
  }
}
