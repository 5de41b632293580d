package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.function.DoublePredicate;

/** {@code /metrics} of an instance as a scraper reads it (with the metrics token), and its series' values. */
final class LiveScrape {

  private static final long PATIENCE_MS = 20_000;

  private final List<String> lines;

  private LiveScrape(List<String> lines) {
    this.lines = lines;
  }

  static LiveScrape of(Vertx vertx, int port) {
    HttpResponse<Buffer> metrics = WebClient.create(vertx).get(port, "127.0.0.1", "/metrics")
        .bearerTokenAuthentication(TestShipyard.METRICS_TOKEN)
        .putHeader("Connection", "close") // a kept-alive connection would count in the next scrape's figures
        .send().await();
    assertEquals(200, metrics.statusCode(), metrics.bodyAsString());
    return new LiveScrape(metrics.bodyAsString().lines().toList());
  }

  static LiveScrape of(Vertx vertx) {
    return of(vertx, TestShipyard.port());
  }

  /** One series' value, e.g. {@code shipyard_live_disconnects_total{reason="normal"}}; a missing series fails. */
  double value(String series) {
    return lines.stream().filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series + " in /metrics"));
  }

  /** Scrapes until the series' value passes {@code wanted} (20 s at most, a refused scrape is retried). */
  static double eventually(Vertx vertx, int port, String series, DoublePredicate wanted, String what) {
    long until = System.currentTimeMillis() + PATIENCE_MS;
    double last = Double.NaN;
    while (System.currentTimeMillis() < until) {
      try {
        last = of(vertx, port).value(series);
      } catch (VertxException e) {
        last = Double.NaN; // refused at the connection budget while connections are still being closed
      }
      if (wanted.test(last)) {
        return last;
      }
      pause(100);
    }
    throw new AssertionError(what + ": " + series + " is " + last + " after " + PATIENCE_MS + " ms");
  }

  static double eventually(Vertx vertx, String series, DoublePredicate wanted, String what) {
    return eventually(vertx, TestShipyard.port(), series, wanted, what);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
