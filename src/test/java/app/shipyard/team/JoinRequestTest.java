package app.shipyard.team;

import static app.shipyard.team.TeamCalls.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Joining by request: the captain approves or declines, the requester may withdraw")
class JoinRequestTest {

  private Vertx vertx;
  private Api api;
  private Events events;
  private TeamCalls calls;
  private String captain;
  private String otto;
  private long event;
  private long pitch;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    this.vertx = vertx;
    api = new Api(vertx);
    events = new Events(api);
    calls = new TeamCalls(api, events);
    captain = api.token(TestShipyard.EMPLOYEE);
    otto = api.token(TestShipyard.OTHER_EMPLOYEE);
    event = events.create(new JsonObject().put("joinByRequest", true));
    events.moveTo(event, "pitching");
    pitch = events.pitch(captain, event, new JsonObject().put("title", "Robot barista").put("capacity", 3));
  }

  private HttpResponse<Buffer> ask(String token, String message) {
    return calls.post(token, "/api/pitches/" + pitch + "/join", new JsonObject().put("message", message));
  }

  private long askOk(String token) {
    HttpResponse<Buffer> asked = ask(token, "");
    assertEquals(202, asked.statusCode(), asked.bodyAsString());
    return asked.bodyAsJsonObject().getLong("id");
  }

  @Test
  @DisplayName("Join files a pending request (202) that the captain sees and approves; the person is then on the team")
  void requestThenApprove() {
    HttpResponse<Buffer> asked = ask(otto, "I make great coffee");
    assertEquals(202, asked.statusCode(), asked.bodyAsString());
    JsonObject request = asked.bodyAsJsonObject();
    assertEquals("pending", request.getString("status"));
    assertEquals("I make great coffee", request.getString("message"));
    assertEquals("Otto Other", request.getJsonObject("person").getString("displayName"));
    assertEquals(List.of("Emma Employee"), calls.memberNames(captain, pitch));

    JsonArray pending = calls.array(captain, "/api/pitches/" + pitch + "/requests");
    assertEquals(1, pending.size());
    assertEquals("I make great coffee", pending.getJsonObject(0).getString("message"));

    HttpResponse<Buffer> approved = calls.post(captain, "/api/join-requests/" + request.getLong("id") + "/approve", new JsonObject());
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    assertEquals("approved", approved.bodyAsJsonObject().getString("status"));
    assertEquals(List.of("Emma Employee", "Otto Other"), calls.memberNames(captain, pitch));
    assertEquals(0, calls.array(captain, "/api/pitches/" + pitch + "/requests").size());
    assertEquals(1, Fixture.count("SELECT count(*) FROM join_requests WHERE status = 'approved' AND decided_by = $1",
        Fixture.personId(TestShipyard.EMPLOYEE)));
  }

  @Test
  @DisplayName("A declined request adds nobody and cannot be approved afterwards")
  void decline() {
    long request = askOk(otto);
    HttpResponse<Buffer> declined = calls.post(captain, "/api/join-requests/" + request + "/decline", new JsonObject());
    assertEquals(200, declined.statusCode());
    assertEquals("declined", declined.bodyAsJsonObject().getString("status"));
    HttpResponse<Buffer> late = calls.post(captain, "/api/join-requests/" + request + "/approve", new JsonObject());
    assertEquals(409, late.statusCode());
    assertEquals("This request was already declined.", error(late));
    assertEquals(List.of("Emma Employee"), calls.memberNames(captain, pitch));
  }

  @Test
  @DisplayName("Only the requester withdraws; a withdrawn request cannot be approved, and a new one may then be made")
  void withdraw() {
    long request = askOk(otto);
    HttpResponse<Buffer> byCaptain = calls.post(captain, "/api/join-requests/" + request + "/withdraw", new JsonObject());
    assertEquals(403, byCaptain.statusCode());
    HttpResponse<Buffer> withdrawn = calls.post(otto, "/api/join-requests/" + request + "/withdraw", new JsonObject());
    assertEquals(200, withdrawn.statusCode());
    assertEquals("withdrawn", withdrawn.bodyAsJsonObject().getString("status"));
    HttpResponse<Buffer> approve = calls.post(captain, "/api/join-requests/" + request + "/approve", new JsonObject());
    assertEquals(409, approve.statusCode());
    assertEquals("This request was already withdrawn.", error(approve));
    askOk(otto);
  }

  @Test
  @DisplayName("A second pending request for the same pitch is refused with 409 and a clear message")
  void duplicate() {
    askOk(otto);
    HttpResponse<Buffer> again = ask(otto, "please?");
    assertEquals(409, again.statusCode());
    assertEquals("You already asked to join this team; the captain has not decided yet.", error(again));
    assertEquals(1, Fixture.count("SELECT count(*) FROM join_requests WHERE pitch_id = $1", pitch));
  }

  @Test
  @DisplayName("Only that pitch's captain or an organiser decides; other people get 403 and see no requests")
  void onlyCaptainOrOrganiserDecides() {
    long first = askOk(otto);
    String pat = Events.person("pat@test.example", "Pat Pending", "Sales", "Sydney");
    long second = askOk(pat);
    String leader = api.token(TestShipyard.LEADERSHIP);
    for (String outsider : List.of(pat, leader)) {
      HttpResponse<Buffer> refused = calls.post(outsider, "/api/join-requests/" + first + "/approve", new JsonObject());
      assertEquals(403, refused.statusCode());
      assertEquals("Only this team's captain or an organiser decides on its join requests.", error(refused));
      assertEquals(403, calls.post(outsider, "/api/join-requests/" + first + "/decline", new JsonObject()).statusCode());
      assertEquals(403, calls.get(outsider, "/api/pitches/" + pitch + "/requests").statusCode());
    }
    HttpResponse<Buffer> byOrganiser = calls.post(events.organiserToken(), "/api/join-requests/" + second + "/approve",
        new JsonObject());
    assertEquals(200, byOrganiser.statusCode(), byOrganiser.bodyAsString());
    assertEquals(List.of("Emma Employee", "Pat Pending"), calls.memberNames(captain, pitch));
  }

  @Test
  @DisplayName("Approval when the team filled up meanwhile is refused with 'This team is full.' and the request stays pending")
  void approvalWhenFull() {
    long ottoRequest = askOk(otto);
    long patRequest = askOk(Events.person("pat@test.example", "Pat Pending", "Sales", "Sydney"));
    long quinnRequest = askOk(Events.person("quinn@test.example", "Quinn Queue", "Sales", "Sydney"));
    assertEquals(200, calls.post(captain, "/api/join-requests/" + ottoRequest + "/approve", new JsonObject()).statusCode());
    assertEquals(200, calls.post(captain, "/api/join-requests/" + patRequest + "/approve", new JsonObject()).statusCode());
    HttpResponse<Buffer> full = calls.post(captain, "/api/join-requests/" + quinnRequest + "/approve", new JsonObject());
    assertEquals(409, full.statusCode());
    assertEquals("This team is full.", error(full));
    assertEquals(3, calls.memberNames(captain, pitch).size());
    assertEquals("pending", calls.array(captain, "/api/pitches/" + pitch + "/requests").getJsonObject(0).getString("status"));
  }

  @Test
  @DisplayName("Requests follow the join rules: refused once teams are locked, and approval is refused then too")
  void lockedPhase() {
    long request = askOk(otto);
    events.moveTo(event, "demos");
    HttpResponse<Buffer> approve = calls.post(captain, "/api/join-requests/" + request + "/approve", new JsonObject());
    assertEquals(409, approve.statusCode());
    assertEquals("Teams are locked while the event is in Demos.", error(approve));
    HttpResponse<Buffer> late = ask(Events.person("pat@test.example", "Pat Pending", "Sales", "Sydney"), "");
    assertEquals(409, late.statusCode());
    assertTrue(error(late).contains("locked"));
  }

  @Test
  @DisplayName("When the captain approves 20 requests at once for the one remaining place, exactly one person gets in")
  void concurrentApprovals() {
    long smallPitch = events.pitch(otto, event, new JsonObject().put("title", "Tiny team").put("capacity", 2));
    List<Long> requests = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String token = Events.person("racer" + i + "@test.example", "Racer " + i, "Sales", "Berlin");
      HttpResponse<Buffer> asked = calls.post(token, "/api/pitches/" + smallPitch + "/join", new JsonObject());
      assertEquals(202, asked.statusCode(), asked.bodyAsString());
      requests.add(asked.bodyAsJsonObject().getLong("id"));
    }
    List<Future<HttpResponse<Buffer>>> approvals = requests.stream().map(id -> separateClient()
        .post("/api/join-requests/" + id + "/approve").bearerTokenAuthentication(otto).send()).toList();
    Future.all(approvals).await();
    List<String> outcomes = approvals.stream().map(f -> f.result().statusCode() + " " + f.result().bodyAsString()).toList();
    assertEquals(1, approvals.stream().filter(f -> f.result().statusCode() == 200).count(), outcomes.toString());
    assertEquals(19, approvals.stream().filter(f -> f.result().statusCode() == 409
        && error(f.result()).equals("This team is full.")).count(), outcomes.toString());
    assertEquals(2, calls.memberNames(otto, smallPitch).size());
    assertEquals(1, Fixture.count("SELECT count(*) FROM join_requests WHERE pitch_id = $1 AND status = 'approved'", smallPitch));
  }

  /** A client with its own connection, so that all approvals really are in flight at once. */
  private WebClient separateClient() {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(TestShipyard.port()));
  }

  @Test
  @DisplayName("In the browser: 'join' says the request was sent; the captain approves it from the team page")
  void throughPages() {
    String teamPage = "/pitches/" + pitch + "/team";
    Api.Browser joiner = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE);
    HttpResponse<Buffer> asked = joiner.postForm(teamPage, "/pitches/" + pitch + "/join",
        MultiMap.caseInsensitiveMultiMap().add("message", "Count me in"));
    assertEquals(303, asked.statusCode());
    assertEquals(teamPage, asked.getHeader("Location"));
    String joinerView = joiner.getPage(teamPage).bodyAsString();
    assertTrue(joinerView.contains("Request sent"), joinerView);
    assertFalse(joinerView.contains("Ask to join"), joinerView);

    Api.Browser captainBrowser = api.browser().signIn(TestShipyard.EMPLOYEE);
    String captainView = captainBrowser.getPage(teamPage).bodyAsString();
    assertTrue(captainView.contains("Count me in") && captainView.contains("Approve"), captainView);
    long request = calls.array(captain, "/api/pitches/" + pitch + "/requests").getJsonObject(0).getLong("id");
    HttpResponse<Buffer> approved = captainBrowser.postForm(teamPage, "/join-requests/" + request + "/approve",
        MultiMap.caseInsensitiveMultiMap());
    assertEquals(303, approved.statusCode());
    assertTrue(captainBrowser.getPage(teamPage).bodyAsString().contains("No pending requests."));
    assertEquals(List.of("Emma Employee", "Otto Other"), calls.memberNames(captain, pitch));
  }
}
