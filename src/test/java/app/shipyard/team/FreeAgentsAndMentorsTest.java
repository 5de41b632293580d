package app.shipyard.team;

import static app.shipyard.team.TeamCalls.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
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
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Free agents and mentors")
class FreeAgentsAndMentorsTest {

  private Api api;
  private Events events;
  private TeamCalls calls;
  private String emma;
  private String fran;
  private long event;
  private String agents;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    calls = new TeamCalls(api, events);
    emma = api.token(TestShipyard.EMPLOYEE);
    Events.skills("React", "Kafka");
    fran = Events.person("fran@test.example", "Fran Free", "Design", "Singapore", "React", "Kafka");
    event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    agents = "/api/events/" + event + "/free-agents";
  }

  @Test
  @DisplayName("A person lists themselves with their profile skills by default, then edits the skills (new ones join the vocabulary)")
  void listAndEdit() {
    HttpResponse<Buffer> listed = calls.put(fran, agents + "/me", new JsonObject().put("wants", "Anything with maps"));
    assertEquals(200, listed.statusCode(), listed.bodyAsString());
    assertEquals(List.of("Kafka", "React"), listed.bodyAsJsonObject().getJsonArray("skills").getList());
    assertEquals(1, Fixture.count("SELECT count(*) FROM event_participants WHERE event_id = $1 AND person_id = $2",
        event, Fixture.personId("fran@test.example")));

    HttpResponse<Buffer> edited = calls.put(fran, agents + "/me", new JsonObject()
        .put("skills", new JsonArray().add("kafka").add("Map making")).put("wants", "Maps, really"));
    assertEquals(200, edited.statusCode(), edited.bodyAsString());
    assertEquals(List.of("Kafka", "Map making"), edited.bodyAsJsonObject().getJsonArray("skills").getList());
    assertEquals(1, Fixture.count("SELECT count(*) FROM skills WHERE name = 'Map making'"));

    JsonArray list = calls.array(emma, agents);
    assertEquals(1, list.size());
    JsonObject franListing = list.getJsonObject(0);
    assertEquals("Maps, really", franListing.getString("wants"));
    assertEquals("Design", franListing.getJsonObject("person").getString("department"));
    assertEquals("Singapore", franListing.getJsonObject("person").getString("location"));
  }

  @Test
  @DisplayName("Someone on a team cannot list (409); joining a team ends a free-agent listing")
  void teamsAndListings() {
    long pitch = events.pitch(emma, event, new JsonObject().put("title", "Maps"));
    HttpResponse<Buffer> captainLists = calls.put(emma, agents + "/me", new JsonObject());
    assertEquals(409, captainLists.statusCode());
    assertEquals("You are already on a team in this event, so you cannot list yourself as a free agent.",
        error(captainLists));

    assertEquals(200, calls.put(fran, agents + "/me", new JsonObject()).statusCode());
    assertEquals(1, calls.array(emma, agents).size());
    assertEquals(200, calls.post(fran, "/api/pitches/" + pitch + "/join", new JsonObject()).statusCode());
    assertEquals(0, calls.array(emma, agents).size());
    assertEquals(0, Fixture.count("SELECT count(*) FROM free_agent_skills"));
  }

  @Test
  @DisplayName("A free agent removes their listing (204, then 404); listing is refused once teams are locked")
  void removeAndPhases() {
    assertEquals(200, calls.put(fran, agents + "/me", new JsonObject()).statusCode());
    assertEquals(204, calls.delete(fran, agents + "/me").statusCode());
    assertEquals(0, calls.array(emma, agents).size());
    assertEquals(404, calls.delete(fran, agents + "/me").statusCode());
    events.moveTo(event, "demos");
    HttpResponse<Buffer> late = calls.put(fran, agents + "/me", new JsonObject());
    assertEquals(409, late.statusCode());
    assertTrue(error(late).contains("Demos"), error(late));
    assertEquals(404, calls.put(fran, "/api/events/999999/free-agents/me", new JsonObject()).statusCode());
  }

  @Test
  @DisplayName("The free-agents page lists people with skills, department and location, and has the viewer's form")
  void page() {
    calls.put(fran, agents + "/me", new JsonObject().put("wants", "Maps"));
    Api.Browser browser = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE);
    String path = "/events/" + event + "/free-agents";
    String html = browser.getPage(path).bodyAsString();
    assertTrue(html.contains("Fran Free") && html.contains("Singapore") && html.contains("Design")
        && html.contains("<span class=\"tag\">Kafka</span>") && html.contains("Wants to work on: Maps"), html);
    assertTrue(html.contains("href=\"/events/" + event + "/free-agents\" aria-current=\"page\""), html);
    assertTrue(html.contains("List yourself as a free agent"), html);

    HttpResponse<Buffer> listed = browser.postForm(path, path, MultiMap.caseInsensitiveMultiMap()
        .add("skills", "Kafka, Illustration").add("wants", "Posters"));
    assertEquals(303, listed.statusCode());
    String after = browser.getPage(path).bodyAsString();
    assertTrue(after.contains("Otto Other") && after.contains("Illustration") && after.contains("Update your listing"), after);
    assertEquals(303, browser.postForm(path, path + "/remove", MultiMap.caseInsensitiveMultiMap()).statusCode());
    assertFalse(browser.getPage(path).bodyAsString().contains("Posters"));
  }

  @Test
  @DisplayName("A mentor lists skills offered and a note, may also be on a team, updates and removes the listing")
  void mentors() {
    String mentors = "/api/events/" + event + "/mentors";
    events.pitch(emma, event, new JsonObject().put("title", "Maps"));
    HttpResponse<Buffer> captainMentors = calls.put(emma, mentors + "/me", new JsonObject()
        .put("skills", new JsonArray().add("React")).put("note", "Ask me after lunch"));
    assertEquals(200, captainMentors.statusCode(), captainMentors.bodyAsString());
    HttpResponse<Buffer> byDefault = calls.put(fran, mentors + "/me", new JsonObject());
    assertEquals(List.of("Kafka", "React"), byDefault.bodyAsJsonObject().getJsonArray("skills").getList());

    JsonArray list = calls.array(fran, mentors);
    assertEquals(2, list.size());
    assertEquals("Ask me after lunch", list.getJsonObject(0).getString("note"));
    assertEquals(List.of("React"), list.getJsonObject(0).getJsonArray("skills").getList());

    String html = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/events/" + event + "/mentors").bodyAsString();
    assertTrue(html.contains("Emma Employee") && html.contains("Ask me after lunch") && html.contains("Fran Free"), html);
    assertTrue(html.contains("Offer help as a mentor"), html);

    assertEquals(204, calls.delete(fran, mentors + "/me").statusCode());
    assertEquals(1, calls.array(fran, mentors).size());
    events.moveTo(event, "results");
    assertEquals(409, calls.put(fran, mentors + "/me", new JsonObject()).statusCode());
  }
}
