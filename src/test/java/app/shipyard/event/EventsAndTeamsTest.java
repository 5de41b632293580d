package app.shipyard.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Events, phases, pitches and teams")
class EventsAndTeamsTest {

  private Api api;
  private String organiser;
  private String employee;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    organiser = api.token(TestShipyard.ORGANISER);
    employee = api.token(TestShipyard.EMPLOYEE);
  }

  private HttpResponse<Buffer> post(String token, String path, JsonObject body) {
    return api.client().post(path).bearerTokenAuthentication(token).sendJsonObject(body).await();
  }

  private long createEvent(int teamMax) {
    HttpResponse<Buffer> created = post(organiser, "/api/events", new JsonObject().put("kind", "day")
        .put("title", "ShipIt 7").put("description", "Build **anything**")
        .put("startsAt", "2026-12-01T09:00:00Z").put("endsAt", "2026-12-02T09:00:00Z")
        .put("timeZone", "Europe/Berlin").put("teamMax", teamMax).put("locationIds", new JsonArray().add(1).add(2)));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    return created.bodyAsJsonObject().getLong("id");
  }

  private void moveTo(long event, String phase) {
    HttpResponse<Buffer> moved = post(organiser, "/api/events/" + event + "/phase", new JsonObject().put("phase", phase));
    assertEquals(200, moved.statusCode(), moved.bodyAsString());
  }

  @Test
  @DisplayName("An event moves one phase at a time; skipping, leaving the archive and non-organisers are refused with reasons")
  void phaseMachine() {
    long event = createEvent(5);
    HttpResponse<Buffer> skip = post(organiser, "/api/events/" + event + "/phase", new JsonObject().put("phase", "results"));
    assertEquals(409, skip.statusCode());
    assertTrue(skip.bodyAsJsonObject().getString("error").contains("one phase at a time"));
    HttpResponse<Buffer> byEmployee = post(employee, "/api/events/" + event + "/phase", new JsonObject().put("phase", "pitching"));
    assertEquals(403, byEmployee.statusCode());
    for (String phase : List.of("pitching", "team_forming", "building", "demos", "results", "archived")) {
      moveTo(event, phase);
    }
    HttpResponse<Buffer> fromArchive = post(organiser, "/api/events/" + event + "/phase", new JsonObject().put("phase", "results"));
    assertEquals(409, fromArchive.statusCode());
    assertTrue(fromArchive.bodyAsJsonObject().getString("error").contains("archived"));
    long recorded = TestShipyard.pool().preparedQuery("SELECT count(*) FROM event_phase_changes WHERE event_id = $1")
        .execute(Tuple.of(event)).await().iterator().next().getLong(0);
    assertEquals(6, recorded);
  }

  @Test
  @DisplayName("Pitches open only in pitching and team forming; teams lock once demos start")
  void phaseDecidesWhatMayChange() {
    long event = createEvent(5);
    JsonObject pitch = new JsonObject().put("title", "Bot").put("summary", "A helpful bot").put("capacity", 3);
    assertEquals(404, post(employee, "/api/events/" + event + "/pitches", pitch).statusCode(),
        "employees do not see a draft");
    HttpResponse<Buffer> inDraft = post(organiser, "/api/events/" + event + "/pitches", pitch);
    assertEquals(409, inDraft.statusCode());
    assertTrue(inDraft.bodyAsJsonObject().getString("error").contains("Draft"));
    moveTo(event, "pitching");
    HttpResponse<Buffer> created = post(employee, "/api/events/" + event + "/pitches", pitch);
    assertEquals(201, created.statusCode());
    long pitchId = created.bodyAsJsonObject().getLong("id");
    moveTo(event, "team_forming");
    moveTo(event, "building");
    moveTo(event, "demos");
    String other = api.token(TestShipyard.OTHER_EMPLOYEE);
    HttpResponse<Buffer> lateJoin = post(other, "/api/pitches/" + pitchId + "/join", new JsonObject());
    assertEquals(409, lateJoin.statusCode());
    assertTrue(lateJoin.bodyAsJsonObject().getString("error").contains("locked"));
  }

  @Test
  @DisplayName("When 20 people race for the last 2 places, exactly 2 get in and the rest hear the team is full")
  void lastPlaceRace() {
    long event = createEvent(3);
    moveTo(event, "pitching");
    HttpResponse<Buffer> created = post(employee, "/api/events/" + event + "/pitches",
        new JsonObject().put("title", "Race").put("summary", "Who gets in?").put("capacity", 3));
    long pitchId = created.bodyAsJsonObject().getLong("id");
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String email = "racer" + i + "@test.example";
      TestShipyard.pool().preparedQuery("WITH p AS (INSERT INTO people (email, display_name) VALUES ($1, $2) RETURNING id) "
          + "INSERT INTO person_roles (person_id, role) SELECT id, 'employee' FROM p").execute(Tuple.of(email, "Racer " + i)).await();
      tokens.add(ssoToken(email));
    }
    List<Future<HttpResponse<Buffer>>> joins = tokens.stream().map(t -> api.client()
        .post("/api/pitches/" + pitchId + "/join").bearerTokenAuthentication(t).send()).toList();
    Future.all(joins).await();
    long ok = joins.stream().filter(f -> f.result().statusCode() == 200).count();
    long full = joins.stream().filter(f -> f.result().statusCode() == 409
        && f.result().bodyAsJsonObject().getString("error").equals("This team is full.")).count();
    assertEquals(2, ok, joins.stream().map(f -> f.result().statusCode() + " " + f.result().bodyAsString()).toList().toString());
    assertEquals(18, full);
    JsonObject pitch = api.client().get("/api/pitches/" + pitchId).bearerTokenAuthentication(employee).send().await()
        .bodyAsJsonObject();
    assertEquals(3, pitch.getJsonArray("members").size());
    assertEquals(0, pitch.getInteger("openPlaces"));
  }

  @Test
  @DisplayName("A person is on one team per event unless the event allows more")
  void oneTeamPerPerson() {
    long event = createEvent(5);
    moveTo(event, "pitching");
    long first = post(employee, "/api/events/" + event + "/pitches",
        new JsonObject().put("title", "One").put("summary", "first").put("capacity", 3)).bodyAsJsonObject().getLong("id");
    String other = api.token(TestShipyard.OTHER_EMPLOYEE);
    long second = post(other, "/api/events/" + event + "/pitches",
        new JsonObject().put("title", "Two").put("summary", "second").put("capacity", 3)).bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> refused = post(employee, "/api/pitches/" + second + "/join", new JsonObject());
    assertEquals(409, refused.statusCode());
    assertTrue(refused.bodyAsJsonObject().getString("error").contains("already on a team"));
    HttpResponse<Buffer> captainLeaves = post(employee, "/api/pitches/" + first + "/leave", new JsonObject());
    assertEquals(409, captainLeaves.statusCode());
  }

  @Test
  @DisplayName("Markdown is rendered safely: scripts, event handlers and javascript: links never reach the page")
  void markdownIsSanitised() {
    long event = createEvent(5);
    moveTo(event, "pitching");
    String evil = "Hello <script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) "
        + "<a href=\"javascript:alert(2)\" onclick=\"alert(3)\">raw</a> **bold**";
    long pitchId = post(employee, "/api/events/" + event + "/pitches", new JsonObject().put("title", "XSS")
        .put("summary", "s").put("idea", evil).put("capacity", 2)).bodyAsJsonObject().getLong("id");
    Api.Browser browser = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE);
    String html = browser.getPage("/pitches/" + pitchId).bodyAsString();
    assertTrue(html.contains("<strong>bold</strong>"), html);
    assertFalse(html.contains("<script>alert"), html);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("onerror="), html);
    assertFalse(html.contains("onclick="), html);
    assertFalse(html.contains("href=\"javascript:"), html);
  }

  @Test
  @DisplayName("A browser user pitches through the form and a second person joins; the pitch page shows both")
  void pitchAndJoinThroughForms() {
    long event = createEvent(5);
    moveTo(event, "pitching");
    Api.Browser captain = api.browser().signIn(TestShipyard.EMPLOYEE);
    HttpResponse<Buffer> pitched = captain.postForm("/events/" + event, "/events/" + event + "/pitches",
        io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("title", "Form pitch").add("summary", "via form")
            .add("capacity", "4").add("skills", "Java, React"));
    assertEquals(303, pitched.statusCode());
    String pitchPath = pitched.getHeader("Location");
    Api.Browser joiner = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE);
    assertEquals(303, joiner.postForm(pitchPath, pitchPath + "/join", io.vertx.core.MultiMap.caseInsensitiveMultiMap()).statusCode());
    String page = joiner.getPage(pitchPath).bodyAsString();
    assertTrue(page.contains("Emma Employee") && page.contains("Otto Other"), page);
  }

  private static String ssoToken(String email) {
    var auth = io.vertx.ext.auth.jwt.JWTAuth.create(Vertx.vertx(), new io.vertx.ext.auth.jwt.JWTAuthOptions()
        .addPubSecKey(new io.vertx.ext.auth.PubSecKeyOptions().setAlgorithm("HS256").setBuffer(TestShipyard.SSO_SECRET)));
    return auth.generateToken(new JsonObject().put("sub", email).put("email", email).put("name", email),
        new io.vertx.ext.auth.JWTOptions().setAlgorithm("HS256").setIssuer(TestShipyard.SSO_ISSUER)
            .setAudience(List.of(TestShipyard.SSO_AUDIENCE)).setExpiresInMinutes(10));
  }
}
