package app.shipyard.event;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Organisers edit events")
class EventEditTest {

  private Api api;
  private Events events;
  private String organiser;
  private String employee;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    organiser = events.organiserToken();
    employee = api.token(TestShipyard.EMPLOYEE);
  }

  /** Every field of an edit, as the event was created by {@link Events#create}, with {@code changes} on top. */
  private static JsonObject details(JsonObject changes) {
    return new JsonObject().put("kind", "day").put("title", "ShipIt 7").put("description", "Build **anything**")
        .put("startsAt", "2026-12-01T09:00:00Z").put("endsAt", "2026-12-02T09:00:00Z").put("timeZone", "Europe/Berlin")
        .put("teamMin", 1).put("teamMax", 5).put("teamsPerPerson", 1)
        .put("locationIds", new JsonArray().add(Fixture.locationId("Berlin")).add(Fixture.locationId("Remote")))
        .mergeIn(changes);
  }

  private HttpResponse<Buffer> put(String token, long event, JsonObject body) {
    return api.client().put("/api/events/" + event).bearerTokenAuthentication(token).sendJsonObject(body).await();
  }

  private JsonObject read(long event) {
    return events.get(organiser, "/api/events/" + event).bodyAsJsonObject();
  }

  @Test
  @DisplayName("An organiser changes every detail through the API, and reading the event back shows each change")
  void editThroughApi() {
    long event = events.create(new JsonObject());
    HttpResponse<Buffer> edited = put(organiser, event, details(new JsonObject().put("kind", "lab")
        .put("title", "Lab season 2").put("theme", "Less toil").put("description", "Ship *small* things")
        .put("timeZone", "America/New_York").put("startsAt", "2026-12-03T09:00").put("endsAt", "2027-03-01T17:00")
        .put("teamMin", 2).put("teamMax", 4).put("teamsPerPerson", 2).put("pitchesNeedApproval", true)
        .put("joinByRequest", true)
        .put("locationIds", new JsonArray().add(Fixture.locationId("New York")).add(Fixture.locationId("Sydney")))));
    assertEquals(200, edited.statusCode(), edited.bodyAsString());
    assertEquals("Lab season 2", edited.bodyAsJsonObject().getString("title"));

    JsonObject e = read(event);
    assertEquals("lab", e.getString("kind"));
    assertEquals("Lab season 2", e.getString("title"));
    assertEquals("Less toil", e.getString("theme"));
    assertEquals("Ship *small* things", e.getString("description"));
    assertEquals("America/New_York", e.getString("timeZone"));
    assertEquals("2026-12-03T14:00:00Z", e.getString("startsAt"), "09:00 in New York is 14:00 UTC in December");
    assertEquals("2027-03-01T22:00:00Z", e.getString("endsAt"));
    assertEquals(new JsonArray().add("New York").add("Sydney"), e.getJsonArray("locations"));
    assertEquals(new JsonObject().put("teamMin", 2).put("teamMax", 4).put("teamsPerPerson", 2)
        .put("pitchesNeedApproval", true).put("joinByRequest", true).put("soloAllowed", false), e.getJsonObject("rules"));
  }

  @Test
  @DisplayName("The edit form shows the event as it is, in event time, and saving it changes the overview page")
  void editThroughForm() {
    long event = events.create(new JsonObject().put("pitchesNeedApproval", true));
    Api.Browser browser = api.browser().signIn(TestShipyard.ORGANISER);
    String form = browser.getPage("/events/" + event + "/edit").bodyAsString();
    assertTrue(form.contains("value=\"ShipIt 7\""), form);
    assertTrue(form.contains("name=\"startsAt\" type=\"datetime-local\" required value=\"2026-12-01T10:00\""), form);
    assertTrue(form.contains("name=\"pitchesNeedApproval\" value=\"true\" checked"), form);

    MultiMap fields = MultiMap.caseInsensitiveMultiMap().add("kind", "day").add("title", "ShipIt 8")
        .add("theme", "Customer joy").add("description", "Bring **ideas**").add("timeZone", "Europe/Berlin")
        .add("startsAt", "2026-12-01T11:00").add("endsAt", "2026-12-02T11:00")
        .add("locationIds", String.valueOf(Fixture.locationId("Sydney")))
        .add("teamMin", "2").add("teamMax", "3").add("teamsPerPerson", "1").add("joinByRequest", "true");
    HttpResponse<Buffer> saved = browser.postForm("/events/" + event + "/edit", "/events/" + event, fields);
    assertEquals(303, saved.statusCode(), saved.bodyAsString());
    assertEquals("/events/" + event, saved.getHeader("Location"));

    String page = browser.getPage("/events/" + event).bodyAsString();
    assertTrue(page.contains("<h1>ShipIt 8</h1>"), page);
    assertTrue(page.contains("Bring <strong>ideas</strong>"), page);
    assertTrue(page.contains("Tue 1 Dec 2026, 11:00 (Europe/Berlin)"), page);
    JsonObject e = read(event);
    assertEquals("2026-12-01T10:00:00Z", e.getString("startsAt"));
    assertEquals(new JsonArray().add("Sydney"), e.getJsonArray("locations"));
    assertFalse(e.getJsonObject("rules").getBoolean("pitchesNeedApproval"), "an unticked box turns the rule off");
    assertTrue(e.getJsonObject("rules").getBoolean("joinByRequest"));
  }

  @Test
  @DisplayName("Nothing about an archived event can change: the API and the edit page say it is read-only")
  void archivedIsReadOnly() {
    long event = events.create(new JsonObject());
    events.moveTo(event, "archived");
    HttpResponse<Buffer> refused = put(organiser, event, details(new JsonObject().put("title", "Rewritten history")));
    assertEquals(409, refused.statusCode());
    assertEquals("This event is archived and read-only.", refused.bodyAsJsonObject().getString("error"));
    assertEquals("ShipIt 7", read(event).getString("title"));

    HttpResponse<Buffer> page = api.browser().signIn(TestShipyard.ORGANISER).getPage("/events/" + event + "/edit");
    assertEquals(409, page.statusCode());
    assertTrue(page.bodyAsString().contains("This event is archived and read-only."));
  }

  @Test
  @DisplayName("The largest team size cannot go below a team's size; lowering it to fit shrinks larger pitch capacities")
  void teamMaxBelowATeam() {
    long event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    long pitch = events.pitch(employee, event, new JsonObject().put("title", "Bot").put("capacity", 5));
    for (String joiner : new String[] {TestShipyard.OTHER_EMPLOYEE, "third@test.example"}) {
      String token = joiner.equals(TestShipyard.OTHER_EMPLOYEE) ? api.token(joiner)
          : Events.person(joiner, "Third Person", "Sales", "Berlin");
      assertEquals(200, events.post(token, "/api/pitches/" + pitch + "/join", new JsonObject()).statusCode());
    }

    HttpResponse<Buffer> refused = put(organiser, event, details(new JsonObject().put("teamMax", 2)));
    assertEquals(400, refused.statusCode());
    assertEquals("must be at least 3: the team of \"Bot\" already has 3 members",
        refused.bodyAsJsonObject().getJsonObject("fields").getString("teamMax"));
    assertEquals(5, read(event).getJsonObject("rules").getInteger("teamMax"));

    HttpResponse<Buffer> fits = put(organiser, event, details(new JsonObject().put("teamMax", 3)));
    assertEquals(200, fits.statusCode(), fits.bodyAsString());
    JsonObject bot = events.get(employee, "/api/pitches/" + pitch).bodyAsJsonObject();
    assertEquals(3, bot.getInteger("capacity"));
    assertEquals(0, bot.getInteger("openPlaces"));
  }

  @Test
  @DisplayName("Teams per person cannot go below the number of teams someone is already on")
  void teamsPerPersonBelowSomeone() {
    long event = events.create(new JsonObject().put("teamsPerPerson", 2));
    events.moveTo(event, "pitching");
    events.pitch(employee, event, new JsonObject().put("title", "One"));
    events.pitch(employee, event, new JsonObject().put("title", "Two"));
    HttpResponse<Buffer> refused = put(organiser, event, details(new JsonObject().put("teamsPerPerson", 1)));
    assertEquals(400, refused.statusCode());
    assertEquals("must be at least 2: Emma Employee is already on 2 teams",
        refused.bodyAsJsonObject().getJsonObject("fields").getString("teamsPerPerson"));
  }

  @Test
  @DisplayName("Times and locations may not leave a schedule item out, but an item for everywhere allows any locations, "
      + "even none")
  void scheduleItemsBoundTheEdit() {
    long event = events.create(new JsonObject());
    String path = "/api/events/" + event + "/schedule";
    assertEquals(201, events.post(organiser, path, new JsonObject().put("title", "Kick-off")
        .put("startsAt", "2026-12-01T10:00:00Z").put("endsAt", "2026-12-01T11:00:00Z")).statusCode());
    long lunch = events.post(organiser, path, new JsonObject().put("title", "Lunch").put("locationId",
        Fixture.locationId("Berlin")).put("startsAt", "2026-12-01T11:00:00Z").put("endsAt", "2026-12-01T12:00:00Z"))
        .bodyAsJsonObject().getLong("id");

    JsonObject fields = put(organiser, event, details(new JsonObject().put("endsAt", "2026-12-01T11:30:00Z")
        .put("locationIds", new JsonArray().add(Fixture.locationId("Remote"))))).bodyAsJsonObject().getJsonObject("fields");
    assertEquals("must not be before the end of the schedule item \"Lunch\"; move or remove it first",
        fields.getString("endsAt"));
    assertEquals("must include Berlin, where the schedule item \"Lunch\" takes place", fields.getString("locationIds"));

    assertEquals(204, api.client().delete(path + "/" + lunch).bearerTokenAuthentication(organiser).send().await()
        .statusCode());
    HttpResponse<Buffer> noLocations = put(organiser, event, details(new JsonObject().put("locationIds", new JsonArray())));
    assertEquals(200, noLocations.statusCode(), noLocations.bodyAsString());
    assertEquals(new JsonArray(), read(event).getJsonArray("locationIds"));
  }

  @Test
  @DisplayName("From demos on the team rules are locked, while the title and description may still change")
  void rulesLockedFromDemos() {
    long event = events.create(new JsonObject());
    events.moveTo(event, "demos");
    HttpResponse<Buffer> refused = put(organiser, event, details(new JsonObject().put("teamMax", 6)));
    assertEquals(409, refused.statusCode());
    assertTrue(refused.bodyAsJsonObject().getString("error").startsWith("Teams are locked from Demos on"),
        refused.bodyAsString());
    HttpResponse<Buffer> kind = put(organiser, event, details(new JsonObject().put("kind", "lab")));
    assertEquals(400, kind.statusCode());
    assertEquals("can only change while the event is a draft", kind.bodyAsJsonObject().getJsonObject("fields").getString("kind"));

    HttpResponse<Buffer> retitled = put(organiser, event, details(new JsonObject().put("title", "ShipIt 7: the demos")));
    assertEquals(200, retitled.statusCode(), retitled.bodyAsString());
    assertEquals("ShipIt 7: the demos", read(event).getString("title"));
  }

  @Test
  @DisplayName("Employees may not edit events: the API, the form and the edit page answer 403")
  void employeesMayNotEdit() {
    long event = events.create(new JsonObject());
    HttpResponse<Buffer> api403 = put(employee, event, details(new JsonObject().put("title", "Mine now")));
    assertEquals(403, api403.statusCode());
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    assertEquals(403, browser.getPage("/events/" + event + "/edit").statusCode());
    HttpResponse<Buffer> form = browser.postForm("/events/" + event, "/events/" + event,
        MultiMap.caseInsensitiveMultiMap().add("kind", "day").add("title", "Mine now")
            .add("startsAt", "2026-12-01T10:00").add("endsAt", "2026-12-02T10:00"));
    assertEquals(403, form.statusCode());
    assertEquals("ShipIt 7", read(event).getString("title"));
  }

  @Test
  @DisplayName("Bad input is refused with 400 and a message for each field, and nothing changes")
  void badInput() {
    long event = events.create(new JsonObject());
    HttpResponse<Buffer> refused = put(organiser, event, details(new JsonObject().put("title", "  ").put("kind", "party")
        .put("timeZone", "Mars/Olympus").put("teamMin", 4).put("teamMax", 3).put("teamsPerPerson", 9)
        .put("startsAt", "2026-12-02T09:00:00Z").put("endsAt", "2026-12-01T09:00:00Z")
        .put("locationIds", new JsonArray().add(9999))));
    assertEquals(400, refused.statusCode());
    JsonObject fields = refused.bodyAsJsonObject().getJsonObject("fields");
    assertEquals("is required", fields.getString("title"));
    assertEquals("must be day or lab", fields.getString("kind"));
    assertEquals("is not a known time zone (e.g. Europe/Berlin)", fields.getString("timeZone"));
    assertEquals("must be at least teamMin", fields.getString("teamMax"));
    assertEquals("must be a whole number from 1 to 5", fields.getString("teamsPerPerson"));
    assertEquals("must be after the start", fields.getString("endsAt"));

    HttpResponse<Buffer> unknownPlace = put(organiser, event, details(new JsonObject()
        .put("locationIds", new JsonArray().add(9999))));
    assertEquals(400, unknownPlace.statusCode());
    assertEquals("contains an id that is not a known location",
        unknownPlace.bodyAsJsonObject().getJsonObject("fields").getString("locationIds"));
    assertEquals(details(new JsonObject()).getString("title"), read(event).getString("title"));
    assertEquals(new JsonArray().add("Berlin").add("Remote"), read(event).getJsonArray("locations"));

    HttpResponse<Buffer> missing = put(organiser, 987654, details(new JsonObject()));
    assertEquals(404, missing.statusCode());
  }
}
