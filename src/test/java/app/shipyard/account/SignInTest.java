package app.shipyard.account;

import app.shipyard.identity.Location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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
@DisplayName("Sign-in and sign-out")
class SignInTest {

  private static final String GENERIC = "That email and password do not match an account.";
  private Api api;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
  }

  private io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> tokenRequest(String email, String password) {
    return api.client().post("/api/auth/token")
        .sendJsonObject(new JsonObject().put("email", email).put("password", password)).await();
  }

  @Test
  @DisplayName("The API hands out a bearer token and the person it belongs to, and the token then works")
  void apiSignInSucceeds() {
    var response = tokenRequest(TestShipyard.ADMIN, TestShipyard.PASSWORD);
    assertEquals(200, response.statusCode());
    JsonObject body = response.bodyAsJsonObject();
    String token = body.getString("token");
    assertNotNull(token);
    assertEquals(3, token.split("\\.").length, "a JWT has three parts");
    assertEquals("Bearer", body.getString("tokenType"));
    assertTrue(body.getLong("expiresIn") > 0);
    JsonObject person = body.getJsonObject("person");
    assertEquals(TestShipyard.ADMIN, person.getString("email"));
    assertEquals("Ada Admin", person.getString("displayName"));
    assertTrue(person.getJsonArray("roles").contains("admin"));

    var me = api.as(token, api.get("/api/me")).send().await();
    assertEquals(200, me.statusCode());
    assertEquals(TestShipyard.ADMIN, me.bodyAsJsonObject().getString("email"));
  }

  @Test
  @DisplayName("Email matching ignores case")
  void emailIsCaseInsensitive() {
    var response = tokenRequest("Employee@Test.Example", TestShipyard.PASSWORD);
    assertEquals(200, response.statusCode());
    assertEquals(TestShipyard.EMPLOYEE, response.bodyAsJsonObject().getJsonObject("person").getString("email"));
  }

  @Test
  @DisplayName("A wrong password and an unknown email both get 401 with the same generic message")
  void failuresAreGeneric() {
    var wrongPassword = tokenRequest(TestShipyard.EMPLOYEE, "not the password");
    assertEquals(401, wrongPassword.statusCode());
    assertEquals(GENERIC, wrongPassword.bodyAsJsonObject().getString("error"));
    assertFalse(wrongPassword.bodyAsJsonObject().containsKey("token"));

    var unknown = tokenRequest("nobody@test.example", TestShipyard.PASSWORD);
    assertEquals(401, unknown.statusCode());
    assertEquals(wrongPassword.bodyAsJsonObject(), unknown.bodyAsJsonObject(),
        "the response must not reveal whether the account exists");
  }

  @Test
  @DisplayName("The sign-in form sets an HttpOnly session cookie and redirects with 303")
  void formSignInSetsCookie() {
    Api.Browser browser = api.browser();
    var response = browser.postForm("/sign-in", "/sign-in", MultiMap.caseInsensitiveMultiMap()
        .add("email", TestShipyard.EMPLOYEE).add("password", TestShipyard.PASSWORD).add("next", "/people"));
    assertEquals(303, response.statusCode());
    assertEquals("/people", response.getHeader("Location"));
    List<String> cookies = response.cookies();
    String session = cookies.stream().filter(c -> c.startsWith("shipyard_session=")).findFirst().orElseThrow();
    assertTrue(session.length() > "shipyard_session=".length() + 20, "cookie carries a token: " + session);
    assertTrue(session.toLowerCase().contains("httponly"), session);
    assertTrue(session.toLowerCase().contains("samesite=lax"), session);
    assertTrue(session.toLowerCase().contains("path=/"), session);

    var people = browser.getPage("/people");
    assertEquals(200, people.statusCode());
    var profile = browser.getPage("/profile");
    assertEquals(200, profile.statusCode());
    assertTrue(profile.bodyAsString().contains("Emma Employee"));
  }

  @Test
  @DisplayName("A wrong password on the form shows the sign-in page again with 401 and the generic message, and sets no session")
  void formSignInFailure() {
    Api.Browser browser = api.browser();
    var response = browser.postForm("/sign-in", "/sign-in", MultiMap.caseInsensitiveMultiMap()
        .add("email", TestShipyard.EMPLOYEE).add("password", "wrong password!").add("next", "/"));
    assertEquals(401, response.statusCode());
    assertTrue(response.bodyAsString().contains(GENERIC));
    assertTrue(response.cookies().stream().noneMatch(c -> c.startsWith("shipyard_session=")));
    assertEquals(302, browser.getPage("/profile").statusCode());
  }

  @Test
  @DisplayName("Signing out through the API ends the session: the old token gets 401 afterwards")
  void signOutEndsToken() {
    String token = api.token(TestShipyard.EMPLOYEE);
    assertEquals(200, api.as(token, api.get("/api/me")).send().await().statusCode());

    var signOut = api.as(token, api.client().post("/api/auth/sign-out")).send().await();
    assertEquals(204, signOut.statusCode());

    var after = api.as(token, api.get("/api/me")).send().await();
    assertEquals(401, after.statusCode());
    assertNotNull(after.bodyAsJsonObject().getString("error"));

    // Signing in again gives a working token.
    String fresh = api.token(TestShipyard.EMPLOYEE);
    assertEquals(200, api.as(fresh, api.get("/api/me")).send().await().statusCode());
    assertEquals(401, api.as(token, api.get("/api/me")).send().await().statusCode());
  }

  @Test
  @DisplayName("Signing out ends every session of that person, including a browser's cookie")
  void signOutEndsBrowserSession() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    assertEquals(200, browser.getPage("/profile").statusCode());
    String token = api.token(TestShipyard.EMPLOYEE);
    assertEquals(204, api.as(token, api.client().post("/api/auth/sign-out")).send().await().statusCode());
    var page = browser.getPage("/profile");
    assertEquals(302, page.statusCode());
    assertTrue(page.getHeader("Location").startsWith("/sign-in"));
  }

  @Test
  @DisplayName("A 'next' of //evil.example is not followed: the sign-in form redirects to /")
  void openRedirectRefused() {
    for (String evil : List.of("//evil.example", "https://evil.example/", "/\\evil.example")) {
      Api.Browser browser = api.browser();
      var response = browser.postForm("/sign-in", "/sign-in", MultiMap.caseInsensitiveMultiMap()
          .add("email", TestShipyard.EMPLOYEE).add("password", TestShipyard.PASSWORD).add("next", evil));
      assertEquals(303, response.statusCode());
      assertEquals("/", response.getHeader("Location"), "next=" + evil);
    }
  }

  @Test
  @DisplayName("The sign-in page does not carry a foreign 'next' into its form")
  void openRedirectNotEchoed() {
    var page = api.get("/sign-in?next=%2F%2Fevil.example").putHeader("Accept", "text/html").send().await();
    assertEquals(200, page.statusCode());
    assertFalse(page.bodyAsString().contains("evil.example"));
    assertTrue(page.bodyAsString().contains("name=\"next\" value=\"/\""));
  }

  @Test
  @DisplayName("A request without email or password gets 400 naming the fields")
  void missingCredentials() {
    var response = api.client().post("/api/auth/token").sendJsonObject(new JsonObject()).await();
    assertEquals(400, response.statusCode());
    JsonObject fields = response.bodyAsJsonObject().getJsonObject("fields");
    assertEquals("is required", fields.getString("email"));
    assertEquals("is required", fields.getString("password"));
  }
}
