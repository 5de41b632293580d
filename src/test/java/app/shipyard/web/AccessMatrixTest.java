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
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.ext.web.client.spi.CookieStore;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Then every route under a pitch or an event is called again on one that some may not see (a pitch awaiting
 * approval, a draft event): after the access rule, those who may not see it get 404, as if it did not exist.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Who may use which route")
class AccessMatrixTest {

  /**
   * The fixture's people hold employee plus their named role; LEADERSHIP_ONLY holds leadership alone; CAPTAIN is the
   * employee who pitched the setting's pitches.
   */
  enum Who { ANONYMOUS, EMPLOYEE, ORGANISER, LEADERSHIP, ADMIN, LEADERSHIP_ONLY, CAPTAIN }

  /** API: JSON with a bearer token. PAGE: GET with a cookie session. FORM: a form post with session and CSRF token. */
  enum Kind { API, PAGE, FORM, OPEN_API, SIGN_IN }

  /**
   * What a caller gets. ALLOWED is anything but 401, 403 and a server error (a dummy body may well be refused); SEEN
   * is anything but 401, a server error and the subject's "not found" (the data may still refuse, e.g. "only the
   * captain", or not find something else, e.g. "your listing").
   */
  enum Outcome { OK, ALLOWED, SEEN, SIGN_IN_FIRST, SENT_TO_SIGN_IN, SENT_HOME, REFUSED, NOT_FOUND }

  private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
  private static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));
  /** Everyone holding the employee role: all but the anonymous caller and the leadership-only person. */
  private static final Set<Who> EMPLOYEES = EnumSet.of(Who.EMPLOYEE, Who.ORGANISER, Who.LEADERSHIP, Who.ADMIN,
      Who.CAPTAIN);
  /** What {@code Access.roles(Role.ORGANISER, Role.ADMIN)} lets in. */
  private static final Set<Who> ORGANISERS = EnumSet.of(Who.ORGANISER, Who.ADMIN);
  private static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN);
  /** What {@code Access.roles(Role.LEADERSHIP, Role.ORGANISER, Role.ADMIN)} lets in (insights, survey results). */
  private static final Set<Who> READERS = EnumSet.of(Who.LEADERSHIP, Who.LEADERSHIP_ONLY, Who.ORGANISER, Who.ADMIN);
  private static final JsonObject SURVEY_ANSWER = new JsonObject().put("rating", 4).put("again", 9);
  private static final String LEADERSHIP_ONLY = "board@test.example";

  /**
   * {@code {person}}, {@code {event}}, {@code {pitch}}, {@code {item}} and {@code {comment}} are replaced by real ids;
   * {@code {award}} by one that does not exist (those allowed in get 404, the rest are refused first).
   */
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
  private static final JsonObject SCHEDULE = new JsonObject().put("closesAt", "2030-01-01T10:00:00Z");
  private static final JsonObject VISIBILITY = new JsonObject().put("visibility", "on_reveal");
  private static final JsonObject TIE_BREAK = new JsonObject().put("pitchId", 1).put("reason", "Judges");
  private static final JsonObject CARRY = new JsonObject().put("heatIds", new JsonArray().add(1)).put("top", 1);
  private static final JsonObject PRIZE = new JsonObject().put("title", "Judges' prize");
  private static final JsonObject OUTCOME = new JsonObject().put("kind", "shipped")
      .put("happenedOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
  private static final JsonObject LINK = new JsonObject().put("kind", "video").put("url", "https://video.example.com/x");
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
      // Prometheus metrics: admins (a scraper's token is tested in metrics/MetricsTest)
      page("/metrics", ADMINS),
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

      // Voting rounds: organisers run them, everyone signed in reads and votes; admins read the audit
      api(GET, "/api/events/{event}/rounds", SIGNED_IN),
      api(POST, "/api/events/{event}/rounds", ORGANISERS),
      api(GET, "/api/rounds/{round}", SIGNED_IN),
      api(GET, "/api/rounds/{round}/tally", SIGNED_IN),
      api(GET, "/api/rounds/{round}/ballots/me", SIGNED_IN),
      api(POST, "/api/rounds/{round}/votes", SIGNED_IN),
      api(GET, "/api/rounds/{round}/audit", ADMINS),
      api(POST, "/api/rounds/{round}/open", ORGANISERS),
      api(POST, "/api/rounds/{round}/close", ORGANISERS),
      api(POST, "/api/rounds/{round}/reveal", ORGANISERS),
      api(POST, "/api/rounds/{round}/schedule", ORGANISERS, SCHEDULE),
      api(POST, "/api/rounds/{round}/categories/{category}/visibility", ORGANISERS, VISIBILITY),
      api(POST, "/api/rounds/{round}/categories/{category}/tie-break", ORGANISERS, TIE_BREAK),
      api(POST, "/api/rounds/{round}/carry", ORGANISERS, CARRY),
      api(POST, "/api/rounds/{round}/awards", ORGANISERS),
      page("/events/{event}/rounds", SIGNED_IN),
      page("/rounds/{round}", SIGNED_IN),
      form("/events/{event}/rounds", ORGANISERS),
      form("/rounds/{round}/open", ORGANISERS),
      form("/rounds/{round}/schedule", ORGANISERS, SCHEDULE),
      form("/rounds/{round}/categories/{category}/visibility", ORGANISERS, VISIBILITY),
      form("/rounds/{round}/categories/{category}/tie-break", ORGANISERS, TIE_BREAK),
      form("/rounds/{round}/carry", ORGANISERS, CARRY),
      form("/rounds/{round}/awards", ORGANISERS),

      // Awards: everyone signed in reads them; organisers give judges' prizes
      api(GET, "/api/events/{event}/awards", SIGNED_IN),
      api(POST, "/api/events/{event}/awards", ORGANISERS, PRIZE),
      api(GET, "/api/pitches/{pitch}/awards", SIGNED_IN),
      form("/pitches/{pitch}/prizes", ORGANISERS, PRIZE),
      api(DELETE, "/api/events/{event}/awards/{award}", ORGANISERS),
      form("/pitches/{pitch}/prizes/{award}/remove", ORGANISERS),

      // The demo session: running order, control room, projector and phone page
      api(GET, "/api/events/{event}/running-order", SIGNED_IN),
      api(POST, "/api/events/{event}/running-order/build", ORGANISERS),
      api(POST, "/api/events/{event}/running-order/next", ORGANISERS),
      page("/events/{event}/control", ORGANISERS),
      page("/events/{event}/projector", SIGNED_IN),
      page("/events/{event}/projector/qr.svg", SIGNED_IN),
      page("/events/{event}/vote", SIGNED_IN),
      form("/events/{event}/control/next", ORGANISERS),

      // The live channel, called without a websocket handshake (its handshakes: live/LiveHandshakeTest)
      api(GET, "/api/events/{event}/live", SIGNED_IN),

      // Portfolios
      api(GET, "/api/people/{person}/portfolio", SIGNED_IN),
      page("/portfolio", SIGNED_IN),
      page("/people/{person}/portfolio", SIGNED_IN),

      // Showcase: everyone signed in reads it (what they see inside is tested in showcase/ShowcaseTest)
      api(GET, "/api/showcase", SIGNED_IN),
      api(GET, "/api/showcase/shipped", SIGNED_IN),
      api(GET, "/api/showcase/events/{event}", SIGNED_IN),
      api(GET, "/api/projects/{pitch}", SIGNED_IN),
      page("/showcase", SIGNED_IN),
      page("/showcase/shipped", SIGNED_IN),
      page("/showcase/feed.atom", SIGNED_IN),
      page("/showcase/events/{event}", SIGNED_IN),
      page("/showcase/events/{event}/feed.atom", SIGNED_IN),
      page("/projects/{pitch}", SIGNED_IN),

      // Project attachments: everyone reads; people with the employee role may send (then only the team may add)
      api(GET, "/api/projects/{pitch}/attachments", SIGNED_IN),
      api(POST, "/api/projects/{pitch}/attachments", EMPLOYEES, new JsonObject().put("caption", "No file")),
      page("/projects/{pitch}/attachments", SIGNED_IN),
      form("/projects/{pitch}/attachments", EMPLOYEES, new JsonObject().put("caption", "No file")),

      // Insights (read-only for leadership and organisers) and feedback surveys
      api(GET, "/api/insights", READERS),
      api(GET, "/api/events/{event}/insights", READERS),
      page("/insights", READERS),
      page("/insights/funnel.csv", READERS),
      page("/events/{event}/insights", READERS),
      page("/events/{event}/insights/funnel.csv", READERS),
      api(GET, "/api/events/{event}/survey", SIGNED_IN),
      api(POST, "/api/events/{event}/survey", ORGANISERS),
      api(POST, "/api/events/{event}/survey/close", ORGANISERS),
      api(PUT, "/api/events/{event}/survey/answer", EMPLOYEES, SURVEY_ANSWER),
      api(GET, "/api/events/{event}/survey/results", READERS),
      page("/events/{event}/survey", SIGNED_IN),
      form("/events/{event}/survey", ORGANISERS),
      form("/events/{event}/survey/close", ORGANISERS),
      form("/events/{event}/survey/answer", EMPLOYEES, SURVEY_ANSWER),

      // Archive search
      api(GET, "/api/showcase/search", SIGNED_IN),
      page("/showcase/search", SIGNED_IN));

  /** Routes under a pitch whose answer also depends on who the caller is to the pitch: only in the second matrix. */
  private static final List<Route> PITCH_SUB_ROUTES = List.of(
      api(PUT, "/api/pitches/{pitch}", EMPLOYEES, PITCH),
      api(POST, "/api/pitches/{pitch}/stage", EMPLOYEES, new JsonObject().put("stage", "prototype")),
      api(GET, "/api/pitches/{pitch}/requests", SIGNED_IN),
      api(GET, "/api/pitches/{pitch}/matches", SIGNED_IN),
      api(POST, "/api/pitches/{pitch}/captain", EMPLOYEES, new JsonObject().put("personId", 1)),
      api(DELETE, "/api/pitches/{pitch}/comments/{comment}", EMPLOYEES),
      page("/pitches/{pitch}/edit", EMPLOYEES),
      form("/pitches/{pitch}/edit", EMPLOYEES, PITCH),
      form("/pitches/{pitch}/stage", EMPLOYEES, new JsonObject().put("stage", "prototype")),
      form("/pitches/{pitch}/captain", EMPLOYEES, new JsonObject().put("personId", 1)),
      form("/pitches/{pitch}/comments/{comment}/delete", EMPLOYEES),
      api(POST, "/api/projects/{pitch}/outcomes", EMPLOYEES, OUTCOME),
      api(POST, "/api/projects/{pitch}/links", EMPLOYEES, LINK),
      form("/projects/{pitch}/outcomes", EMPLOYEES, OUTCOME),
      form("/projects/{pitch}/links", EMPLOYEES, LINK));

  /** What some may not see, who may, and the routes under it: a pitch awaiting approval and a draft event. */
  enum Subject {
    PENDING_PITCH("{pitch}", "That pitch was not found.", EnumSet.of(Who.CAPTAIN, Who.ORGANISER, Who.ADMIN)),
    DRAFT_EVENT("{event}", "That event was not found.",
        EnumSet.of(Who.ORGANISER, Who.ADMIN, Who.LEADERSHIP, Who.LEADERSHIP_ONLY));

    final String placeholder;
    final String notFound;
    final Set<Who> seenBy;

    Subject(String placeholder, String notFound, Set<Who> seenBy) {
      this.placeholder = placeholder;
      this.notFound = notFound;
      this.seenBy = seenBy;
    }

    List<Route> routes() {
      Stream<Route> more = this == PENDING_PITCH ? PITCH_SUB_ROUTES.stream() : Stream.empty();
      return Stream.concat(ROUTES.stream().filter(r -> r.path().contains(placeholder)), more).toList();
    }
  }

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

  static Stream<Arguments> sightMatrix() {
    List<Arguments> all = new ArrayList<>();
    for (Subject subject : Subject.values()) {
      for (Who who : Who.values()) {
        for (Route route : subject.routes()) {
          all.add(Arguments.of(who, subject, route, expected(who, subject, route)));
        }
      }
    }
    return all.stream();
  }

  /** The access rule first, so nobody learns more than before; then 404 for whoever may not see the subject. */
  static Outcome expected(Who who, Subject subject, Route route) {
    Outcome byRole = expected(who, route);
    if (byRole != Outcome.ALLOWED) {
      return byRole;
    }
    return subject.seenBy.contains(who) ? Outcome.SEEN : Outcome.NOT_FOUND;
  }

  /**
   * The ids the paths use (for what everyone sees, and for each subject), and the database as it was right after
   * they were made.
   */
  private record Setting(Map<String, Long> ids, Map<Subject, Map<String, Long>> hidden, String state) {

    Map<String, Long> idsFor(Subject subject) {
      Map<String, Long> mixed = new HashMap<>(ids);
      mixed.putAll(hidden.get(subject));
      return mixed;
    }
  }

  private static String stateQuery;
  private static Setting setting;
  /** Each sign-in costs a password hash: callers' tokens and browser cookies are kept until the next reset. */
  private static final Map<Who, String> TOKENS = new EnumMap<>(Who.class);
  private static final Map<Who, CookieStore> COOKIES = new EnumMap<>(Who.class);
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

  /**
   * An event in pitching with one approved pitch (Otto's) and one schedule item, and a leadership-only person; and
   * what some may not see: a pitch of Otto's awaiting approval (with his comment) and a draft event with an item.
   */
  private Setting freshSetting() {
    TestShipyard.reset();
    TOKENS.clear();
    COOKIES.clear();
    TestShipyard.pool().preparedQuery("""
        WITH p AS (INSERT INTO people (email, display_name, department, location_id, password_hash)
                   SELECT $1, 'Bea Board', 'Board', location_id, password_hash FROM people WHERE email = $2 RETURNING id)
        INSERT INTO person_roles (person_id, role) SELECT id, 'leadership' FROM p
        """).execute(Tuple.of(LEADERSHIP_ONLY, TestShipyard.EMPLOYEE)).await();
    Events events = new Events(api);
    long event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    String otto = token(Who.CAPTAIN);
    long pitch = events.pitch(otto, event, new JsonObject().put("title", "Otto's idea"));
    long item = scheduleItem(events, event);
    JsonObject round = events.post(events.organiserToken(), "/api/events/" + event + "/rounds", new JsonObject()
        .put("title", "Demo vote").put("ballot", "single").put("categories", new JsonArray().add("People's Choice")))
        .bodyAsJsonObject();
    long vetted = events.create(new JsonObject().put("pitchesNeedApproval", true));
    events.moveTo(vetted, "pitching");
    long pending = events.pitch(otto, vetted, new JsonObject().put("title", "Otto's pending idea"));
    long comment = events.post(otto, "/api/pitches/" + pending + "/comments", COMMENT).bodyAsJsonObject().getLong("id");
    long draft = events.create(new JsonObject().put("title", "Draft plans"));
    return new Setting(Map.of("{person}", Fixture.personId(TestShipyard.OTHER_EMPLOYEE), "{event}", event,
        "{pitch}", pitch, "{item}", item, "{round}", round.getLong("id"),
        "{category}", round.getJsonArray("categories").getJsonObject(0).getLong("id"),
        "{award}", 999_999L), Map.of(Subject.PENDING_PITCH, Map.of("{pitch}", pending, "{comment}", comment),
        Subject.DRAFT_EVENT, Map.of("{event}", draft, "{item}", scheduleItem(events, draft))), databaseState());
  }

  private static long scheduleItem(Events events, long event) {
    return events.post(events.organiserToken(), "/api/events/" + event + "/schedule", new JsonObject()
            .put("title", "Kick-off").put("startsAt", "2026-12-01T10:00:00Z").put("endsAt", "2026-12-01T11:00:00Z"))
        .bodyAsJsonObject().getLong("id");
  }

  private static String email(Who who) {
    return switch (who) {
      case EMPLOYEE -> TestShipyard.EMPLOYEE;
      case ORGANISER -> TestShipyard.ORGANISER;
      case LEADERSHIP -> TestShipyard.LEADERSHIP;
      case ADMIN -> TestShipyard.ADMIN;
      case LEADERSHIP_ONLY -> LEADERSHIP_ONLY;
      case CAPTAIN -> TestShipyard.OTHER_EMPLOYEE;
      case ANONYMOUS -> null;
    };
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("matrix")
  @DisplayName("Each kind of caller gets exactly the expected answer from each route, and refused calls change nothing")
  void access(Who who, Route route, Outcome expected) {
    check(who, route, expected, setting.ids(), "");
  }

  @ParameterizedTest(name = "{0} {2} on a {1} -> {3}")
  @MethodSource("sightMatrix")
  @DisplayName("Under a pitch awaiting approval or a draft event, whoever may not see it gets 404 from every route")
  void sight(Who who, Subject subject, Route route, Outcome expected) {
    check(who, route, expected, setting.idsFor(subject), subject.notFound);
  }

  private void check(Who who, Route route, Outcome expected, Map<String, Long> ids, String notFound) {
    String path = route.path();
    for (Map.Entry<String, Long> id : ids.entrySet()) {
      path = path.replace(id.getKey(), Long.toString(id.getValue()));
    }
    String before = databaseState();
    HttpResponse<Buffer> response = call(who, route, path);
    String seen = who + " " + route + " answered " + response.statusCode() + ": " + response.bodyAsString();

    switch (expected) {
      case OK -> assertEquals(200, response.statusCode(), seen);
      case ALLOWED -> assertTrue(response.statusCode() != 401 && response.statusCode() != 403
          && response.statusCode() < 500, seen);
      case SEEN -> assertTrue(response.statusCode() != 401 && response.statusCode() < 500
          && !(response.statusCode() == 404 && response.bodyAsString().contains(notFound)), seen);
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
      case NOT_FOUND -> {
        assertEquals(404, response.statusCode(), seen);
        assertRefusal(route, response, notFound);
      }
    }
    if (expected != Outcome.ALLOWED && expected != Outcome.SEEN) {
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
          request.bearerTokenAuthentication(token(who));
        }
        yield route.body() == null || route.method() == GET ? request.send().await()
            : request.sendJsonObject(route.body()).await();
      }
    };
  }

  private String token(Who who) {
    return TOKENS.computeIfAbsent(who, w -> api.token(email(w)));
  }

  /** A browser of the caller's, signed in through the form the first time after each reset. */
  private Api.Browser browser(Who who) {
    boolean signedIn = COOKIES.containsKey(who);
    Api.Browser browser = new Api.Browser(WebClientSession.create(api.client(),
        COOKIES.computeIfAbsent(who, w -> CookieStore.build())));
    return who == Who.ANONYMOUS || signedIn ? browser : browser.signIn(email(who));
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
  /**
   * Every table's rows, but the insights' facts (sql/V18): the database derives them from the tables compared here,
   * and each instance rebuilds them once a minute, so they may change during any call.
   */
  private static String databaseState() {
    Pool pool = TestShipyard.pool();
    if (stateQuery == null) {
      String perTable = pool.query("""
          SELECT string_agg(format('SELECT %L AS name, coalesce(string_agg(t::text, E''\\n'' ORDER BY t::text), '''') '
                                   || 'AS rows FROM %I t', tablename, tablename), ' UNION ALL ')
            FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('flyway_schema_history', 'sign_in_attempts')
             AND tablename NOT LIKE 'insight\\_%'
          """).execute().await().iterator().next().getString(0);
      stateQuery = "SELECT string_agg(name || E'\\n' || rows, E'\\n' ORDER BY name) FROM (" + perTable + ") tables";
    }
    return pool.query(stateQuery).execute().await().iterator().next().getString(0);
  }
}
