package app.shipyard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
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
@DisplayName("Form tokens")
class FormTokenTest {

  private Api api;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
  }

  @Test
  @DisplayName("A form still works after the browser makes other requests (like /favicon.ico) before sending it")
  void formSurvivesOtherRequests() {
    Api.Browser browser = api.browser();
    String token = Api.csrfFrom(browser.getPage("/sign-in").bodyAsString());
    browser.getPage("/favicon.ico");
    browser.getPage("/sign-in");
    var response = browser.session().post("/sign-in").putHeader("Accept", "text/html")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("X-XSRF-TOKEN", token)
            .add("email", TestShipyard.EMPLOYEE).add("password", TestShipyard.PASSWORD).add("next", "/"))
        .await();
    assertEquals(303, response.statusCode(), response.bodyAsString());
    assertEquals("/", response.getHeader("Location"));
  }
}
