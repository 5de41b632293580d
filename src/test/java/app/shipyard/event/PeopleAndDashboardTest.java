package app.shipyard.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One known event: teamMin 2. Emma captains "Bot" and Otto joins it (2, big enough); Sam captains "Solo" (1);
 * Paul's "Pending" awaits approval (1); Nia's pitch is hidden, so she has no team; Finn is a free agent, Mia only
 * mentors, and Ravi only asked to join Bot.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("People taking part and the organiser dashboard")
class PeopleAndDashboardTest {

  private Api api;
  private Events events;
  private String organiser;
  private long event;
  private long bot;
  private long solo;
  private long pending;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    organiser = events.organiserToken();
    event = events.create(new JsonObject().put("teamMin", 2).put("teamMax", 4));
    events.moveTo(event, "pitching");
    String emma = api.token(TestShipyard.EMPLOYEE);
    bot = events.pitch(emma, event, new JsonObject().put("title", "Bot").put("capacity", 4));
    assertEquals(200, events.post(api.token(TestShipyard.OTHER_EMPLOYEE), "/api/pitches/" + bot + "/join", new JsonObject())
        .statusCode());
    solo = events.pitch(Events.person("sam@test.example", "Sam Sydney", "Engineering", "Sydney"), event,
        new JsonObject().put("title", "Solo").put("capacity", 3));
    pending = events.pitch(Events.person("paul@test.example", "Paul Pending", "Product", "Berlin"), event,
        new JsonObject().put("title", "Pending").put("capacity", 4));
    long hidden = events.pitch(Events.person("nia@test.example", "Nia NewYork", "Design", "New York"), event,
        new JsonObject().put("title", "Off topic"));
    Events.person("finn@test.example", "Finn Free", "Marketing", "Sydney");
    Events.person("mia@test.example", "Mia Mentor", "Engineering", "Remote");
    Events.person("ravi@test.example", "Ravi Request", null, null);
    sql("UPDATE pitches SET approved = false WHERE id = $1", pending);
    sql("UPDATE pitches SET hidden_reason = 'Not about this event' WHERE id = $1", hidden);
    for (String email : List.of("finn@test.example", "mia@test.example", "ravi@test.example")) {
      sql("INSERT INTO event_participants (event_id, person_id) VALUES ($1, $2)", event, Fixture.personId(email));
    }
    sql("INSERT INTO free_agents (event_id, person_id) VALUES ($1, $2)", event, Fixture.personId("finn@test.example"));
    sql("INSERT INTO mentors (event_id, person_id) VALUES ($1, $2)", event, Fixture.personId("mia@test.example"));
    sql("INSERT INTO join_requests (pitch_id, person_id, event_id) VALUES ($1, $2, $3)", bot,
        Fixture.personId("ravi@test.example"), event);
    sql("INSERT INTO join_requests (pitch_id, person_id, event_id, status) VALUES ($1, $2, $3, 'declined')", solo,
        Fixture.personId("ravi@test.example"), event);
    events.moveTo(event, "team_forming");
  }

  private static void sql(String statement, Object... params) {
    TestShipyard.pool().preparedQuery(statement).execute(Tuple.from(params)).await();
  }

  private JsonObject people(String query) {
    HttpResponse<Buffer> response = events.get(api.token(TestShipyard.EMPLOYEE), "/api/events/" + event + "/people" + query);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static List<String> names(JsonArray people) {
    return people.stream().map(o -> ((JsonObject) o).getString("displayName")).toList();
  }

  private static JsonObject counted(String name, int people) {
    return new JsonObject().put("name", name).put("people", people);
  }

  @Test
  @DisplayName("Everyone taking part is listed with department, location and what they do, with counts by location and department")
  void everyoneTakingPart() {
    JsonObject all = people("");
    JsonArray listed = all.getJsonArray("people");
    assertEquals(List.of("Emma Employee", "Finn Free", "Mia Mentor", "Nia NewYork", "Otto Other", "Paul Pending",
        "Ravi Request", "Sam Sydney"), names(listed));
    JsonObject emma = listed.getJsonObject(0);
    assertEquals("Engineering", emma.getString("department"));
    assertEquals("Berlin", emma.getJsonObject("location").getString("name"));
    assertEquals(new JsonArray().add(new JsonObject().put("role", "captain")
        .put("pitch", new JsonObject().put("id", bot).put("title", "Bot"))), emma.getJsonArray("roles"));
    assertEquals("member", listed.getJsonObject(4).getJsonArray("roles").getJsonObject(0).getString("role"));
    assertEquals(new JsonArray().add(new JsonObject().put("role", "free_agent")), listed.getJsonObject(1).getJsonArray("roles"));
    assertEquals(new JsonArray().add(new JsonObject().put("role", "mentor")), listed.getJsonObject(2).getJsonArray("roles"));
    assertEquals(new JsonArray(), listed.getJsonObject(3).getJsonArray("roles"), "a hidden pitch is nobody's team");
    assertEquals(null, listed.getJsonObject(6).getValue("location"));

    JsonObject counts = all.getJsonObject("counts");
    assertEquals(new JsonArray().add(counted("Berlin", 3)).add(counted("Sydney", 2)).add(counted("New York", 1))
        .add(counted("No location", 1)).add(counted("Remote", 1)), counts.getJsonArray("byLocation"));
    assertEquals(new JsonArray().add(counted("Engineering", 3)).add(counted("Design", 2)).add(counted("Marketing", 1))
        .add(counted("No department", 1)).add(counted("Product", 1)), counts.getJsonArray("byDepartment"));
  }

  @Test
  @DisplayName("The list filters by location and by 'without a team' (mentors who only mentor are not counted as without)")
  void filters() {
    int sydney = Fixture.locationId("Sydney");
    assertEquals(List.of("Finn Free", "Sam Sydney"), names(people("?location=" + sydney).getJsonArray("people")));
    JsonObject free = people("?withoutTeam=true");
    assertEquals(List.of("Finn Free", "Nia NewYork", "Ravi Request"), names(free.getJsonArray("people")));
    assertEquals(new JsonArray().add(counted("Design", 1)).add(counted("Marketing", 1)).add(counted("No department", 1)),
        free.getJsonObject("counts").getJsonArray("byDepartment"));
    assertEquals(List.of("Finn Free"), names(people("?location=" + sydney + "&withoutTeam=true").getJsonArray("people")));

    HttpResponse<Buffer> bad = events.get(organiser, "/api/events/" + event + "/people?withoutTeam=maybe");
    assertEquals(400, bad.statusCode());
    assertEquals("must be true or false", bad.bodyAsJsonObject().getJsonObject("fields").getString("withoutTeam"));
    assertEquals(404, events.get(organiser, "/api/events/987654/people").statusCode());
  }

  @Test
  @DisplayName("The people page shows the counts, each person's part in the event and the filters")
  void peoplePage() {
    String page = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/events/" + event + "/people").bodyAsString();
    assertTrue(page.contains("aria-current=\"page\">People taking part</a>"), page);
    assertTrue(page.contains("<li>Berlin: 3</li>") && page.contains("<li>Engineering: 3</li>"), page);
    assertTrue(page.contains("captain of <a href=\"/pitches/" + bot + "\">Bot</a>"), page);
    assertTrue(page.contains("member of <a href=\"/pitches/" + bot + "\">Bot</a>"), page);
    assertTrue(page.contains("<div>free agent</div>") && page.contains("<div>mentor</div>"), page);

    String filtered = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE)
        .getPage("/events/" + event + "/people?withoutTeam=true&location=" + Fixture.locationId("Sydney")).bodyAsString();
    assertTrue(filtered.contains("Showing <strong>1</strong>") && filtered.contains("Finn Free"), filtered);
    assertTrue(filtered.contains("name=\"withoutTeam\" value=\"true\" checked"), filtered);
  }

  @Test
  @DisplayName("The dashboard counts pitches, teams, open places and people, and lists small teams and people without a team")
  void dashboardCounts() {
    HttpResponse<Buffer> response = events.get(organiser, "/api/events/" + event + "/dashboard");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject d = response.bodyAsJsonObject();
    assertEquals("team_forming", d.getString("phase"));
    assertEquals("building", d.getString("nextPhase"));
    assertEquals(new JsonObject().put("visible", 2).put("hidden", 1).put("awaitingApproval", 1), d.getJsonObject("pitches"));
    assertEquals(new JsonObject().put("atLeastMinimum", 1).put("belowMinimum", 2).put("openPlaces", 2 + 2 + 3),
        d.getJsonObject("teams"));
    assertEquals(new JsonObject().put("takingPart", 8).put("withoutTeam", 3).put("freeAgents", 1).put("mentors", 1),
        d.getJsonObject("people"));
    assertEquals(1, d.getInteger("pendingJoinRequests"));
    assertEquals(new JsonArray()
            .add(new JsonObject().put("pitchId", pending).put("title", "Pending").put("captain", "Paul Pending")
                .put("members", 1).put("needed", 1).put("approved", false))
            .add(new JsonObject().put("pitchId", solo).put("title", "Solo").put("captain", "Sam Sydney")
                .put("members", 1).put("needed", 1).put("approved", true)),
        d.getJsonArray("teamsBelowMinimum"));
    assertEquals(List.of("Finn Free", "Nia NewYork", "Ravi Request"), names(d.getJsonArray("peopleWithoutTeam")));
  }

  @Test
  @DisplayName("The dashboard page shows the same figures to organisers; employees and leadership get 403")
  void dashboardPageAndAccess() {
    HttpResponse<Buffer> page = api.browser().signIn(TestShipyard.ORGANISER).getPage("/events/" + event + "/dashboard");
    assertEquals(200, page.statusCode());
    String html = page.bodyAsString();
    assertTrue(html.contains("<dt>Taking part</dt><dd>8</dd>") && html.contains("<dt>Without a team</dt><dd>3</dd>"), html);
    assertTrue(html.contains("<dt>Open places</dt><dd>7</dd>") && html.contains("<dt>Awaiting approval</dt><dd>1</dd>"), html);
    assertTrue(html.contains("next: Building"), html);
    assertTrue(html.contains("<a href=\"/pitches/" + solo + "\">Solo</a> · captain Sam Sydney · 1 on the team, needs 1 more"), html);

    for (String email : List.of(TestShipyard.EMPLOYEE, TestShipyard.LEADERSHIP)) {
      assertEquals(403, events.get(api.token(email), "/api/events/" + event + "/dashboard").statusCode(), email);
      assertEquals(403, api.browser().signIn(email).getPage("/events/" + event + "/dashboard").statusCode(), email);
    }
  }
}
