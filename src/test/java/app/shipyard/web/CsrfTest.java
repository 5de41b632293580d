package app.shipyard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.netty.handler.codec.http.cookie.Cookie;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
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

  @Test
  @DisplayName("A form post with a good token but sent from another site (Origin or Sec-Fetch-Site) gets 403")
  void crossSiteFormRefused() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    List<List<String>> fromElsewhere = List.of(List.of("Origin", "https://evil.example"), List.of("Origin", "null"),
        List.of("Origin", "http://127.0.0.1:1"), List.of("Sec-Fetch-Site", "cross-site"),
        List.of("Sec-Fetch-Site", "same-site"));
    for (List<String> header : fromElsewhere) {
      var forged = profileFormWith(browser, "Hacked Name", header);
      assertEquals(403, forged.statusCode(), header.toString());
      assertTrue(forged.bodyAsString().contains("Requests sent from another site are refused."), header.toString());
    }
    assertEquals("Emma Employee", myName(TestShipyard.EMPLOYEE));
  }

  @Test
  @DisplayName("The same form post from Shipyard's own page (its Origin, Sec-Fetch-Site: same-origin) works")
  void sameOriginFormWorks() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    var response = profileFormWith(browser, "Emma Renamed",
        List.of("Origin", "http://127.0.0.1:" + TestShipyard.port(), "Sec-Fetch-Site", "same-origin"));
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("Emma Renamed", myName(TestShipyard.EMPLOYEE));
  }

  @Test
  @DisplayName("Behind a proxy that rewrites Host, a form post from a configured public origin works; a look-alike does not")
  void publicOriginBehindProxy() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    var proxied = profileFormWith(browser, "Emma Proxied", List.of("Origin", TestShipyard.PUBLIC_ORIGIN));
    assertEquals(200, proxied.statusCode(), proxied.bodyAsString());
    assertEquals("Emma Proxied", myName(TestShipyard.EMPLOYEE));
    for (String lookAlike : List.of(TestShipyard.PUBLIC_ORIGIN + ":8443", "http://shipyard.test.example",
        "https://shipyard.test.example.evil.example")) {
      var forged = profileFormWith(browser, "Hacked Name", List.of("Origin", lookAlike));
      assertEquals(403, forged.statusCode(), lookAlike);
    }
    assertEquals("Emma Proxied", myName(TestShipyard.EMPLOYEE));
  }

  @Test
  @DisplayName("An API call that says it comes from another site's page is refused, even with a bearer token")
  void crossSiteApiRefused() {
    String token = api.token(TestShipyard.EMPLOYEE);
    var forged = api.as(token, api.client().put("/api/me")).putHeader("Origin", "https://evil.example")
        .sendJsonObject(new JsonObject().put("displayName", "Hacked Name")).await();
    assertEquals(403, forged.statusCode(), forged.bodyAsString());
    assertEquals("Requests sent from another site are refused.", forged.bodyAsJsonObject().getString("error"));
    assertEquals("Emma Employee", myName(TestShipyard.EMPLOYEE));
  }

  @Test
  @DisplayName("A token planted from elsewhere (as cookie and field) does not pass with this browser's session")
  void plantedTokenRefused() {
    Api.Browser someoneElse = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE);
    String fromAnotherSession = Api.csrfFrom(someoneElse.getPage("/profile").bodyAsString());
    String fromSignedOutPage = Api.csrfFrom(api.browser().getPage("/sign-in").bodyAsString());
    Api.Browser victim = api.browser().signIn(TestShipyard.EMPLOYEE);
    for (String planted : List.of(fromAnotherSession, fromSignedOutPage)) {
      assertEquals(403, postProfile(victim, planted, "Hacked Name").statusCode());
    }
    assertEquals("Emma Employee", myName(TestShipyard.EMPLOYEE));

    String own = Api.csrfFrom(victim.getPage("/profile").bodyAsString());
    assertEquals(200, postProfile(victim, own, "Emma Renamed").statusCode());
    assertEquals("Emma Renamed", myName(TestShipyard.EMPLOYEE));
  }

  @Test
  @DisplayName("A page's token stops working when its session ends, also after signing in again")
  void tokenEndsWithSession() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    String old = Api.csrfFrom(browser.getPage("/profile").bodyAsString());
    assertEquals(303, browser.session().post("/sign-out").putHeader("Accept", "text/html")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("X-XSRF-TOKEN", old)).await().statusCode());
    browser.signIn(TestShipyard.EMPLOYEE);
    var stale = browser.session().post("/profile").putHeader("Accept", "text/html")
        .sendForm(profile("Hacked Name").add("X-XSRF-TOKEN", old)).await();
    assertEquals(403, stale.statusCode());
    assertEquals("Emma Employee", myName(TestShipyard.EMPLOYEE));
  }

  /** The profile form post with the token of the page, and the headers given as name, value, name, value... */
  private static HttpResponse<Buffer> profileFormWith(Api.Browser browser, String name, List<String> headers) {
    String csrf = Api.csrfFrom(browser.getPage("/profile").bodyAsString());
    var request = browser.session().post("/profile").putHeader("Accept", "text/html");
    for (int i = 0; i < headers.size(); i += 2) {
      request.putHeader(headers.get(i), headers.get(i + 1));
    }
    return request.sendForm(profile(name).add("X-XSRF-TOKEN", csrf)).await();
  }

  /** The profile form post with the browser's session cookie and {@code token} as both the CSRF cookie and field. */
  private HttpResponse<Buffer> postProfile(Api.Browser browser, String token, String name) {
    String session = "";
    for (Cookie cookie : browser.session().cookieStore().get(false, "127.0.0.1", "/")) {
      if (cookie.name().equals("shipyard_session")) {
        session = cookie.value();
      }
    }
    return api.client().post("/profile").putHeader("Accept", "text/html")
        .putHeader("Cookie", "shipyard_session=" + session + "; XSRF-TOKEN=" + token)
        .sendForm(profile(name).add("X-XSRF-TOKEN", token)).await();
  }
}
