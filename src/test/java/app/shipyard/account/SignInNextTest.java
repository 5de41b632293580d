package app.shipyard.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
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
@DisplayName("Where the sign-in form sends you: 'next' is parsed and normalised, and only a plain local path is followed")
class SignInNextTest {

  private Api api;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
  }

  private HttpResponse<Buffer> signIn(String next) {
    return api.browser().postForm("/sign-in", "/sign-in", MultiMap.caseInsensitiveMultiMap()
        .add("email", TestShipyard.EMPLOYEE).add("password", TestShipyard.PASSWORD).add("next", next));
  }

  private void assertSentTo(String expected, String next) {
    long started = System.nanoTime();
    HttpResponse<Buffer> response = signIn(next);
    assertEquals(303, response.statusCode(), "next=" + next.replace("\r", "\\r").replace("\n", "\\n"));
    assertEquals(expected, response.getHeader("Location"), "next=" + next);
    assertTrue(response.getHeader("Set-Cookie") != null, "signed in all the same");
    assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 5, "answered at once, not after a timeout");
  }

  @Test
  @DisplayName("A 'next' with a tab, line break or other white space inside is not followed: the form redirects to /")
  void whiteSpaceInNext() {
    for (String next : new String[] {"/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/ /evil.example",
        "/\u00A0/evil.example", "/\u3000/evil.example", "/people\r\nSet-Cookie: stolen=1", "/people\tx"}) {
      assertSentTo("/", next);
    }
  }

  @Test
  @DisplayName("A 'next' with a control character gets a 400 page at once instead of hanging for 30 seconds")
  void controlCharacterInNext() {
    for (String next : new String[] {"/people\u0000", "/\u0001/evil.example", "/people\u0085"}) {
      long started = System.nanoTime();
      HttpResponse<Buffer> response = signIn(next);
      assertEquals(400, response.statusCode());
      assertTrue(response.bodyAsString().contains("must not contain control characters"), response.bodyAsString());
      assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 5);
    }
  }

  @Test
  @DisplayName("A local 'next' is normalised: dot segments resolved, repeated slashes merged, non-ASCII %-encoded")
  void normalisedNext() {
    Map<String, String> cases = Map.of(
        "/people", "/people",
        "/a/./b/../people?q=x#list", "/a/people?q=x#list",
        "/people?q=Zo\u00eb", "/people?q=Zo%C3%AB",
        "/events//3", "/events/3",
        "/.//evil.example", "/evil.example",
        "/people?next=%2F%2Fevil.example", "/people?next=%2F%2Fevil.example");
    cases.forEach((next, expected) -> assertSentTo(expected, next));
  }

  @Test
  @DisplayName("A 'next' that leaves the site or the root (scheme, //, /\\, /../, a malformed escape) goes to /")
  void foreignNext() {
    for (String next : new String[] {"//evil.example", "https://evil.example/", "/\\evil.example", "/../etc",
        "/a/../../etc", "/%zz", "javascript:alert(1)", "evil.example", ""}) {
      assertSentTo("/", next);
    }
  }

  @Test
  @DisplayName("The sign-in page carries only a normalised local 'next' into its form")
  void pageNext() {
    var page = api.get("/sign-in?next=%2F%09%2Fevil.example").putHeader("Accept", "text/html").send().await();
    assertEquals(200, page.statusCode());
    assertFalse(page.bodyAsString().contains("evil.example"), page.bodyAsString());
    assertTrue(page.bodyAsString().contains("name=\"next\" value=\"/\""));
    page = api.get("/sign-in?next=%2Fa%2F.%2Fpeople").putHeader("Accept", "text/html").send().await();
    assertTrue(page.bodyAsString().contains("name=\"next\" value=\"/a/people\""), page.bodyAsString());
  }
}
