package app.shipyard.team;

import static app.shipyard.team.TeamCalls.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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
@DisplayName("Handing over captaincy")
class CaptaincyTest {

  private Api api;
  private Events events;
  private TeamCalls calls;
  private String emma;
  private String otto;
  private long event;
  private long pitch;
  private long ottoId;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    calls = new TeamCalls(api, events);
    emma = api.token(TestShipyard.EMPLOYEE);
    otto = api.token(TestShipyard.OTHER_EMPLOYEE);
    event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    pitch = events.pitch(emma, event, new JsonObject().put("title", "Hand-over"));
    assertEquals(200, calls.post(otto, "/api/pitches/" + pitch + "/join", new JsonObject()).statusCode());
    ottoId = Fixture.personId(TestShipyard.OTHER_EMPLOYEE);
  }

  private HttpResponse<Buffer> handOver(String token, long to) {
    return calls.post(token, "/api/pitches/" + pitch + "/captain", new JsonObject().put("personId", to));
  }

  @Test
  @DisplayName("The captain hands captaincy to a member: pitch and team change together, then the old captain may leave")
  void handOverThenLeave() {
    HttpResponse<Buffer> leaveFirst = calls.post(emma, "/api/pitches/" + pitch + "/leave", new JsonObject());
    assertEquals(409, leaveFirst.statusCode());

    HttpResponse<Buffer> handed = handOver(emma, ottoId);
    assertEquals(200, handed.statusCode(), handed.bodyAsString());
    JsonObject team = handed.bodyAsJsonObject();
    assertEquals(ottoId, team.getJsonObject("captain").getLong("id"));
    assertEquals("Otto Other", team.getJsonObject("captain").getString("displayName"));
    assertEquals(ottoId, Fixture.count("SELECT captain_id FROM pitches WHERE id = $1", pitch));
    assertEquals(1, Fixture.count("SELECT count(*) FROM team_members WHERE pitch_id = $1 AND is_captain", pitch));
    assertEquals(1, Fixture.count("SELECT count(*) FROM team_members WHERE pitch_id = $1 AND is_captain AND person_id = $2",
        pitch, ottoId));

    HttpResponse<Buffer> left = calls.post(emma, "/api/pitches/" + pitch + "/leave", new JsonObject());
    assertEquals(200, left.statusCode(), left.bodyAsString());
    assertEquals(List.of("Otto Other"), calls.memberNames(otto, pitch));
    assertEquals(409, calls.post(otto, "/api/pitches/" + pitch + "/leave", new JsonObject()).statusCode());
  }

  @Test
  @DisplayName("Only the captain hands over (403 for members and organisers), and only to a current member (409)")
  void refusals() {
    HttpResponse<Buffer> byMember = handOver(otto, Fixture.personId(TestShipyard.EMPLOYEE));
    assertEquals(403, byMember.statusCode());
    assertEquals("Only the team's captain can hand over captaincy.", error(byMember));
    assertEquals(403, handOver(events.organiserToken(), ottoId).statusCode());

    HttpResponse<Buffer> toOutsider = handOver(emma, Fixture.personId(TestShipyard.LEADERSHIP));
    assertEquals(409, toOutsider.statusCode());
    assertEquals("Captaincy can only go to a current member of this team.", error(toOutsider));
    HttpResponse<Buffer> toSelf = handOver(emma, Fixture.personId(TestShipyard.EMPLOYEE));
    assertEquals(409, toSelf.statusCode());
    HttpResponse<Buffer> nobody = calls.post(emma, "/api/pitches/" + pitch + "/captain", new JsonObject());
    assertEquals(400, nobody.statusCode());
    assertEquals("is required", nobody.bodyAsJsonObject().getJsonObject("fields").getString("personId"));
    assertEquals(Fixture.personId(TestShipyard.EMPLOYEE), Fixture.count("SELECT captain_id FROM pitches WHERE id = $1", pitch));
  }

  @Test
  @DisplayName("Captaincy cannot change once teams are locked")
  void lockedPhase() {
    events.moveTo(event, "demos");
    HttpResponse<Buffer> locked = handOver(emma, ottoId);
    assertEquals(409, locked.statusCode());
    assertEquals("Teams are locked while the event is in Demos.", error(locked));
  }

  @Test
  @DisplayName("In the browser the captain hands over from the team page, which then shows the new captain")
  void throughPage() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    String teamPage = "/pitches/" + pitch + "/team";
    assertTrue(browser.getPage(teamPage).bodyAsString().contains("Hand over captaincy"));
    HttpResponse<Buffer> handed = browser.postForm(teamPage, "/pitches/" + pitch + "/captain",
        MultiMap.caseInsensitiveMultiMap().add("personId", Long.toString(ottoId)));
    assertEquals(303, handed.statusCode());
    String page = browser.getPage(teamPage).bodyAsString();
    assertTrue(page.contains("Otto Other <span class=\"badge\">captain</span>"), page);
    assertTrue(page.contains("Leave this team"), page);
  }
}
