package app.shipyard.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Pitches: details, approval, edits with history, hiding and lab stages")
class PitchTest {

  private Api api;
  private Events events;
  private String organiser;
  private String employee;
  private String other;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    organiser = events.organiserToken();
    employee = api.token(TestShipyard.EMPLOYEE);
    other = api.token(TestShipyard.OTHER_EMPLOYEE);
  }

  private long pitchingEvent(JsonObject overrides) {
    long event = events.create(overrides);
    events.moveTo(event, "pitching");
    return event;
  }

  private HttpResponse<Buffer> put(String token, String path, JsonObject body) {
    return api.client().put(path).bearerTokenAuthentication(token).sendJsonObject(body).await();
  }

  private static String error(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getString("error");
  }

  private static String field(HttpResponse<Buffer> response, String name) {
    JsonObject fields = response.bodyAsJsonObject().getJsonObject("fields");
    return fields == null ? null : fields.getString(name);
  }

  @Test
  @DisplayName("Tags, links, locations and remote come back as sent, and links render as safe outbound links")
  void detailsRoundTrip() {
    long event = pitchingEvent(new JsonObject());
    int berlin = Fixture.locationId("Berlin");
    HttpResponse<Buffer> created = events.post(employee, "/api/events/" + event + "/pitches", new JsonObject()
        .put("title", "Carbon bot").put("summary", "Counts our CO2").put("capacity", 3)
        .put("skills", new JsonArray().add("Kotlin")).put("tags", new JsonArray().add("Climate").add("climate").add("AI"))
        .put("links", new JsonArray().add("https://example.com/doc").add("http://wiki.example.org/x?y=1"))
        .put("locationIds", new JsonArray().add(berlin)).put("remoteOk", true));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    long id = created.bodyAsJsonObject().getLong("id");
    for (JsonObject pitch : List.of(created.bodyAsJsonObject(), events.get(other, "/api/pitches/" + id).bodyAsJsonObject())) {
      assertEquals(new JsonArray().add("Climate").add("AI"), pitch.getJsonArray("tags"));
      assertEquals(new JsonArray().add("https://example.com/doc").add("http://wiki.example.org/x?y=1"), pitch.getJsonArray("links"));
      assertEquals(new JsonArray().add(new JsonObject().put("id", berlin).put("name", "Berlin").put("remote", false)),
          pitch.getJsonArray("locations"));
      assertTrue(pitch.getBoolean("remoteOk"));
      assertTrue(pitch.getBoolean("approved"));
      assertNull(pitch.getValue("hidden"));
      assertEquals(0, pitch.getInteger("interestCount"));
      assertEquals(0, pitch.getInteger("revisionCount"));
      assertEquals(new JsonArray().add("Kotlin"), pitch.getJsonArray("skills"));
    }
    String page = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/pitches/" + id).bodyAsString();
    assertTrue(page.contains("<a href=\"https://example.com/doc\" rel=\"noopener noreferrer nofollow\">"), page);
    assertTrue(page.contains("#Climate") && page.contains("Remote welcome") && page.contains("Berlin"), page);
    assertFalse(page.contains("edited 0 times"), page);
  }

  @Test
  @DisplayName("Only http and https links with a host are accepted, at most ten, and only the event's locations")
  void linkAndLocationValidation() {
    long event = pitchingEvent(new JsonObject());
    String path = "/api/events/" + event + "/pitches";
    JsonObject base = new JsonObject().put("title", "T").put("summary", "S");
    for (String bad : List.of("javascript:alert(1)", "ftp://files.example.com/x", "https://", "example.com/no-scheme")) {
      HttpResponse<Buffer> refused = events.post(employee, path, base.copy().put("links", new JsonArray().add(bad)));
      assertEquals(400, refused.statusCode(), bad);
      assertEquals("'" + bad + "' is not an http or https address", field(refused, "links"));
    }
    JsonArray eleven = new JsonArray(IntStream.range(0, 11).mapToObj(i -> "https://example.com/" + i).toList());
    HttpResponse<Buffer> tooMany = events.post(employee, path, base.copy().put("links", eleven));
    assertEquals("may have at most 10 entries", field(tooMany, "links"));
    HttpResponse<Buffer> elsewhere = events.post(employee, path,
        base.copy().put("locationIds", new JsonArray().add(Fixture.locationId("Sydney"))));
    assertEquals(400, elsewhere.statusCode());
    assertEquals("must be locations taking part in this event", field(elsewhere, "locationIds"));
    assertEquals(0, Fixture.count("SELECT count(*) FROM pitches"));
  }

  @Test
  @DisplayName("Where pitches need approval, a new pitch is seen only by its captain and organisers until approved")
  void approvalFlow() {
    long event = pitchingEvent(new JsonObject().put("pitchesNeedApproval", true));
    long id = events.pitch(employee, event, new JsonObject().put("title", "Waiting idea"));
    assertFalse(events.get(employee, "/api/pitches/" + id).bodyAsJsonObject().getBoolean("approved"));
    assertEquals(404, events.get(other, "/api/pitches/" + id).statusCode());
    assertEquals(0, events.get(other, "/api/events/" + event + "/pitches").bodyAsJsonObject().getJsonArray("pitches").size());
    assertEquals(0, events.get(other, "/api/events/" + event).bodyAsJsonObject().getInteger("pitchCount"));
    assertEquals(1, events.get(organiser, "/api/events/" + event + "/pitches").bodyAsJsonObject().getJsonArray("pitches").size());
    String captainPage = api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/pitches/" + id).bodyAsString();
    assertTrue(captainPage.contains("Awaiting approval"), captainPage);
    assertFalse(captainPage.contains("id=\"approve\""), captainPage);
    Api.Browser organiserBrowser = api.browser().signIn(TestShipyard.ORGANISER);
    assertTrue(organiserBrowser.getPage("/events/" + event + "/pitches").bodyAsString().contains("awaiting approval"));

    HttpResponse<Buffer> byEmployee = events.post(employee, "/api/pitches/" + id + "/approve", new JsonObject());
    assertEquals(403, byEmployee.statusCode());
    HttpResponse<Buffer> approved = organiserBrowser.postForm("/pitches/" + id, "/pitches/" + id + "/approve",
        MultiMap.caseInsensitiveMultiMap());
    assertEquals(303, approved.statusCode());
    assertTrue(events.get(other, "/api/pitches/" + id).bodyAsJsonObject().getBoolean("approved"));
    assertEquals(1, events.get(other, "/api/events/" + event).bodyAsJsonObject().getInteger("pitchCount"));
    assertEquals(200, events.post(other, "/api/pitches/" + id + "/join", new JsonObject()).statusCode());
    assertEquals(404, events.post(organiser, "/api/pitches/999999/approve", new JsonObject()).statusCode());
  }

  @Test
  @DisplayName("A pitch awaiting approval cannot be joined: others do not see it, organisers hear it waits for approval")
  void unapprovedCannotBeJoined() {
    long event = pitchingEvent(new JsonObject().put("pitchesNeedApproval", true));
    long id = events.pitch(employee, event, new JsonObject());
    assertEquals(404, events.post(other, "/api/pitches/" + id + "/join", new JsonObject()).statusCode());
    HttpResponse<Buffer> join = events.post(organiser, "/api/pitches/" + id + "/join", new JsonObject());
    assertEquals(409, join.statusCode());
    assertTrue(join.bodyAsJsonObject().getString("error").contains("waiting for an organiser's approval"), join.bodyAsString());
    assertEquals(1, Fixture.count("SELECT count(*) FROM team_members WHERE pitch_id = $1", id));
  }

  @Test
  @DisplayName("Captain and organisers edit until demos; every edit keeps the version before; others and late edits are refused")
  void editWithHistory() {
    long event = pitchingEvent(new JsonObject());
    long id = events.pitch(employee, event, new JsonObject().put("title", "First title").put("summary", "First summary"));
    String path = "/api/pitches/" + id;
    HttpResponse<Buffer> byOther = put(other, path, new JsonObject().put("title", "Mine now").put("summary", "x"));
    assertEquals(403, byOther.statusCode());
    assertEquals("Only the pitch's captain or an organiser can change it.", error(byOther));

    HttpResponse<Buffer> byCaptain = put(employee, path, new JsonObject().put("title", "Second title")
        .put("summary", "Second summary").put("tags", new JsonArray().add("ops")));
    assertEquals(200, byCaptain.statusCode(), byCaptain.bodyAsString());
    assertEquals("Second title", byCaptain.bodyAsJsonObject().getString("title"));
    assertEquals(4, byCaptain.bodyAsJsonObject().getInteger("capacity"), "an omitted capacity stays as it was");
    events.moveTo(event, "building");
    HttpResponse<Buffer> byOrganiser = put(organiser, path, new JsonObject().put("title", "Third title").put("summary", "Third"));
    assertEquals(200, byOrganiser.statusCode(), byOrganiser.bodyAsString());
    assertEquals(2, byOrganiser.bodyAsJsonObject().getInteger("revisionCount"));

    JsonArray revisions = events.get(other, path + "/revisions").bodyAsJsonArray();
    assertEquals(2, revisions.size());
    assertEquals("Second title", revisions.getJsonObject(0).getString("title"));
    assertEquals("Olga Organiser", revisions.getJsonObject(0).getJsonObject("editedBy").getString("displayName"));
    assertEquals(new JsonArray().add("ops"), revisions.getJsonObject(0).getJsonArray("tags"));
    assertEquals("First title", revisions.getJsonObject(1).getString("title"));
    assertEquals("First summary", revisions.getJsonObject(1).getString("summary"));
    assertEquals("Emma Employee", revisions.getJsonObject(1).getJsonObject("editedBy").getString("displayName"));
    String page = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/pitches/" + id).bodyAsString();
    assertTrue(page.contains("edited 2 times") && page.contains("First title") && page.contains("Second title"), page);
    assertFalse(page.contains("id=\"edit\""), "only the captain and organisers are offered the edit form");
    assertEquals(403, api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/pitches/" + id + "/edit").statusCode());
    Api.Browser captain = api.browser().signIn(TestShipyard.EMPLOYEE);
    assertTrue(captain.getPage("/pitches/" + id).bodyAsString().contains("id=\"edit\""));

    assertEquals(200, events.post(other, path + "/join", new JsonObject()).statusCode());
    HttpResponse<Buffer> tooSmall = put(employee, path, new JsonObject().put("title", "T").put("summary", "S").put("capacity", 1));
    assertEquals(400, tooSmall.statusCode());
    assertEquals("must be at least 2, the team's current size", field(tooSmall, "capacity"));
    assertEquals(2, Fixture.count("SELECT count(*) FROM pitch_revisions WHERE pitch_id = $1", id), "a refused edit keeps no revision");

    events.moveTo(event, "demos");
    HttpResponse<Buffer> late = put(employee, path, new JsonObject().put("title", "Too late").put("summary", "S"));
    assertEquals(409, late.statusCode());
    assertEquals("A pitch can be edited until the demos start; this event is in Demos.", error(late));
    assertEquals("Third title", events.get(other, path).bodyAsJsonObject().getString("title"));
    assertFalse(captain.getPage("/pitches/" + id).bodyAsString().contains("id=\"edit\""));
  }

  @Test
  @DisplayName("Organisers hide a pitch with a reason: others lose it, its captain sees why, and nobody can join it")
  void hideAndUnhide() {
    long event = pitchingEvent(new JsonObject());
    long id = events.pitch(employee, event, new JsonObject().put("title", "Edgy idea"));
    String path = "/api/pitches/" + id;
    HttpResponse<Buffer> byEmployee = events.post(other, path + "/hide", new JsonObject().put("reason", "I dislike it"));
    assertEquals(403, byEmployee.statusCode());
    assertEquals(404, events.post(organiser, "/api/pitches/999999/hide", new JsonObject().put("reason", "x")).statusCode());
    assertEquals("is required", field(events.post(organiser, path + "/hide", new JsonObject()), "reason"));
    assertEquals("must be at most 500 characters",
        field(events.post(organiser, path + "/hide", new JsonObject().put("reason", "x".repeat(501))), "reason"));

    HttpResponse<Buffer> hidden = events.post(organiser, path + "/hide", new JsonObject().put("reason", "Off-topic for this event"));
    assertEquals(200, hidden.statusCode(), hidden.bodyAsString());
    assertEquals("Off-topic for this event", hidden.bodyAsJsonObject().getJsonObject("hidden").getString("reason"));
    assertEquals(404, events.get(other, path).statusCode());
    assertEquals(0, events.get(other, "/api/events/" + event + "/pitches").bodyAsJsonObject().getJsonArray("pitches").size());
    assertEquals(0, events.get(other, "/api/events/" + event).bodyAsJsonObject().getInteger("pitchCount"));
    assertEquals(404, events.get(other, "/api/pitches/" + id + "/comments").statusCode());
    assertEquals(1, events.get(organiser, "/api/events/" + event + "/pitches").bodyAsJsonObject().getJsonArray("pitches").size());
    assertEquals("Off-topic for this event",
        events.get(employee, path).bodyAsJsonObject().getJsonObject("hidden").getString("reason"));
    String captainPage = api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/pitches/" + id).bodyAsString();
    assertTrue(captainPage.contains("The organisers have hidden this pitch") && captainPage.contains("Off-topic for this event"), captainPage);
    String organiserPage = api.browser().signIn(TestShipyard.ORGANISER).getPage("/pitches/" + id).bodyAsString();
    assertTrue(organiserPage.contains("<strong>Hidden</strong>") && organiserPage.contains("id=\"unhide\""), organiserPage);
    assertEquals(404, api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/pitches/" + id).statusCode());

    HttpResponse<Buffer> join = events.post(other, path + "/join", new JsonObject());
    assertEquals(404, join.statusCode());
    assertEquals(1, Fixture.count("SELECT count(*) FROM team_members WHERE pitch_id = $1", id));

    assertEquals(403, events.post(employee, path + "/unhide", new JsonObject()).statusCode());
    HttpResponse<Buffer> shown = events.post(organiser, path + "/unhide", new JsonObject());
    assertEquals(200, shown.statusCode());
    assertNull(shown.bodyAsJsonObject().getValue("hidden"));
    assertEquals(200, events.get(other, path).statusCode());
    assertEquals(200, events.post(other, path + "/join", new JsonObject()).statusCode());
  }

  @Test
  @DisplayName("In a lab the captain or an organiser moves a project through stages with notes; day events, others and the archive are refused")
  void labStages() {
    long lab = pitchingEvent(new JsonObject().put("kind", "lab"));
    long id = events.pitch(employee, lab, new JsonObject().put("title", "Lab project"));
    String path = "/api/pitches/" + id + "/stage";
    HttpResponse<Buffer> byOther = events.post(other, path, new JsonObject().put("stage", "prototype"));
    assertEquals(403, byOther.statusCode());
    assertEquals("Only the pitch's captain or an organiser can change its stage.", error(byOther));
    assertEquals("must be one of idea, prototype, pilot, shipped, parked",
        field(events.post(employee, path, new JsonObject().put("stage", "launched")), "stage"));

    HttpResponse<Buffer> prototype = events.post(employee, path, new JsonObject().put("stage", "prototype").put("note", "Clickable demo"));
    assertEquals(200, prototype.statusCode(), prototype.bodyAsString());
    assertEquals("prototype", prototype.bodyAsJsonObject().getString("stage"));
    assertEquals(200, events.post(organiser, path, new JsonObject().put("stage", "pilot")).statusCode());
    HttpResponse<Buffer> same = events.post(employee, path, new JsonObject().put("stage", "pilot"));
    assertEquals(409, same.statusCode());
    assertEquals("The project is already at stage Pilot.", error(same));

    JsonArray history = events.get(other, "/api/pitches/" + id + "/stages").bodyAsJsonArray();
    assertEquals(2, history.size());
    assertEquals(List.of("idea", "prototype", "Clickable demo", "Emma Employee"), List.of(history.getJsonObject(0).getString("from"),
        history.getJsonObject(0).getString("to"), history.getJsonObject(0).getString("note"),
        history.getJsonObject(0).getJsonObject("changedBy").getString("displayName")));
    assertEquals("Olga Organiser", history.getJsonObject(1).getJsonObject("changedBy").getString("displayName"));
    String page = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/pitches/" + id).bodyAsString();
    assertTrue(page.contains("id=\"stage\">Pilot<") && page.contains("Idea → Prototype by Emma Employee"), page);

    long day = pitchingEvent(new JsonObject());
    long dayPitch = events.pitch(other, day, new JsonObject());
    HttpResponse<Buffer> inDay = events.post(other, "/api/pitches/" + dayPitch + "/stage", new JsonObject().put("stage", "prototype"));
    assertEquals(409, inDay.statusCode());
    assertEquals("Stages belong to lab projects; this event is a ShipIt day.", error(inDay));

    events.moveTo(lab, "archived");
    HttpResponse<Buffer> archived = events.post(employee, path, new JsonObject().put("stage", "shipped"));
    assertEquals(409, archived.statusCode());
    assertEquals("This event is archived and read-only.", error(archived));
    assertEquals(2, Fixture.count("SELECT count(*) FROM pitch_stage_changes WHERE pitch_id = $1", id));
  }

  @Test
  @DisplayName("A browser user pitches with details, edits and comments through forms; a post without the form token is refused")
  void formsWithCsrf() {
    long event = pitchingEvent(new JsonObject());
    Api.Browser captain = api.browser().signIn(TestShipyard.EMPLOYEE);
    String listPath = "/events/" + event + "/pitches";
    assertTrue(captain.getPage(listPath).bodyAsString().contains("id=\"pitch-submit\""));
    HttpResponse<Buffer> pitched = captain.postForm(listPath, listPath, MultiMap.caseInsensitiveMultiMap()
        .add("title", "Form pitch").add("summary", "via form").add("capacity", "3").add("skills", "Java, React")
        .add("tags", "ai, climate").add("links", "https://example.com/a\nhttps://example.com/b")
        .add("locationIds", String.valueOf(Fixture.locationId("Berlin"))).add("remoteOk", "true"));
    assertEquals(303, pitched.statusCode(), pitched.bodyAsString());
    String pitchPath = pitched.getHeader("Location");
    JsonObject pitch = events.get(employee, "/api" + pitchPath).bodyAsJsonObject();
    assertEquals(new JsonArray().add("https://example.com/a").add("https://example.com/b"), pitch.getJsonArray("links"));
    assertEquals(new JsonArray().add("ai").add("climate"), pitch.getJsonArray("tags"));
    assertTrue(pitch.getBoolean("remoteOk"));

    String editPage = captain.getPage(pitchPath + "/edit").bodyAsString();
    assertTrue(editPage.contains("https://example.com/a\nhttps://example.com/b") && editPage.contains("value=\"Form pitch\""), editPage);
    assertTrue(editPage.contains("name=\"locationIds\" value=\"" + Fixture.locationId("Berlin") + "\" checked>"),
        "the edit form ticks the locations the pitch names: " + editPage);
    HttpResponse<Buffer> edited = captain.postForm(pitchPath + "/edit", pitchPath + "/edit", MultiMap.caseInsensitiveMultiMap()
        .add("title", "Form pitch, edited").add("summary", "via form").add("capacity", "3"));
    assertEquals(303, edited.statusCode(), edited.bodyAsString());
    String page = captain.getPage(pitchPath).bodyAsString();
    assertTrue(page.contains("Form pitch, edited") && page.contains("edited 1 times"), page);
    assertFalse(page.contains("Remote welcome"), "an unticked box clears remoteOk");

    assertEquals(303, captain.postForm(pitchPath, pitchPath + "/comments",
        MultiMap.caseInsensitiveMultiMap().add("body", "Who wants to pair?")).statusCode());
    assertEquals(303, captain.postForm(pitchPath, pitchPath + "/interest",
        MultiMap.caseInsensitiveMultiMap().add("interested", "true")).statusCode());
    page = captain.getPage(pitchPath).bodyAsString();
    assertTrue(page.contains("Who wants to pair?") && page.contains("1 interested") && page.contains("Remove my interest"), page);
    long commentId = events.get(employee, "/api" + pitchPath + "/comments").bodyAsJsonArray().getJsonObject(0).getLong("id");
    assertEquals(303, captain.postForm(pitchPath, pitchPath + "/comments/" + commentId + "/delete",
        MultiMap.caseInsensitiveMultiMap()).statusCode());
    assertFalse(captain.getPage(pitchPath).bodyAsString().contains("Who wants to pair?"));

    HttpResponse<Buffer> forged = captain.session().post(pitchPath + "/comments").putHeader("Accept", "text/html")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("body", "forged")).await();
    assertEquals(403, forged.statusCode());
    assertEquals(0, Fixture.count("SELECT count(*) FROM pitch_comments"));
  }
}
