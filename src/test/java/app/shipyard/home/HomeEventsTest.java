package app.shipyard.home;

import static app.shipyard.home.HomeReading.card;
import static app.shipyard.home.HomeReading.empty;
import static app.shipyard.home.HomeReading.entries;
import static app.shipyard.home.HomeReading.requiredCard;
import static app.shipyard.home.HomeReading.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The home page's events card. Events are in Berlin time (UTC+1 in winter); the viewer is moved to Sydney (AEDT,
 * UTC+11, in the southern summer), so every time is shown in Sydney time with the event's Berlin time alongside.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Home page: events under way, their next date, and what needs the organisers")
class HomeEventsTest {

  private Api api;
  private Events events;
  private HomeReading home;
  private String employee;
  private String organiser;

  @BeforeEach
  void setUp(Vertx vertx) {
    home = HomeReading.fresh(vertx);
    api = home.api();
    events = home.events();
    employee = api.token(TestShipyard.EMPLOYEE);
    organiser = events.organiserToken();
    sql("UPDATE people SET location_id = (SELECT id FROM locations WHERE name = 'Sydney') WHERE email = $1",
        TestShipyard.EMPLOYEE);
  }

  private long event(String title, Object startsAt, Object endsAt, String phase) {
    long id = events.create(new JsonObject().put("title", title).put("startsAt", startsAt.toString())
        .put("endsAt", endsAt.toString()));
    events.moveTo(id, phase);
    return id;
  }

  private void schedule(long event, String title, Object startsAt, Object endsAt, Integer locationId) {
    HttpResponse<Buffer> added = events.post(organiser, "/api/events/" + event + "/schedule", new JsonObject()
        .put("title", title).put("startsAt", startsAt.toString()).put("endsAt", endsAt.toString())
        .put("locationId", locationId));
    assertEquals(201, added.statusCode(), added.bodyAsString());
  }

  @Test
  @DisplayName("Someone signed out who opens the home page is sent to sign in")
  void signedOut() {
    HttpResponse<Buffer> response = api.get("/").putHeader("Accept", "text/html").send().await();
    assertEquals(302, response.statusCode());
    assertTrue(response.getHeader("Location").startsWith("/sign-in"), response.getHeader("Location"));
  }

  @Test
  @DisplayName("With no events, an employee is told nothing is under way and pointed to all events; an organiser to "
      + "creating one")
  void noEvents() {
    String mine = requiredCard(home.page(employee), "events");
    assertTrue(mine.contains("Happening now"), mine);
    assertEquals(List.of(), entries(mine));
    assertEquals("No event is under way right now. See all events.", empty(mine).orElseThrow());
    assertTrue(mine.contains("<a href=\"/events\">See all events</a>"), mine);

    String theirs = requiredCard(home.page(organiser), "events");
    assertTrue(theirs.contains("Events you run"), theirs);
    assertEquals("No event is under way right now. Create an event.", empty(theirs).orElseThrow());
    assertTrue(theirs.contains("<a href=\"/events/new\">Create an event</a>"), theirs);
  }

  @Test
  @DisplayName("Drafts are listed only for organisers and admins, and archived events for nobody")
  void draftsAndArchive() {
    event("Still a draft", "2027-02-01T09:00:00Z", "2027-02-02T09:00:00Z", "draft");
    event("Long gone", "2026-01-01T09:00:00Z", "2026-01-02T09:00:00Z", "archived");
    long open = event("Open for pitches", "2027-03-01T09:00:00Z", "2027-03-02T09:00:00Z", "pitching");

    for (String token : List.of(employee, api.token(TestShipyard.LEADERSHIP))) {
      List<String> seen = entries(requiredCard(home.page(token), "events"));
      assertEquals(1, seen.size(), seen.toString());
      assertTrue(seen.get(0).startsWith("Open for pitches Pitching ShipIt day"), seen.toString());
      assertTrue(seen.get(0).endsWith("Pitch an idea or browse the pitches"), seen.toString());
    }
    assertTrue(requiredCard(home.page(employee), "events")
        .contains("<a href=\"/events/" + open + "/pitches\">Pitch an idea or browse the pitches</a>"));

    for (String token : List.of(organiser, api.token(TestShipyard.ADMIN))) {
      List<String> seen = entries(requiredCard(home.page(token), "events"));
      assertEquals(2, seen.size(), seen.toString());
      assertTrue(seen.get(0).startsWith("Still a draft Draft"), seen.toString());
      assertTrue(seen.get(0).contains("draft only organisers see it"), seen.toString());
      assertTrue(seen.get(0).endsWith("Open it for pitches"), seen.toString());
      assertTrue(seen.get(1).startsWith("Open for pitches Pitching"), seen.toString());
      assertFalse(String.join(" ", seen).contains("Long gone"), seen.toString());
    }
  }

  @Test
  @DisplayName("The next date is the next schedule item in the viewer's time zone with the event's time alongside, "
      + "else the event's start")
  void nextDateInTheViewersZone() {
    long demo = event("Demo week", "2027-03-01T08:00:00Z", "2027-03-03T08:00:00Z", "pitching");
    schedule(demo, "Demo session", "2027-03-02T14:00:00Z", "2027-03-02T15:00:00Z", null);
    event("Spring day", "2027-02-01T09:00:00Z", "2027-02-02T09:00:00Z", "pitching");

    List<String> seen = entries(requiredCard(home.page(employee), "events"));
    assertEquals(List.of(
        "Spring day Pitching ShipIt day Starts · Mon 1 Feb 2027, 20:00 (Australia/Sydney) "
            + "(event time: Mon 1 Feb 2027, 10:00 (Europe/Berlin)) Pitch an idea or browse the pitches",
        "Demo week Pitching ShipIt day Next: Demo session · Wed 3 Mar 2027, 01:00–02:00 (Australia/Sydney) "
            + "(event time: Tue 2 Mar 2027, 15:00–16:00 (Europe/Berlin)) Pitch an idea or browse the pitches"), seen);

    sql("UPDATE people SET location_id = (SELECT id FROM locations WHERE name = 'Berlin') WHERE email = $1",
        TestShipyard.EMPLOYEE);
    String berlin = entries(requiredCard(home.page(employee), "events")).get(1);
    assertTrue(berlin.contains("Next: Demo session · Tue 2 Mar 2027, 15:00–16:00 (Europe/Berlin) Pitch"), berlin);
    assertFalse(berlin.contains("event time"), berlin);
  }

  @Test
  @DisplayName("An item under way reads \"Now\", ended items are skipped, and items at another location are not the "
      + "viewer's next date")
  void itemsUnderWayEndedAndElsewhere() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    long day = event("Hack day", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), "building");
    schedule(day, "Kick-off", now.minus(Duration.ofDays(1)), now.minus(Duration.ofHours(20)), null);
    schedule(day, "Hacking", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)), null);
    long lab = events.create(new JsonObject().put("title", "Sydney lab")
        .put("startsAt", "2027-03-01T08:00:00Z").put("endsAt", "2027-03-03T08:00:00Z")
        .put("locationIds", new io.vertx.core.json.JsonArray().add(Fixture.locationId("Berlin"))
            .add(Fixture.locationId("Sydney"))));
    events.moveTo(lab, "pitching");
    schedule(lab, "Berlin breakfast", "2027-03-01T08:00:00Z", "2027-03-01T09:00:00Z", Fixture.locationId("Berlin"));
    schedule(lab, "Demo in Sydney", "2027-03-01T22:00:00Z", "2027-03-01T23:00:00Z", Fixture.locationId("Sydney"));

    List<String> seen = entries(requiredCard(home.page(employee), "events"));
    assertEquals(2, seen.size(), seen.toString());
    assertTrue(seen.get(0).startsWith("Hack day Building ShipIt day Now: Hacking · "), seen.toString());
    assertTrue(seen.get(0).endsWith("See the teams"), seen.toString());
    assertTrue(seen.get(1).startsWith("Sydney lab Pitching ShipIt day Next: Demo in Sydney · Tue 2 Mar 2027, 09:00–10:00 "
        + "(Australia/Sydney)"), seen.toString());

    sql("UPDATE people SET location_id = (SELECT id FROM locations WHERE name = 'Berlin') WHERE email = $1",
        TestShipyard.EMPLOYEE);
    assertTrue(entries(requiredCard(home.page(employee), "events")).get(1)
        .startsWith("Sydney lab Pitching ShipIt day Next: Berlin breakfast · Mon 1 Mar 2027, 09:00–10:00 (Europe/Berlin)"));
  }

  @Test
  @DisplayName("Without schedule items an event under way shows its end, and one past its end shows that it ended; "
      + "soonest first, ended last")
  void endsAndEnded() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    event("Over", now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(1)), "results");
    event("Later", "2027-03-01T09:00:00Z", "2027-03-02T09:00:00Z", "pitching");
    event("Running", now.minus(Duration.ofDays(1)), "2027-01-15T17:00:00Z", "team_forming");

    List<String> seen = entries(requiredCard(home.page(employee), "events"));
    assertEquals(3, seen.size(), seen.toString());
    assertTrue(seen.get(0).startsWith("Running Team forming ShipIt day Ends · Sat 16 Jan 2027, 04:00 (Australia/Sydney) "
        + "(event time: Fri 15 Jan 2027, 18:00 (Europe/Berlin))"), seen.toString());
    assertTrue(seen.get(0).endsWith("Find a team with open places"), seen.toString());
    assertTrue(seen.get(1).startsWith("Later Pitching ShipIt day Starts · "), seen.toString());
    assertTrue(seen.get(2).startsWith("Over Results ShipIt day Ended · "), seen.toString());
    assertTrue(seen.get(2).endsWith("See the event"), seen.toString());
  }

  @Test
  @DisplayName("At most five events are listed, with a link to all of them")
  void capped() {
    for (int i = 1; i <= 7; i++) {
      event("Day " + i, "2027-0" + i + "-01T09:00:00Z", "2027-0" + i + "-02T09:00:00Z", "pitching");
    }
    String card = requiredCard(home.page(employee), "events");
    List<String> seen = entries(card);
    assertEquals(5, seen.size(), seen.toString());
    for (int i = 1; i <= 5; i++) {
      assertTrue(seen.get(i - 1).startsWith("Day " + i + " "), seen.toString());
    }
    assertTrue(card.contains("<a href=\"/events\">All 7 events under way</a>"), card);

    sql("DELETE FROM events WHERE title IN ('Day 6', 'Day 7')");
    assertFalse(requiredCard(home.page(employee), "events").contains("events under way</a>"));
  }

  @Test
  @DisplayName("Organisers see what needs them in each event, with the same counts as the dashboard, and where to act")
  void whatNeedsTheOrganisers() {
    long busy = events.create(new JsonObject().put("title", "Busy").put("teamMin", 2).put("pitchesNeedApproval", true)
        .put("startsAt", "2027-02-01T09:00:00Z").put("endsAt", "2027-02-02T09:00:00Z"));
    events.moveTo(busy, "pitching");
    long waiting = events.pitch(employee, busy, new JsonObject().put("title", "Waiting"));
    long approved = events.pitch(api.token(TestShipyard.OTHER_EMPLOYEE), busy, new JsonObject().put("title", "Approved"));
    assertEquals(200, events.post(organiser, "/api/pitches/" + approved + "/approve", new JsonObject()).statusCode());
    long calm = event("Calm", "2027-03-01T09:00:00Z", "2027-03-02T09:00:00Z", "pitching");

    JsonObject dashboard = events.get(organiser, "/api/events/" + busy + "/dashboard").bodyAsJsonObject();
    long awaiting = dashboard.getJsonObject("pitches").getLong("awaitingApproval");
    long small = dashboard.getJsonObject("teams").getLong("belowMinimum");
    assertEquals(1, awaiting);
    assertEquals(2, small);

    String card = requiredCard(home.page(organiser), "events");
    List<String> seen = entries(card);
    assertTrue(seen.get(0).contains("Needs you: pitches awaiting approval: " + awaiting + " · teams below minimum: "
        + small + " · Dashboard"), seen.toString());
    assertTrue(card.contains("<a href=\"/events/" + busy + "/pitches\" class=\"awaiting\">"), card);
    assertTrue(card.contains("<a href=\"/events/" + busy + "/dashboard#small-teams\" class=\"below-minimum\">"), card);
    assertTrue(seen.get(1).contains("Nothing needs you here. · Dashboard"), seen.toString());
    assertTrue(card.contains("<a href=\"/events/" + calm + "/dashboard\">Dashboard</a>"), card);

    assertEquals(200, events.post(organiser, "/api/pitches/" + waiting + "/approve", new JsonObject()).statusCode());
    assertTrue(entries(requiredCard(home.page(organiser), "events")).get(0)
        .contains("Needs you: teams below minimum: 2 · Dashboard"));

    String employeeCard = requiredCard(home.page(employee), "events");
    assertFalse(employeeCard.contains("Needs you") || employeeCard.contains("Nothing needs you")
        || employeeCard.contains("/dashboard"), employeeCard);
  }

  @Test
  @DisplayName("Titles and names are escaped: markup in an event or pitch title shows as text")
  void escaped() {
    long id = event("<script>alert('x')</script> & \"Co\"", "2027-02-01T09:00:00Z", "2027-02-02T09:00:00Z",
        "pitching");
    events.pitch(employee, id, new JsonObject().put("title", "<img src=x onerror=alert(1)>"));
    String page = home.page(employee);
    assertFalse(page.contains("<script>alert"), page);
    assertFalse(page.contains("<img src=x"), page);
    assertTrue(page.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Co&quot;"), page);
    assertTrue(entries(requiredCard(page, "my-teams")).get(0).startsWith("<img src=x onerror=alert(1)> captain"));
    assertTrue(card(page, "events").isPresent());
  }
}
