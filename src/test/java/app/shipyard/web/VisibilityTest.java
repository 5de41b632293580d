package app.shipyard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
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

/** The rules behind the 404s of the access matrix, told as stories (the matrix covers every route). */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Who sees draft events and pitches awaiting approval")
class VisibilityTest {

  private Api api;
  private Events events;
  private String emma;
  private String otto;
  private String leo;
  private String organiser;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    emma = api.token(TestShipyard.EMPLOYEE);
    otto = api.token(TestShipyard.OTHER_EMPLOYEE);
    leo = api.token(TestShipyard.LEADERSHIP);
    organiser = events.organiserToken();
  }

  private List<String> eventTitles(String token) {
    JsonArray list = events.get(token, "/api/events").bodyAsJsonArray();
    return list.stream().map(e -> ((JsonObject) e).getString("title")).toList();
  }

  private String eventsPage(String email) {
    return api.browser().signIn(email).getPage("/events").bodyAsString();
  }

  @Test
  @DisplayName("Employees find no draft in the event list (API and page); organisers, admins and leadership do")
  void draftsInLists() {
    long open = events.create(new JsonObject().put("title", "Open day"));
    events.moveTo(open, "pitching");
    events.create(new JsonObject().put("title", "Secret plans"));

    assertEquals(List.of("Open day"), eventTitles(emma));
    assertFalse(eventsPage(TestShipyard.EMPLOYEE).contains("Secret plans"));
    for (String email : List.of(TestShipyard.ORGANISER, TestShipyard.ADMIN, TestShipyard.LEADERSHIP)) {
      assertEquals(2, eventTitles(api.token(email)).size(), email);
      assertTrue(eventsPage(email).contains("Secret plans"), email);
    }
  }

  @Test
  @DisplayName("A draft answers employees 404 as if it did not exist, until it opens for pitching")
  void draftOpens() {
    long draft = events.create(new JsonObject().put("title", "Secret plans"));
    HttpResponse<Buffer> hidden = events.get(emma, "/api/events/" + draft);
    assertEquals(404, hidden.statusCode());
    assertEquals(events.get(emma, "/api/events/999999").bodyAsString(), hidden.bodyAsString());
    assertEquals(404, events.get(emma, "/api/events/" + draft + "/schedule").statusCode());

    events.moveTo(draft, "pitching");
    assertEquals(200, events.get(emma, "/api/events/" + draft).statusCode());
    assertEquals(List.of("Secret plans"), eventTitles(emma));
  }

  @Test
  @DisplayName("Leadership reads a draft but changes nothing in it (409), even holding the employee role")
  void leadershipReadsDrafts() {
    long draft = events.create(new JsonObject().put("title", "Secret plans"));
    assertEquals(200, events.get(leo, "/api/events/" + draft).statusCode());
    HttpResponse<Buffer> mentor = api.client().put("/api/events/" + draft + "/mentors/me").bearerTokenAuthentication(leo)
        .sendJsonObject(new JsonObject().put("note", "Ask me about budgets")).await();
    assertEquals(409, mentor.statusCode(), mentor.bodyAsString());
    assertTrue(mentor.bodyAsJsonObject().getString("error").contains("only organisers or admins change anything"));

    HttpResponse<Buffer> organiserMentor = api.client().put("/api/events/" + draft + "/mentors/me")
        .bearerTokenAuthentication(organiser).sendJsonObject(new JsonObject().put("note", "Ask me about rooms")).await();
    assertEquals(200, organiserMentor.statusCode(), organiserMentor.bodyAsString());
  }

  @Test
  @DisplayName("A pitch awaiting approval: its team page and API are 404 to others, shown to its captain and organisers")
  void pendingPitchTeam() {
    long event = events.create(new JsonObject().put("pitchesNeedApproval", true));
    events.moveTo(event, "pitching");
    long pitch = events.pitch(otto, event, new JsonObject().put("title", "Not yet approved"));
    String teamApi = "/api/pitches/" + pitch + "/team";
    String teamPage = "/pitches/" + pitch + "/team";

    for (String token : List.of(emma, leo)) {
      assertEquals(404, events.get(token, teamApi).statusCode());
      assertEquals(404, events.get(token, "/api/pitches/" + pitch + "/comments").statusCode());
    }
    assertEquals(404, api.browser().signIn(TestShipyard.EMPLOYEE).getPage(teamPage).statusCode());
    for (String token : List.of(otto, organiser)) {
      assertEquals(200, events.get(token, teamApi).statusCode());
    }
    String captainsPage = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage(teamPage).bodyAsString();
    assertTrue(captainsPage.contains("waiting for an organiser's approval"));

    assertEquals(200, events.post(organiser, "/api/pitches/" + pitch + "/approve", new JsonObject()).statusCode());
    assertEquals("Not yet approved", events.get(emma, teamApi).bodyAsJsonObject().getString("title"));
  }
}
