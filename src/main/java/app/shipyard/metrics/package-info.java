/**
 * Prometheus metrics: {@link app.shipyard.metrics.Metrics} creates Vert.x with Micrometer (HTTP server requests by
 * route template, the database pool named {@code shipyard}) and owns the process's one {@code MeterRegistry}, which
 * features such as voting and the live channel are given to count their own things; {@code GET /metrics}
 * ({@link app.shipyard.metrics.MetricsRoutes}) answers the Prometheus text format to admins or to a request carrying
 * {@code SHIPYARD_METRICS_TOKEN}.
 */
package app.shipyard.metrics;
