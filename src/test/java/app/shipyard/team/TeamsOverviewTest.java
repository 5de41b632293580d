package app.shipyard.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("How cross-functional teams are: team page, teams tab and API")
class TeamsOverviewTest {

  private Api api;
  private TeamCalls calls;
  private long event;
  private long pitch;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    Events events = new Events(api);
    calls = new TeamCalls(api, events);
    event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    pitch = events.pitch(api.token(TestShipyard.EMPLOYEE), event, new JsonObject().put("title", "Mixed").put("capacity", 5));
    calls.post(api.token(TestShipyard.OTHER_EMPLOYEE), "/api/pitches/" + pitch + "/join", new JsonObject());
    calls.post(Events.person("sam@test.example", "Sam Sydney", "Design", "Sydney"), "/api/pitches/" + pitch + "/join",
        new JsonObject());
    events.pitch(Events.person("solo@test.example", "Solo Sole", "", null), event, new JsonObject().put("title", "Solo"));
  }

  @Test
  @DisplayName("The API lists each team with members' department and location, the counts and open places")
  void api() {
    JsonArray teams = calls.array(api.token(TestShipyard.LEADERSHIP), "/api/events/" + event + "/teams");
    assertEquals(2, teams.size());
    JsonObject mixed = teams.getJsonObject(1);
    assertEquals("Mixed", mixed.getString("title"));
    assertEquals(2, mixed.getInteger("departments"));
    assertEquals(2, mixed.getInteger("locations"));
    assertEquals(2, mixed.getInteger("openPlaces"));
    JsonObject sam = mixed.getJsonArray("members").getJsonObject(2);
    assertEquals("Design", sam.getString("department"));
    assertEquals("Sydney", sam.getString("location"));
    JsonObject solo = teams.getJsonObject(0);
    assertEquals(0, solo.getInteger("departments"));
    assertEquals(0, solo.getInteger("locations"));
    assertEquals(404, calls.get(api.token(TestShipyard.EMPLOYEE), "/api/events/999999/teams").statusCode());
  }

  @Test
  @DisplayName("The teams tab says how many departments and locations each team spans; only organisers see the CSV link")
  void pages() {
    String html = api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/events/" + event + "/teams").bodyAsString();
    assertTrue(html.contains("Spans 2 departments, 2 locations · 3 of 5 · 2 open"), html);
    assertTrue(html.contains("Sam Sydney") && html.contains("Design · Sydney"), html);
    assertTrue(html.contains("href=\"/events/" + event + "/teams\" aria-current=\"page\""), html);
    assertFalse(html.contains("teams.csv"), html);
    assertTrue(api.browser().signIn(TestShipyard.ORGANISER).getPage("/events/" + event + "/teams").bodyAsString()
        .contains("/events/" + event + "/teams.csv"));

    String team = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/pitches/" + pitch + "/team").bodyAsString();
    assertTrue(team.contains("spans 2 departments, 2 locations"), team);
    assertTrue(team.contains("<td>Sam Sydney</td><td>Design</td><td>Sydney</td>"), team);
    assertTrue(team.contains("Leave this team"), team);
    assertFalse(team.contains("Join requests"), team);
    String pitchPage = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/pitches/" + pitch).bodyAsString();
    assertTrue(pitchPage.contains("href=\"/pitches/" + pitch + "/team\""), pitchPage);
  }
}
