package app.shipyard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route whose access depends only on the caller's roles, called by someone of each kind. Routes that also
 * depend on the data (a pitch's captain, a request's author, a team's members) are tested with their features.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Who may use which route")
class AccessMatrixTest {

  /** The fixture's people hold employee plus their named role; LEADERSHIP_ONLY holds leadership alone. */
  enum Who { ANONYMOUS, EMPLOYEE, ORGANISER, LEADERSHIP, ADMIN, LEADERSHIP_ONLY }

  /** API: JSON with a bearer token. PAGE: GET with a cookie session. FORM: a form post with session and CSRF token. */
  enum Kind { API, PAGE, FORM, OPEN_API, SIGN_IN }

  /** What a caller gets; ALLOWED is anything but 401, 403 and a server error (a dummy body may well be refused). */
  enum Outcome { OK, ALLOWED, SIGN_IN_FIRST, SENT_TO_SIGN_IN, SENT_HOME, REFUSED }

  private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
  private static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));
  /** Everyone holding the employee role: all but the anonymous caller and the leadership-only person. */
  private static final Set<Who> EMPLOYEES = EnumSet.of(Who.EMPLOYEE, Who.ORGANISER, Who.LEADERSHIP, Who.ADMIN);
  /** What {@code Access.roles(Role.ORGANISER, Role.ADMIN)} lets in. */
  private static final Set<Who> ORGANISERS = EnumSet.of(Who.ORGANISER, Who.ADMIN);
  private static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN);
  private static final String LEADERSHIP_ONLY = "board@test.example";

  /** {@code {person}}, {@code {event}}, {@code {pitch}} and {@code {item}} are replaced by real ids. */
  record Route(HttpMethod method, String path, Kind kind, Set<Who> allowed, JsonObject body) {
    @Override
    public String toString() {
      return method + " " + path + (kind == Kind.FORM ? " (form)" : "");
    }
  }

  private static Route api(HttpMethod method, String path, Set<Who> allowed, JsonObject body) {
    return new Route(method, path, Kind.API, allowed, body);
  }

  private static Route api(HttpMethod method, String path, Set<Who> allowed) {
    return api(method, path, allowed, new JsonObject());
  }

  private static Route page(String path, Set<Who> allowed) {
    return new Route(HttpMethod.GET, path, Kind.PAGE, allowed, null);
  }

  private static Route form(String path, Set<Who> allowed, JsonObject fields) {
    return new Route(HttpMethod.POST, path, Kind.FORM, allowed, fields);
  }

  private static Route form(String path, Set<Who> allowed) {
    return form(path, allowed, new JsonObject());
  }

  private static final HttpMethod GET = HttpMethod.GET;
  private static final HttpMethod POST = HttpMethod.POST;
  private static final HttpMethod PUT = HttpMethod.PUT;
  private static final HttpMethod DELETE = HttpMethod.DELETE;

  private static final JsonObject EVENT = new JsonObject().put("kind", "day").put("title", "ShipIt 8")
      .put("startsAt", "2026-12-01T09:00:00Z").put("endsAt", "2026-12-02T09:00:00Z").put("timeZone", "Europe/Berlin");
  private static final JsonObject SCHEDULE_ITEM = new JsonObject().put("title", "Demos")
      .put("startsAt", "2026-12-01T15:00:00Z").put("endsAt", "2026-12-01T16:00:00Z");
  private static final JsonObject PITCH = new JsonObject().put("title", "Another idea").put("summary", "Short");
  private static final JsonObject COMMENT = new JsonObject().put("body", "Is this remote-friendly?");
  private static final JsonObject HIDE = new JsonObject().put("reason", "Off topic");
  private static final JsonObject ROLES = new JsonObject().put("roles", new JsonArray().add("employee").add("organiser"));
  private static final JsonObject IMPORT = new JsonObject().put("csv", "email,name\nnew@test.example,New Person");

  private static final List<Route> ROUTES = List.of(
      // People, profile and administration
      api(GET, "/api/me", SIGNED_IN),
      api(GET, "/api/people", SIGNED_IN),
      api(GET, "/api/people/{person}", SIGNED_IN),
      api(GET, "/api/locations", SIGNED_IN),
      api(GET, "/api/skills", SIGNED_IN),
      api(GET, "/api/admin/people", ADMINS),
      api(PUT, "/api/admin/people/{person}/roles", ADMINS, ROLES),
      api(POST, "/api/admin/people/import", ADMINS, IMPORT),
      page("/people", SIGNED_IN),
      page("/people/{person}", SIGNED_IN),
      page("/profile", SIGNED_IN),
      page("/admin/people", ADMINS),
      page("/admin/import", ADMINS),
      form("/admin/people/{person}/roles", ADMINS, ROLES),
      form("/admin/import", ADMINS, IMPORT),
      new Route(GET, "/health", Kind.OPEN_API, EVERYONE, null),
      new Route(GET, "/sign-in", Kind.SIGN_IN, EVERYONE, null),

      // Events: organisers run them, everyone signed in reads them
      api(GET, "/api/events", SIGNED_IN),
      api(POST, "/api/events", ORGANISERS, EVENT),
      api(GET, "/api/events/{event}", SIGNED_IN),
      api(PUT, "/api/events/{event}", ORGANISERS, EVENT),
      api(POST, "/api/events/{event}/phase", ORGANISERS, new JsonObject().put("phase", "team_forming")),
      api(GET, "/api/events/{event}/dashboard", ORGANISERS),
      api(GET, "/api/events/{event}/people", SIGNED_IN),
      api(GET, "/api/events/{event}/schedule", SIGNED_IN),
      api(POST, "/api/events/{event}/schedule", ORGANISERS, SCHEDULE_ITEM),
      api(DELETE, "/api/events/{event}/schedule/{item}", ORGANISERS),
      page("/events", SIGNED_IN),
      page("/events/new", ORGANISERS),
      page("/events/{event}", SIGNED_IN),
      page("/events/{event}/edit", ORGANISERS),
      page("/events/{event}/people", SIGNED_IN),
      page("/events/{event}/dashboard", ORGANISERS),
      page("/events/{event}/calendar.ics", SIGNED_IN),
      form("/events", ORGANISERS, EVENT),
      form("/events/{event}", ORGANISERS, EVENT),
      form("/events/{event}/phase", ORGANISERS, new JsonObject().put("phase", "team_forming")),
      form("/events/{event}/schedule", ORGANISERS, SCHEDULE_ITEM),
      form("/events/{event}/schedule/{item}/delete", ORGANISERS),

      // Pitches: employees pitch and talk, organisers moderate
      api(GET, "/api/events/{event}/pitches", SIGNED_IN),
      api(POST, "/api/events/{event}/pitches", EMPLOYEES, PITCH),
      api(GET, "/api/pitches/{pitch}", SIGNED_IN),
      api(GET, "/api/pitches/{pitch}/revisions", SIGNED_IN),
      api(GET, "/api/pitches/{pitch}/stages", SIGNED_IN),
      api(POST, "/api/pitches/{pitch}/approve", ORGANISERS),
      api(POST, "/api/pitches/{pitch}/hide", ORGANISERS, HIDE),
      api(POST, "/api/pitches/{pitch}/unhide", ORGANISERS),
      api(GET, "/api/pitches/{pitch}/interest", SIGNED_IN),
      api(PUT, "/api/pitches/{pitch}/interest", EMPLOYEES),
      api(DELETE, "/api/pitches/{pitch}/interest", EMPLOYEES),
      api(GET, "/api/pitches/{pitch}/comments", SIGNED_IN),
      api(POST, "/api/pitches/{pitch}/comments", EMPLOYEES, COMMENT),
      page("/events/{event}/pitches", SIGNED_IN),
      page("/pitches/{pitch}", SIGNED_IN),
      form("/events/{event}/pitches", EMPLOYEES, PITCH),
      form("/pitches/{pitch}/approve", ORGANISERS),
      form("/pitches/{pitch}/hide", ORGANISERS, HIDE),
      form("/pitches/{pitch}/unhide", ORGANISERS),
      form("/pitches/{pitch}/interest", EMPLOYEES, new JsonObject().put("interested", "true")),
      form("/pitches/{pitch}/comments", EMPLOYEES, COMMENT),

      // Teams, free agents, mentors and placement
      api(POST, "/api/pitches/{pitch}/join", EMPLOYEES),
      api(POST, "/api/pitches/{pitch}/leave", EMPLOYEES),
      api(GET, "/api/pitches/{pitch}/team", SIGNED_IN),
      api(GET, "/api/events/{event}/teams", SIGNED_IN),
      api(GET, "/api/events/{event}/free-agents", SIGNED_IN),
      api(PUT, "/api/events/{event}/free-agents/me", EMPLOYEES, new JsonObject().put("wants", "Anything with data")),
      api(DELETE, "/api/events/{event}/free-agents/me", EMPLOYEES),
      api(GET, "/api/events/{event}/matches/me", SIGNED_IN),
      api(GET, "/api/events/{event}/mentors", SIGNED_IN),
      api(PUT, "/api/events/{event}/mentors/me", EMPLOYEES, new JsonObject().put("note", "Ask me about SQL")),
      api(DELETE, "/api/events/{event}/mentors/me", EMPLOYEES),
      api(GET, "/api/events/{event}/placement", ORGANISERS),
      api(POST, "/api/events/{event}/placement", ORGANISERS, new JsonObject().put("placements", new JsonArray())),
      page("/events/{event}/teams", SIGNED_IN),
      page("/events/{event}/teams.csv", ORGANISERS),
      page("/pitches/{pitch}/team", SIGNED_IN),
      page("/events/{event}/free-agents", SIGNED_IN),
      page("/events/{event}/mentors", SIGNED_IN),
      page("/events/{event}/placement", ORGANISERS),
      form("/pitches/{pitch}/join", EMPLOYEES),
      form("/pitches/{pitch}/leave", EMPLOYEES),
      form("/events/{event}/free-agents", EMPLOYEES, new JsonObject().put("wants", "Anything with data")),
      form("/events/{event}/free-agents/remove", EMPLOYEES),
      form("/events/{event}/mentors", EMPLOYEES, new JsonObject().put("note", "Ask me about SQL")),
      form("/events/{event}/mentors/remove", EMPLOYEES),
      form("/events/{event}/placement", ORGANISERS),

      // Portfolios
      api(GET, "/api/people/{person}/portfolio", SIGNED_IN),
      page("/portfolio", SIGNED_IN),
      page("/people/{person}/portfolio", SIGNED_IN));

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
  static Outcome expected(Who who, Route route) {
    if (route.kind() == Kind.OPEN_API) {
      return Outcome.OK;
    }
    if (route.kind() == Kind.SIGN_IN) {
      return who == Who.ANONYMOUS ? Outcome.OK : Outcome.SENT_HOME;
    }
    if (who == Who.ANONYMOUS) {
      return route.kind() == Kind.PAGE ? Outcome.SENT_TO_SIGN_IN : Outcome.SIGN_IN_FIRST;
    }
    return route.allowed().contains(who) ? Outcome.ALLOWED : Outcome.REFUSED;
  }

  /** The ids the paths use, and the database as it was right after they were made. */
  private record Setting(long person, long event, long pitch, long item, String state) {}

  private static String stateQuery;
  private static Setting setting;
  private Api api;

  /**
   * Most calls in the matrix are reads or refusals that change nothing, so the database is reset and set up again
   * only when the last call left it different from the fresh setting (a reset costs most of each call's time).
   */
  @BeforeEach
  void setUp(Vertx vertx) {
    api = new Api(vertx);
    if (setting == null || !setting.state().equals(databaseState())) {
      setting = freshSetting();
    }
  }

  /** An event in pitching with one approved pitch (Otto's) and one schedule item, and a leadership-only person. */
  private Setting freshSetting() {
    TestShipyard.reset();
    TestShipyard.pool().preparedQuery("""
        WITH p AS (INSERT INTO people (email, display_name, department, location_id, password_hash)
                   SELECT $1, 'Bea Board', 'Board', location_id, password_hash FROM people WHERE email = $2 RETURNING id)
        INSERT INTO person_roles (person_id, role) SELECT id, 'leadership' FROM p
        """).execute(Tuple.of(LEADERSHIP_ONLY, TestShipyard.EMPLOYEE)).await();
    Events events = new Events(api);
    long event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    long pitch = events.pitch(api.token(TestShipyard.OTHER_EMPLOYEE), event, new JsonObject().put("title", "Otto's idea"));
    long item = events.post(events.organiserToken(), "/api/events/" + event + "/schedule", new JsonObject()
            .put("title", "Kick-off").put("startsAt", "2026-12-01T10:00:00Z").put("endsAt", "2026-12-01T11:00:00Z"))
        .bodyAsJsonObject().getLong("id");
    return new Setting(Fixture.personId(TestShipyard.OTHER_EMPLOYEE), event, pitch, item, databaseState());
  }

  private static String email(Who who) {
    return switch (who) {
      case EMPLOYEE -> TestShipyard.EMPLOYEE;
      case ORGANISER -> TestShipyard.ORGANISER;
      case LEADERSHIP -> TestShipyard.LEADERSHIP;
      case ADMIN -> TestShipyard.ADMIN;
      case LEADERSHIP_ONLY -> LEADERSHIP_ONLY;
      case ANONYMOUS -> null;
    };
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("matrix")
  @DisplayName("Each kind of caller gets exactly the expected answer from each route, and refused calls change nothing")
  void access(Who who, Route route, Outcome expected) {
    String path = route.path().replace("{person}", Long.toString(setting.person()))
        .replace("{event}", Long.toString(setting.event())).replace("{pitch}", Long.toString(setting.pitch()))
        .replace("{item}", Long.toString(setting.item()));
    String before = databaseState();
    HttpResponse<Buffer> response = call(who, route, path);
    String seen = who + " " + route + " answered " + response.statusCode() + ": " + response.bodyAsString();

    switch (expected) {
      case OK -> assertEquals(200, response.statusCode(), seen);
      case ALLOWED -> assertTrue(response.statusCode() != 401 && response.statusCode() != 403
          && response.statusCode() < 500, seen);
      case SENT_HOME -> {
        assertEquals(303, response.statusCode(), seen);
        assertEquals("/", response.getHeader("Location"));
      }
      case SENT_TO_SIGN_IN -> {
        assertEquals(302, response.statusCode(), seen);
        assertEquals("/sign-in?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8), response.getHeader("Location"));
      }
      case SIGN_IN_FIRST -> {
        assertEquals(401, response.statusCode(), seen);
        assertRefusal(route, response, "Please sign in to continue.");
      }
      case REFUSED -> {
        assertEquals(403, response.statusCode(), seen);
        assertRefusal(route, response, "only for");
      }
    }
    if (expected != Outcome.ALLOWED) {
      assertEquals(before, databaseState(), "a refused call must change nothing: " + seen);
    }
  }

  private HttpResponse<Buffer> call(Who who, Route route, String path) {
    return switch (route.kind()) {
      case PAGE, SIGN_IN -> browser(who).getPage(path);
      case FORM -> browser(who).postForm(who == Who.ANONYMOUS ? "/sign-in" : "/profile", path, fields(route.body()));
      case API, OPEN_API -> {
        HttpRequest<Buffer> request = api.client().request(route.method(), path);
        if (who != Who.ANONYMOUS) {
          request.bearerTokenAuthentication(api.token(email(who)));
        }
        yield route.body() == null || route.method() == GET ? request.send().await()
            : request.sendJsonObject(route.body()).await();
      }
    };
  }

  private Api.Browser browser(Who who) {
    Api.Browser browser = api.browser();
    return who == Who.ANONYMOUS ? browser : browser.signIn(email(who));
  }

  private static MultiMap fields(JsonObject body) {
    MultiMap fields = MultiMap.caseInsensitiveMultiMap();
    body.forEach(field -> {
      if (field.getValue() instanceof JsonArray values) {
        values.forEach(v -> fields.add(field.getKey(), v.toString()));
      } else {
        fields.add(field.getKey(), field.getValue().toString());
      }
    });
    return fields;
  }

  /** The API answers refusals as JSON; pages and forms as an HTML page that says why. */
  private static void assertRefusal(Route route, HttpResponse<Buffer> response, String message) {
    if (route.kind() == Kind.API) {
      String error = response.bodyAsJsonObject().getString("error");
      assertTrue(error.contains(message), error);
    } else {
      assertTrue(response.getHeader("Content-Type").startsWith("text/html"), response.getHeader("Content-Type"));
      assertTrue(response.bodyAsString().contains(message), response.bodyAsString());
    }
  }

  /** Every row of every table but the sign-in log, as text, in one query (built once: the tables stay the same). */
  private static String databaseState() {
    Pool pool = TestShipyard.pool();
    if (stateQuery == null) {
      String perTable = pool.query("""
          SELECT string_agg(format('SELECT %L AS name, coalesce(string_agg(t::text, E''\\n'' ORDER BY t::text), '''') '
                                   || 'AS rows FROM %I t', tablename, tablename), ' UNION ALL ')
            FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('flyway_schema_history', 'sign_in_attempts')
          """).execute().await().iterator().next().getString(0);
      stateQuery = "SELECT string_agg(name || E'\\n' || rows, E'\\n' ORDER BY name) FROM (" + perTable + ") tables";
    }
    return pool.query(stateQuery).execute().await().iterator().next().getString(0);
  }
}
