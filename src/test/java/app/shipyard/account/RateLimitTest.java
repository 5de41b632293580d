package app.shipyard.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Limits on failed sign-ins (5 per account, 40 per address in the test configuration)")
class RateLimitTest {

  private Api api;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
  }

  private HttpResponse<Buffer> attempt(String email, String password) {
    return api.client().post("/api/auth/token")
        .sendJsonObject(new JsonObject().put("email", email).put("password", password)).await();
  }

  @Test
  @DisplayName("After 5 failures for one account, the 6th attempt gets 429 even with the correct password")
  void perAccountLimit() {
    for (int i = 1; i <= 5; i++) {
      assertEquals(401, attempt(TestShipyard.EMPLOYEE, "wrong password " + i).statusCode(), "attempt " + i);
    }
    var blocked = attempt(TestShipyard.EMPLOYEE, TestShipyard.PASSWORD);
    assertEquals(429, blocked.statusCode());
    String message = blocked.bodyAsJsonObject().getString("error");
    assertTrue(message.startsWith("Too many failed sign-ins"), message);
    assertTrue(!blocked.bodyAsJsonObject().containsKey("token"));

    // The limit is per account (email in any case): other people still sign in.
    assertEquals(429, attempt("EMPLOYEE@test.example", TestShipyard.PASSWORD).statusCode());
    assertEquals(200, attempt(TestShipyard.OTHER_EMPLOYEE, TestShipyard.PASSWORD).statusCode());
  }

  @Test
  @DisplayName("A burst of 20 simultaneous wrong passwords for one account gets at most 5 real tries; the rest get 429")
  void concurrentBurst() {
    List<Future<HttpResponse<Buffer>>> burst = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      burst.add(api.client().post("/api/auth/token")
          .sendJsonObject(new JsonObject().put("email", TestShipyard.EMPLOYEE).put("password", "guess number " + i)));
    }
    Future.join(burst).await();
    long tried = burst.stream().filter(f -> f.result().statusCode() == 401).count();
    long blocked = burst.stream().filter(f -> f.result().statusCode() == 429).count();
    assertEquals(20, tried + blocked);
    assertTrue(tried <= 5, tried + " passwords were checked; at most 5 may be");
    assertEquals(429, attempt(TestShipyard.EMPLOYEE, TestShipyard.PASSWORD).statusCode());
  }

  @Test
  @DisplayName("Four failures do not block an account")
  void belowLimit() {
    for (int i = 1; i <= 4; i++) {
      assertEquals(401, attempt(TestShipyard.EMPLOYEE, "wrong password " + i).statusCode());
    }
    assertEquals(200, attempt(TestShipyard.EMPLOYEE, TestShipyard.PASSWORD).statusCode());
  }

  @Test
  @DisplayName("The sign-in form is limited too, and answers 429 with the sign-in page")
  void formIsLimited() {
    for (int i = 1; i <= 5; i++) {
      assertEquals(401, attempt(TestShipyard.EMPLOYEE, "wrong password " + i).statusCode());
    }
    Api.Browser browser = api.browser();
    var response = browser.postForm("/sign-in", "/sign-in", MultiMap.caseInsensitiveMultiMap()
        .add("email", TestShipyard.EMPLOYEE).add("password", TestShipyard.PASSWORD).add("next", "/"));
    assertEquals(429, response.statusCode());
    assertTrue(response.bodyAsString().contains("Too many failed sign-ins"));
    assertTrue(response.cookies().stream().noneMatch(c -> c.startsWith("shipyard_session=")));
  }

  @Test
  @DisplayName("40 failures from one address across different emails block that address, even for a correct password")
  void perAddressLimit() {
    for (int i = 1; i <= 40; i++) {
      // At most 2 failures per email, so the per-account limit is never reached.
      String email = "stranger" + (i % 20) + "@test.example";
      var response = attempt(email, "wrong password " + i);
      assertEquals(401, response.statusCode(), "attempt " + i);
    }
    var blocked = attempt(TestShipyard.ADMIN, TestShipyard.PASSWORD);
    assertEquals(429, blocked.statusCode());
    assertTrue(blocked.bodyAsJsonObject().getString("error").startsWith("Too many failed sign-ins"));
  }
}
