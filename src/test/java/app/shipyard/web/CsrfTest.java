package app.shipyard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Cross-site request forgery protection")
class CsrfTest {

  private Api api;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
  }

  private static MultiMap profile(String name) {
    return MultiMap.caseInsensitiveMultiMap().add("displayName", name).add("department", "Forged").add("bio", "");
  }

  private String myName(String email) {
    String token = api.token(email);
    return api.as(token, api.get("/api/me")).send().await().bodyAsJsonObject().getString("displayName");
  }

  @Test
  @DisplayName("A profile form post with the session cookie but without the CSRF field gets 403 and changes nothing")
  void profileWithoutToken() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    var forged = browser.session().post("/profile").putHeader("Accept", "text/html").sendForm(profile("Hacked Name")).await();
    assertEquals(403, forged.statusCode());
    assertEquals("Emma Employee", myName(TestShipyard.EMPLOYEE));

    var wrongToken = browser.session().post("/profile").putHeader("Accept", "text/html")
        .sendForm(profile("Hacked Name").add("X-XSRF-TOKEN", "made-up-token")).await();
    assertEquals(403, wrongToken.statusCode());
    assertEquals("Emma Employee", myName(TestShipyard.EMPLOYEE));
  }

  @Test
  @DisplayName("The same profile form post with the CSRF field from the page works")
  void profileWithToken() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    var response = browser.postForm("/profile", "/profile", profile("Emma Renamed"));
    assertEquals(200, response.statusCode());
    assertTrue(response.bodyAsString().contains("Your profile was saved."));
    assertEquals("Emma Renamed", myName(TestShipyard.EMPLOYEE));
  }

  @Test
  @DisplayName("A token from another browser's page does not work with this browser's cookies")
  void tokenFromAnotherBrowser() {
    Api.Browser attacker = api.browser();
    String attackerToken = Api.csrfFrom(attacker.getPage("/sign-in").bodyAsString());
    Api.Browser victim = api.browser().signIn(TestShipyard.EMPLOYEE);
    var forged = victim.session().post("/profile").putHeader("Accept", "text/html")
        .sendForm(profile("Hacked Name").add("X-XSRF-TOKEN", attackerToken)).await();
    assertEquals(403, forged.statusCode());
    assertEquals("Emma Employee", myName(TestShipyard.EMPLOYEE));
  }

  @Test
  @DisplayName("The sign-in form without the CSRF field gets 403 and signs nobody in")
  void signInWithoutToken() {
    Api.Browser browser = api.browser();
    browser.getPage("/sign-in");
    var response = browser.session().post("/sign-in").putHeader("Accept", "text/html")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("email", TestShipyard.EMPLOYEE)
            .add("password", TestShipyard.PASSWORD).add("next", "/")).await();
    assertEquals(403, response.statusCode());
    assertTrue(response.cookies().stream().noneMatch(c -> c.startsWith("shipyard_session=")));
    assertEquals(302, browser.getPage("/profile").statusCode());
  }

  @Test
  @DisplayName("A JSON PUT /api/me with a bearer token and no cookie needs no CSRF token")
  void bearerJsonNeedsNoToken() {
    String token = api.token(TestShipyard.EMPLOYEE);
    var response = api.as(token, api.client().put("/api/me"))
        .sendJsonObject(new JsonObject().put("displayName", "Emma Api")).await();
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("Emma Api", myName(TestShipyard.EMPLOYEE));
  }

  @Test
  @DisplayName("A JSON PUT /api/me riding on the session cookie (no bearer) does need the CSRF header")
  void cookieJsonNeedsToken() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    var forged = browser.session().put("/api/me")
        .sendJsonObject(new JsonObject().put("displayName", "Hacked Name")).await();
    assertEquals(403, forged.statusCode());
    assertEquals("Emma Employee", myName(TestShipyard.EMPLOYEE));

    String csrf = Api.csrfFrom(browser.getPage("/profile").bodyAsString());
    var allowed = browser.session().put("/api/me").putHeader("X-XSRF-TOKEN", csrf)
        .sendJsonObject(new JsonObject().put("displayName", "Emma Script")).await();
    assertEquals(200, allowed.statusCode(), allowed.bodyAsString());
    assertEquals("Emma Script", myName(TestShipyard.EMPLOYEE));
  }

  @Test
  @DisplayName("A bearer token sent along with a session cookie does not skip the CSRF check")
  void bearerPlusCookieNeedsToken() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    String token = api.token(TestShipyard.EMPLOYEE);
    var forged = browser.session().post("/profile").bearerTokenAuthentication(token)
        .putHeader("Accept", "text/html").sendForm(profile("Hacked Name")).await();
    assertEquals(403, forged.statusCode());
    assertEquals("Emma Employee", myName(TestShipyard.EMPLOYEE));
  }
}
