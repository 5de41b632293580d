package app.shipyard.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Event schedules and the calendar export")
class ScheduleAndCalendarTest {

  private Api api;
  private Events events;
  private String organiser;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    organiser = events.organiserToken();
  }

  private HttpResponse<Buffer> add(String token, long event, JsonObject item) {
    return events.post(token, "/api/events/" + event + "/schedule", item);
  }

  private HttpResponse<Buffer> remove(String token, long event, long item) {
    return api.client().delete("/api/events/" + event + "/schedule/" + item).bearerTokenAuthentication(token).send().await();
  }

  private static JsonObject item(String title, String starts, String ends) {
    return new JsonObject().put("title", title).put("startsAt", starts).put("endsAt", ends);
  }

  private JsonArray schedule(long event) {
    HttpResponse<Buffer> listed = events.get(api.token(TestShipyard.EMPLOYEE), "/api/events/" + event + "/schedule");
    assertEquals(200, listed.statusCode());
    return listed.bodyAsJsonArray();
  }

  @Test
  @DisplayName("Organisers add and remove schedule items; local times are read in event time; the list is in time order")
  void scheduleCrud() {
    long event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    HttpResponse<Buffer> demo = add(organiser, event, item("Demo session", "2026-12-02T09:00", "2026-12-02T10:00")
        .put("locationId", Fixture.locationId("Berlin")));
    assertEquals(201, demo.statusCode(), demo.bodyAsString());
    JsonObject created = demo.bodyAsJsonObject();
    assertEquals("2026-12-02T08:00:00Z", created.getString("startsAt"), "09:00 in Berlin is 08:00 UTC");
    assertEquals("2026-12-02T09:00:00Z", created.getString("endsAt"));
    assertEquals("Berlin", created.getJsonObject("location").getString("name"));
    long kickOff = add(organiser, event, item("Hacking starts", "2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z"))
        .bodyAsJsonObject().getLong("id");

    JsonArray listed = schedule(event);
    assertEquals(List.of("Hacking starts", "Demo session"), titles(listed));
    assertEquals(null, listed.getJsonObject(0).getValue("location"));

    assertEquals(204, remove(organiser, event, kickOff).statusCode());
    assertEquals(List.of("Demo session"), titles(schedule(event)));
    HttpResponse<Buffer> again = remove(organiser, event, kickOff);
    assertEquals(404, again.statusCode());
    assertEquals("That schedule item was not found.", again.bodyAsJsonObject().getString("error"));
  }

  @Test
  @DisplayName("Items outside the event, at a location not taking part, ending before they start, or by employees are refused")
  void scheduleRefusals() {
    long event = events.create(new JsonObject());
    long other = events.create(new JsonObject().put("title", "Another event"));
    HttpResponse<Buffer> outside = add(organiser, event, item("Too early", "2026-12-01T08:00:00Z", "2026-12-02T10:00:00Z"));
    assertEquals(400, outside.statusCode());
    JsonObject fields = outside.bodyAsJsonObject().getJsonObject("fields");
    assertEquals("must not be before the event starts (Tue 1 Dec 2026, 10:00 (Europe/Berlin))", fields.getString("startsAt"));
    assertEquals("must not be after the event ends (Wed 2 Dec 2026, 10:00 (Europe/Berlin))", fields.getString("endsAt"));

    HttpResponse<Buffer> elsewhere = add(organiser, event, item("Sydney demo", "2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z")
        .put("locationId", Fixture.locationId("Sydney")));
    assertEquals(400, elsewhere.statusCode());
    assertEquals("must be one of the event's locations",
        elsewhere.bodyAsJsonObject().getJsonObject("fields").getString("locationId"));

    HttpResponse<Buffer> backwards = add(organiser, event, item("", "2026-12-01T11:00:00Z", "2026-12-01T10:00:00Z"));
    assertEquals(400, backwards.statusCode());
    assertEquals("must be after the start", backwards.bodyAsJsonObject().getJsonObject("fields").getString("endsAt"));
    assertEquals("is required", backwards.bodyAsJsonObject().getJsonObject("fields").getString("title"));

    String employee = api.token(TestShipyard.EMPLOYEE);
    assertEquals(403, add(employee, event, item("Mine", "2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z")).statusCode());
    long kept = add(organiser, event, item("Lunch", "2026-12-01T11:00:00Z", "2026-12-01T12:00:00Z")).bodyAsJsonObject().getLong("id");
    assertEquals(403, remove(employee, event, kept).statusCode());
    assertEquals(404, remove(organiser, other, kept).statusCode(), "an item is only removed through its own event");
    assertEquals(0, Fixture.count("SELECT count(*) FROM event_schedule WHERE event_id = $1", other));

    HttpResponse<Buffer> moved = api.client().put("/api/events/" + event).bearerTokenAuthentication(organiser)
        .sendJsonObject(new JsonObject().put("kind", "day").put("title", "ShipIt 7").put("timeZone", "Europe/Berlin")
            .put("startsAt", "2026-12-01T11:30:00Z").put("endsAt", "2026-12-02T09:00:00Z")).await();
    assertEquals(400, moved.statusCode(), "the event cannot move away from its schedule");
    assertEquals("must not be after the start of the schedule item \"Lunch\"; move or remove it first",
        moved.bodyAsJsonObject().getJsonObject("fields").getString("startsAt"));

    events.moveTo(event, "archived");
    HttpResponse<Buffer> archived = add(organiser, event, item("Late", "2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z"));
    assertEquals(409, archived.statusCode());
    assertEquals("This event is archived and read-only.", archived.bodyAsJsonObject().getString("error"));
    assertEquals(409, remove(organiser, event, kept).statusCode());
    assertEquals(List.of("Lunch"), titles(schedule(event)));
  }

  @Test
  @DisplayName("Organisers use the forms on the overview page to add and remove items; employees see the schedule without forms")
  void scheduleThroughForms() {
    long event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    Api.Browser browser = api.browser().signIn(TestShipyard.ORGANISER);
    HttpResponse<Buffer> added = browser.postForm("/events/" + event, "/events/" + event + "/schedule",
        MultiMap.caseInsensitiveMultiMap().add("title", "Demo session").add("startsAt", "2026-12-02T09:00")
            .add("endsAt", "2026-12-02T10:00").add("locationId", String.valueOf(Fixture.locationId("Remote"))));
    assertEquals(303, added.statusCode(), added.bodyAsString());
    assertEquals("/events/" + event + "#schedule", added.getHeader("Location"));
    String page = browser.getPage("/events/" + event).bodyAsString();
    assertTrue(page.contains("<strong>Demo session</strong> · Wed 2 Dec 2026, 09:00–10:00 (Europe/Berlin) · Remote"), page);
    assertTrue(page.contains("href=\"/events/" + event + "/calendar.ics\""), page);
    long id = schedule(event).getJsonObject(0).getLong("id");
    assertTrue(page.contains("action=\"/events/" + event + "/schedule/" + id + "/delete\""), page);

    String employeeView = api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/events/" + event).bodyAsString();
    assertTrue(employeeView.contains("Demo session"));
    assertFalse(employeeView.contains("/schedule/" + id + "/delete"), employeeView);
    assertFalse(employeeView.contains("id=\"schedule-form\""), employeeView);

    HttpResponse<Buffer> removed = browser.postForm("/events/" + event, "/events/" + event + "/schedule/" + id + "/delete",
        MultiMap.caseInsensitiveMultiMap());
    assertEquals(303, removed.statusCode());
    assertTrue(browser.getPage("/events/" + event).bodyAsString().contains("Nothing scheduled yet."));
  }

  @Test
  @DisplayName("The calendar export has the event and each schedule item in UTC with stable UIDs, escaped text and folded lines")
  void calendarExport() throws Exception {
    String title = "Hack, plan; ship \\ repeat\nDay two";
    String description = "Über-long description with non-ASCII text: " + "Größe, Straße; €uro ".repeat(12).strip();
    long event = events.create(new JsonObject().put("title", title).put("theme", "Fix the onboarding")
        .put("description", description));
    events.moveTo(event, "pitching");
    long item = add(organiser, event, item("Demo session", "2026-12-02T07:00:00Z", "2026-12-02T08:30:00Z")
        .put("locationId", Fixture.locationId("Berlin"))).bodyAsJsonObject().getLong("id");

    HttpResponse<Buffer> response = events.get(api.token(TestShipyard.EMPLOYEE), "/events/" + event + "/calendar.ics");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("text/calendar; charset=utf-8", response.getHeader("Content-Type"));
    String ics = response.bodyAsString(StandardCharsets.UTF_8.name());

    assertTrue(ics.contains("SUMMARY:Hack\\, plan\\; ship \\\\ repeat\\nDay two\r\n"), ics);
    assertTrue(ics.contains("\r\nDTSTART:20261201T090000Z\r\n"), ics);
    for (String line : ics.split("\r\n")) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "line longer than 75 octets: " + line);
    }
    assertTrue(ics.lines().anyMatch(l -> l.startsWith(" ")), "the long description is folded");

    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    Map<String, VEvent> byUid = calendar.<VEvent>getComponents("VEVENT").stream()
        .collect(Collectors.toMap(v -> v.getUid().orElseThrow().getValue(), Function.identity()));
    assertEquals(2, byUid.size());
    VEvent whole = byUid.get("event-" + event + "@shipyard");
    assertNotNull(whole, byUid.keySet().toString());
    assertEquals(title, whole.getSummary().getValue());
    assertEquals("Fix the onboarding\n\n" + description, whole.getDescription().getValue());
    assertEquals("Berlin, Remote", whole.getLocation().getValue());
    assertEquals(Instant.parse("2026-12-01T09:00:00Z"), instant(whole.getStartDate().orElseThrow().getDate()));
    assertEquals(Instant.parse("2026-12-02T09:00:00Z"), instant(whole.getEndDate().orElseThrow().getDate()));
    assertTrue(whole.getUrl().getValue().endsWith("/events/" + event), whole.getUrl().getValue());
    assertTrue(whole.getDateStamp().isPresent());

    VEvent demo = byUid.get("schedule-" + item + "@shipyard");
    assertNotNull(demo, byUid.keySet().toString());
    assertEquals("Demo session", demo.getSummary().getValue());
    assertEquals("Berlin", demo.getLocation().getValue());
    assertEquals(Instant.parse("2026-12-02T07:00:00Z"), instant(demo.getStartDate().orElseThrow().getDate()));
    assertEquals(Instant.parse("2026-12-02T08:30:00Z"), instant(demo.getEndDate().orElseThrow().getDate()));

    String again = events.get(organiser, "/events/" + event + "/calendar.ics").bodyAsString();
    assertTrue(again.contains("UID:event-" + event + "@shipyard") && again.contains("UID:schedule-" + item + "@shipyard"),
        "UIDs stay the same from one download to the next");
  }

  @Test
  @DisplayName("The calendar export needs sign-in, and an unknown event is not found")
  void calendarNeedsSignIn() {
    long event = events.create(new JsonObject());
    HttpResponse<Buffer> anonymous = api.client().get("/events/" + event + "/calendar.ics").send().await();
    assertEquals(302, anonymous.statusCode());
    assertTrue(anonymous.getHeader("Location").startsWith("/sign-in"));
    assertEquals(404, events.get(organiser, "/events/987654/calendar.ics").statusCode());
  }

  private static Instant instant(Temporal t) {
    return Instant.from(t);
  }

  private static List<String> titles(JsonArray items) {
    return items.stream().map(o -> ((JsonObject) o).getString("title")).toList();
  }
}
