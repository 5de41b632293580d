package app.shipyard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every answer ends through the one path: a handler that throws, fails, returns nothing or whose page cannot be
 * rendered still gets the normal error answer at once, never a request left hanging until the 30 s timeout.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
@DisplayName("Every answer ends through the failure handler")
class AnswerPathTest {

  /** A view whose {@code message} throws while the template reads it. */
  record Broken(int status, String message) {
    @Override
    public String message() {
      throw new IllegalStateException("a view that throws while rendering");
    }
  }

  private static WebClient client;

  @BeforeAll
  static void start(Vertx vertx) {
    Views views = Views.load(vertx).await();
    Answers answers = new Answers(views);
    Routes.Feature broken = routes -> routes
        .get("/throws", Access.anyone(), ctx -> {
          throw new IllegalStateException("thrown before any Future");
        })
        .get("/fails", Access.anyone(), ctx -> Future.failedFuture(new IllegalStateException("failed future")))
        .get("/throws-in-map", Access.anyone(), ctx -> Future.succeededFuture(Map.<String, Object>of())
            .map(m -> Answer.page("errors/error", "x", m.get("missing").toString())))
        .get("/no-template", Access.anyone(), ctx -> Future.succeededFuture(Answer.page("nope/missing", "x", Map.of())))
        .get("/view-throws", Access.anyone(), ctx -> Future.succeededFuture(
            Answer.page("errors/error", "x", new Broken(500, "never read"))))
        .get("/null", Access.anyone(), ctx -> null)
        .get("/unencodable-json", Access.anyone(), ctx -> Future.succeededFuture(Answer.json(new Object())))
        .get("/fine", Access.anyone(), ctx -> Future.succeededFuture(Answer.page("errors/error", "Fine",
            new FailureHandler.ErrorView(200, "all good", List.of()))));
    HttpVerticle server = new HttpVerticle("127.0.0.1", 0, 1024 * 1024, List.of(), List.of(broken),
        new FailureHandler(answers), answers, ConnectionBudget.of(0, new SimpleMeterRegistry(), new WebSocketWatch() {
          @Override
          public void atLimit() {}

          @Override
          public void refused(int status) {}

          @Override
          public long closed() {
            return 0;
          }
        }));
    vertx.deployVerticle(server).await();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.actualPort()));
  }

  private static HttpResponse<Buffer> page(String path) {
    return client.get(path).putHeader("Accept", "text/html").send().await();
  }

  private static HttpResponse<Buffer> api(String path) {
    return client.get(path).putHeader("Accept", "application/json").send().await();
  }

  @Test
  @DisplayName("A handler that throws, fails, throws inside its chain or returns no answer gets a 500 page at once")
  void failuresAnswerAPage() {
    for (String path : List.of("/throws", "/fails", "/throws-in-map", "/null", "/no-template", "/view-throws")) {
      long started = System.nanoTime();
      HttpResponse<Buffer> response = page(path);
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(500, response.statusCode(), path);
      assertTrue(response.getHeader("Content-Type").startsWith("text/html"), path);
      assertTrue(response.bodyAsString().contains("Something went wrong"), path);
      assertFalse(response.bodyAsString().contains("IllegalStateException"), path + " leaks the exception");
      assertTrue(millis < 5_000, path + " took " + millis + " ms");
    }
  }

  @Test
  @DisplayName("An API client gets the same failures as {\"error\"} JSON, without the exception")
  void failuresAnswerJson() {
    for (String path : List.of("/throws", "/fails", "/throws-in-map", "/null", "/no-template", "/unencodable-json")) {
      HttpResponse<Buffer> response = api(path);
      assertEquals(500, response.statusCode(), path);
      assertTrue(response.getHeader("Content-Type").startsWith("application/json"), path);
      assertTrue(response.bodyAsJsonObject().getString("error").startsWith("Something went wrong"), path);
      assertFalse(response.bodyAsString().contains("IllegalStateException"), path);
    }
  }

  @Test
  @DisplayName("A page renders its typed view with the layout around it")
  void typedViewRenders() {
    HttpResponse<Buffer> response = page("/fine");
    assertEquals(200, response.statusCode());
    assertTrue(response.bodyAsString().contains("all good"));
    assertTrue(response.bodyAsString().contains("<title>Fine · Shipyard</title>"), "the layout's title comes from the parent context");
  }
}
