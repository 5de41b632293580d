package app.shipyard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Health")
class HealthTest {

  private Api api;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
  }

  @Test
  @DisplayName("/health answers 200 with the database up, without signing in")
  void healthIsUp() {
    var response = api.get("/health").send().await();
    assertEquals(200, response.statusCode());
    assertEquals("up", response.bodyAsJsonObject().getString("database"));
  }

  @Test
  @DisplayName("A page that needs sign-in sends a browser to the sign-in page, and an API client gets 401 JSON")
  void anonymousIsRefused() {
    var page = api.get("/people").putHeader("Accept", "text/html").send().await();
    assertEquals(302, page.statusCode());
    assertEquals("/sign-in?next=%2Fpeople", page.getHeader("Location"));
    var json = api.get("/api/people").send().await();
    assertEquals(401, json.statusCode());
    assertEquals("Please sign in to continue.", json.bodyAsJsonObject().getString("error"));
  }
}
