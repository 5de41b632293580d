package app.shipyard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Who may use which route")
class AccessMatrixTest {

  enum Who { ANONYMOUS, EMPLOYEE, ORGANISER, LEADERSHIP, ADMIN }

  enum Kind { API, PAGE, OPEN_API, SIGN_IN }

  record Route(HttpMethod method, String path, Kind kind, boolean adminOnly) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final List<Route> ROUTES = List.of(
      new Route(HttpMethod.GET, "/api/me", Kind.API, false),
      new Route(HttpMethod.GET, "/api/people", Kind.API, false),
      new Route(HttpMethod.GET, "/api/people/{id}", Kind.API, false),
      new Route(HttpMethod.GET, "/api/locations", Kind.API, false),
      new Route(HttpMethod.GET, "/api/skills", Kind.API, false),
      new Route(HttpMethod.GET, "/api/admin/people", Kind.API, true),
      new Route(HttpMethod.PUT, "/api/admin/people/{id}/roles", Kind.API, true),
      new Route(HttpMethod.POST, "/api/admin/people/import", Kind.API, true),
      new Route(HttpMethod.GET, "/people", Kind.PAGE, false),
      new Route(HttpMethod.GET, "/profile", Kind.PAGE, false),
      new Route(HttpMethod.GET, "/admin/people", Kind.PAGE, true),
      new Route(HttpMethod.GET, "/admin/import", Kind.PAGE, true),
      new Route(HttpMethod.GET, "/health", Kind.OPEN_API, false),
      new Route(HttpMethod.GET, "/sign-in", Kind.SIGN_IN, false));

  static Stream<Arguments> matrix() {
    List<Arguments> all = new ArrayList<>();
    for (Who who : Who.values()) {
      for (Route route : ROUTES) {
        all.add(Arguments.of(who, route, expected(who, route)));
      }
    }
    return all.stream();
  }

  /** The rule, stated once: what each kind of caller gets from each kind of route. */
  static int expected(Who who, Route route) {
    if (route.kind() == Kind.OPEN_API) {
      return 200;
    }
    if (route.kind() == Kind.SIGN_IN) {
      return who == Who.ANONYMOUS ? 200 : 303;
    }
    if (who == Who.ANONYMOUS) {
      return route.kind() == Kind.API ? 401 : 302;
    }
    if (route.adminOnly() && who != Who.ADMIN) {
      return 403;
    }
    return 200;
  }

  private Api api;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
  }

  private static String email(Who who) {
    return switch (who) {
      case EMPLOYEE -> TestShipyard.EMPLOYEE;
      case ORGANISER -> TestShipyard.ORGANISER;
      case LEADERSHIP -> TestShipyard.LEADERSHIP;
      case ADMIN -> TestShipyard.ADMIN;
      case ANONYMOUS -> null;
    };
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("matrix")
  @DisplayName("Each role gets exactly the expected status from each route")
  void access(Who who, Route route, int expectedStatus) {
    long target = Fixture.personId(TestShipyard.OTHER_EMPLOYEE);
    String path = route.path().replace("{id}", Long.toString(target));
    HttpResponse<Buffer> response;
    if (route.kind() == Kind.PAGE || route.kind() == Kind.SIGN_IN) {
      Api.Browser browser = api.browser();
      if (who != Who.ANONYMOUS) {
        browser.signIn(email(who));
      }
      response = browser.getPage(path);
    } else {
      HttpRequest<Buffer> request = api.client().request(route.method(), path);
      if (who != Who.ANONYMOUS) {
        request.bearerTokenAuthentication(api.token(email(who)));
      }
      if (route.method() == HttpMethod.PUT) {
        response = request.sendJsonObject(new JsonObject().put("roles", new JsonArray().add("employee").add("organiser"))).await();
      } else if (route.method() == HttpMethod.POST) {
        response = request.sendJsonObject(new JsonObject().put("csv", "email,name\nnew@test.example,New Person")).await();
      } else {
        response = request.send().await();
      }
    }
    assertEquals(expectedStatus, response.statusCode(), who + " " + route + ": " + response.bodyAsString());

    switch (expectedStatus) {
      case 302 -> assertEquals("/sign-in?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8),
          response.getHeader("Location"));
      case 303 -> assertEquals("/", response.getHeader("Location"));
      case 401 -> assertEquals("Please sign in to continue.", response.bodyAsJsonObject().getString("error"));
      case 403 -> {
        if (route.kind() == Kind.API) {
          assertTrue(response.bodyAsJsonObject().getString("error").contains("only for"));
        } else {
          assertTrue(response.getHeader("Content-Type").startsWith("text/html"));
        }
      }
      default -> { }
    }

    // Refused writes must not have happened.
    boolean wrote = expectedStatus == 200 && route.method() != HttpMethod.GET;
    long organisers = Fixture.count("SELECT count(*) FROM person_roles WHERE person_id = $1 AND role = 'organiser'", target);
    long imported = Fixture.count("SELECT count(*) FROM people WHERE email = 'new@test.example'");
    if (route.method() == HttpMethod.PUT) {
      assertEquals(wrote ? 1 : 0, organisers);
    }
    if (route.method() == HttpMethod.POST) {
      assertEquals(wrote ? 1 : 0, imported);
    }
  }
}
