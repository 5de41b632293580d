package app.shipyard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.Shipyard;
import app.shipyard.config.ConfigLoader;
import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Prometheus metrics")
class MetricsTest {

  private Api api;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
  }

  private HttpResponse<Buffer> metricsWith(String bearer) {
    return api.get("/metrics").bearerTokenAuthentication(bearer).send().await();
  }

  @Test
  @DisplayName("Without a token or session /metrics is refused: 401 for an API client, the sign-in page for a browser")
  void anonymousIsRefused() {
    HttpResponse<Buffer> json = api.get("/metrics").putHeader("Accept", "application/json").send().await();
    assertEquals(401, json.statusCode(), json.bodyAsString());
    assertEquals("Please sign in to continue.", json.bodyAsJsonObject().getString("error"));
    HttpResponse<Buffer> page = api.get("/metrics").putHeader("Accept", "text/html").send().await();
    assertEquals(302, page.statusCode());
    assertEquals("/sign-in?next=%2Fmetrics", page.getHeader("Location"));
  }

  @Test
  @DisplayName("An employee is refused /metrics with 403, and a token that differs by one character with 401")
  void employeeAndWrongTokenAreRefused() {
    HttpResponse<Buffer> employee = api.get("/metrics").putHeader("Accept", "application/json")
        .bearerTokenAuthentication(api.token(TestShipyard.EMPLOYEE)).send().await();
    assertEquals(403, employee.statusCode(), employee.bodyAsString());
    assertFalse(employee.bodyAsString().contains("vertx_"), employee.bodyAsString());
    String almost = TestShipyard.METRICS_TOKEN.substring(0, TestShipyard.METRICS_TOKEN.length() - 1) + "X";
    HttpResponse<Buffer> wrong = api.get("/metrics").putHeader("Accept", "application/json")
        .bearerTokenAuthentication(almost).send().await();
    assertEquals(401, wrong.statusCode(), wrong.bodyAsString());
    HttpResponse<Buffer> longer = api.get("/metrics").putHeader("Accept", "application/json")
        .bearerTokenAuthentication(TestShipyard.METRICS_TOKEN + "0").send().await();
    assertEquals(401, longer.statusCode(), longer.bodyAsString());
  }

  @Test
  @DisplayName("The metrics token is not a person: it reads /metrics and nothing else")
  void tokenIsOnlyForMetrics() {
    HttpResponse<Buffer> people = api.get("/api/people").bearerTokenAuthentication(TestShipyard.METRICS_TOKEN)
        .send().await();
    assertEquals(401, people.statusCode(), people.bodyAsString());
  }

  @Test
  @DisplayName("An admin reads /metrics in the Prometheus text format, with HTTP requests by route template")
  void adminReadsPrometheusText() {
    assertEquals(200, api.get("/health").send().await().statusCode());
    HttpResponse<Buffer> metrics = metricsWith(api.token(TestShipyard.ADMIN));
    assertEquals(200, metrics.statusCode(), metrics.bodyAsString());
    assertTrue(metrics.getHeader("Content-Type").startsWith("text/plain; version=0.0.4"),
        metrics.getHeader("Content-Type"));
    String text = metrics.bodyAsString();
    assertTrue(text.contains("# TYPE vertx_http_server_requests_total counter"), text);
    assertTrue(text.lines().anyMatch(line -> line.startsWith("vertx_http_server_requests_total{")
        && line.contains("code=\"200\"") && line.contains("method=\"GET\"") && line.contains("route=\"/health\"")),
        text);
  }

  @Test
  @DisplayName("A scraper with SHIPYARD_METRICS_TOKEN reads /metrics, including the shipyard database pool")
  void tokenReadsPoolMetrics() {
    HttpResponse<Buffer> metrics = metricsWith(TestShipyard.METRICS_TOKEN);
    assertEquals(200, metrics.statusCode(), metrics.bodyAsString());
    String text = metrics.bodyAsString();
    assertTrue(text.lines().anyMatch(line -> line.startsWith("vertx_pool_")
        && line.contains("pool_name=\"shipyard\"") && line.contains("pool_type=\"sql\"")), text);
  }

  @Test
  @DisplayName("Paths with ids are counted under their route template, never as raw paths")
  void labelsAreRouteTemplates() {
    String admin = api.token(TestShipyard.ADMIN);
    assertEquals(404, api.get("/api/people/987654").bearerTokenAuthentication(admin).send().await().statusCode());
    String text = metricsWith(TestShipyard.METRICS_TOKEN).bodyAsString();
    assertFalse(text.contains("987654"), text);
    assertTrue(text.contains("route=\"/api/people/:id\""), text);
  }

  @Test
  @DisplayName("A metrics token shorter than 32 characters refuses to start, like the signing secret")
  void shortTokenRefusesToStart() {
    Map<String, String> env = Map.of("SHIPYARD_METRICS_TOKEN", "too-short",
        "SHIPYARD_SIGNING_SECRET", "test-signing-secret-0123456789abcdef0123456789",
        "SHIPYARD_DATA_DIR", "target/metrics-short-token", "HTTP_PORT", "0");
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> Shipyard.start(new ConfigLoader(env).load()));
    assertEquals("SHIPYARD_METRICS_TOKEN must be at least 32 characters long", refused.getMessage());
  }
}
