package app.shipyard.showcase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("The showcase archive and project pages")
class ShowcaseTest {

  private ShowcaseFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new ShowcaseFixture(vertx);
  }

  private static List<String> titles(JsonArray items) {
    return IntStream.range(0, items.size()).mapToObj(i -> items.getJsonObject(i).getString("title")).toList();
  }

  @Test
  @DisplayName("The archive lists published events newest first, grouped by year, without drafts or events under way")
  void archiveByYear() {
    JsonObject archive = f.getJson(f.emma, "/api/showcase");
    JsonArray groups = archive.getJsonArray("groups");
    assertEquals(2, groups.size(), archive.encodePrettily());
    assertEquals(2026, groups.getJsonObject(0).getInteger("year"));
    assertEquals(List.of("ShipIt Winter 2026"), titles(groups.getJsonObject(0).getJsonArray("events")));
    assertEquals(2025, groups.getJsonObject(1).getInteger("year"));
    assertEquals(List.of("ShipIt Spring 2025"), titles(groups.getJsonObject(1).getJsonArray("events")));
    JsonObject spring = groups.getJsonObject(1).getJsonArray("events").getJsonObject(0);
    assertEquals(3, spring.getInteger("projectCount"), "the hidden pitch is not counted");
    assertEquals(List.of("People's Choice"), titles(spring.getJsonArray("winners")));
    assertEquals("Zeta search", spring.getJsonArray("winners").getJsonObject(0).getString("projectTitle"));
    assertEquals("Beta bot", spring.getJsonArray("finalists").getJsonObject(0).getString("projectTitle"));
    assertEquals(new JsonArray().add(new JsonObject().put("year", 2026).put("events", 1))
        .add(new JsonObject().put("year", 2025).put("events", 1)), archive.getJsonArray("years"));
    JsonObject only2025 = f.getJson(f.emma, "/api/showcase?year=2025");
    assertEquals(1, only2025.getJsonArray("groups").size());
    assertEquals(2025, only2025.getJsonArray("groups").getJsonObject(0).getInteger("year"));

    String page = f.api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/showcase").bodyAsString();
    assertTrue(page.indexOf("ShipIt Winter 2026") < page.indexOf("ShipIt Spring 2025"), page);
    assertFalse(page.contains("Lab 2026") || page.contains("Draft plans") || page.contains("Secret sauce"), page);
    assertTrue(page.contains("action=\"/showcase/search\"") && page.contains("name=\"q\""), "links to the search");
  }

  @Test
  @DisplayName("An event's gallery pins its winners first, then finalists, then every other project by title")
  void winnersPinnedFirst() {
    JsonObject event = f.getJson(f.emma, "/api/showcase/events/" + f.spring);
    assertEquals(List.of("Zeta search", "Beta bot", "Alpha ledger"), titles(event.getJsonArray("projects")));
    assertEquals("winner", event.getJsonArray("projects").getJsonObject(0).getJsonArray("awards").getJsonObject(0)
        .getString("kind"));
    assertEquals(2, event.getJsonArray("projects").getJsonObject(0).getInteger("teamSize"));
    String page = f.api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/showcase/events/" + f.spring).bodyAsString();
    assertTrue(page.indexOf("Zeta search") < page.indexOf("Beta bot") && page.indexOf("Beta bot") < page.indexOf("Alpha ledger"));
  }

  @Test
  @DisplayName("A large gallery comes in pages of 24, with the winners on the first and links to the next")
  void galleryPages() {
    TestShipyard.pool().preparedQuery("""
        INSERT INTO pitches (event_id, captain_id, title, summary, capacity)
        SELECT $1, captain_id, 'Extra ' || lpad(n::text, 2, '0'), 'One more', 4
          FROM pitches, generate_series(1, 25) AS n WHERE id = $2
        """).execute(Tuple.of(f.spring, f.alpha)).await();
    JsonObject first = f.getJson(f.emma, "/api/showcase/events/" + f.spring);
    assertEquals(24, first.getJsonArray("projects").size());
    assertTrue(first.getBoolean("hasMore"));
    assertEquals(List.of("Zeta search", "Beta bot", "Alpha ledger", "Extra 01"),
        titles(first.getJsonArray("projects")).subList(0, 4));
    JsonObject second = f.getJson(f.emma, "/api/showcase/events/" + f.spring + "?page=2");
    assertEquals(List.of("Extra 22", "Extra 23", "Extra 24", "Extra 25"), titles(second.getJsonArray("projects")));
    assertFalse(second.getBoolean("hasMore"));
    assertEquals(400, f.events.get(f.emma, "/api/showcase/events/" + f.spring + "?page=0").statusCode());
    String page = f.api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/showcase/events/" + f.spring).bodyAsString()
        .replace("&#x3D;", "=");
    assertTrue(page.contains("href=\"/showcase/events/" + f.spring + "?page=2\""), page);
  }

  @Test
  @DisplayName("A project page shows its team, demo links, awards and its outcome with the history")
  void projectPage() {
    ShowcaseFixture.ok(f.events.post(f.cara, "/api/projects/" + f.zeta + "/links", new JsonObject().put("kind", "video")
        .put("url", "https://video.example.com/zeta").put("label", "Demo video")));
    ShowcaseFixture.ok(f.events.post(f.cara, "/api/projects/" + f.zeta + "/outcomes",
        ShowcaseFixture.outcome("roadmap", "2025-04-01")));
    ShowcaseFixture.ok(f.events.post(f.organiser, "/api/projects/" + f.zeta + "/outcomes",
        ShowcaseFixture.outcome("shipped", "2025-06-01").put("impactKind", "hours_saved").put("impactValue", 1200)
            .put("impactBasis", "actual").put("link", "https://status.example.com/zeta")));
    JsonObject project = f.getJson(f.otto, "/api/projects/" + f.zeta);
    assertEquals("Zeta search", project.getString("title"));
    assertEquals("/projects/" + f.zeta, project.getString("url"));
    assertEquals(List.of("Cara Chen", "Finn Foster"), project.getJsonArray("team").stream()
        .map(m -> ((JsonObject) m).getString("displayName")).toList());
    assertTrue(project.getJsonArray("team").getJsonObject(0).getBoolean("captain"));
    assertEquals("https://video.example.com/zeta", project.getJsonArray("links").getJsonObject(0).getString("url"));
    assertEquals("People's Choice", project.getJsonArray("awards").getJsonObject(0).getString("title"));
    JsonObject outcome = project.getJsonObject("outcome");
    assertEquals("shipped", outcome.getString("kind"));
    assertEquals(new JsonObject().put("kind", "hours_saved").put("value", 1200).put("estimated", false),
        outcome.getJsonObject("impact"));
    assertEquals(List.of("shipped", "roadmap"), project.getJsonArray("outcomeHistory").stream()
        .map(o -> ((JsonObject) o).getString("kind")).toList());

    String page = f.api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/projects/" + f.zeta).bodyAsString();
    assertTrue(page.contains("Zeta search") && page.contains("Finn Foster") && page.contains("Demo video")
        && page.contains("Shipped to production") && page.contains("1200 hours saved (actual)")
        && page.contains("On a roadmap"), page);
    assertFalse(page.contains("id=\"outcome-form\""), "only the captain and organisers get the form");
    String captains = f.api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/projects/" + f.alpha).bodyAsString();
    assertTrue(captains.contains("id=\"outcome-form\"") && captains.contains("id=\"link-form\""));
    String organisers = f.api.browser().signIn(TestShipyard.ORGANISER).getPage("/projects/" + f.zeta).bodyAsString();
    assertTrue(organisers.contains("id=\"outcome-form\""));
  }

  @Test
  @DisplayName("A project keeps its address after a rename, and an address with a slug redirects to it")
  void stableAddress() {
    long event = f.events.create(new JsonObject().put("title", "ShipIt Autumn 2026"));
    f.events.moveTo(event, "pitching");
    long pitch = f.events.pitch(f.otto, event, new JsonObject().put("title", "Old name"));
    ShowcaseFixture.ok(f.api.client().put("/api/pitches/" + pitch).bearerTokenAuthentication(f.otto)
        .sendJsonObject(new JsonObject().put("title", "New name").put("summary", "Renamed")).await());
    f.events.moveTo(event, "results");
    assertEquals("New name", f.getJson(f.emma, "/api/projects/" + pitch).getString("title"));
    var browser = f.api.browser().signIn(TestShipyard.EMPLOYEE);
    HttpResponse<Buffer> slugged = browser.getPage("/projects/" + pitch + "-old-name");
    assertEquals(301, slugged.statusCode());
    assertEquals("/projects/" + pitch, slugged.getHeader("Location"));
    assertTrue(browser.getPage("/projects/" + pitch).bodyAsString().contains("New name"));
    assertEquals(404, browser.getPage("/projects/0" + pitch).statusCode());
  }

  @Test
  @DisplayName("Employees never see hidden pitches; leadership sees how many there are but not what they are")
  void hiddenPitches() {
    JsonObject employees = f.getJson(f.emma, "/api/showcase/events/" + f.spring);
    assertFalse(employees.containsKey("hiddenPitches"));
    assertFalse(titles(employees.getJsonArray("projects")).contains("Secret sauce"));
    assertTrue(employees.getJsonArray("winners").stream().noneMatch(w -> ((JsonObject) w).getString("title")
        .equals("Judges' Prize")), "an award of a hidden pitch is not shown");
    assertEquals(404, f.events.get(f.emma, "/api/projects/" + f.secret).statusCode());

    JsonObject leaders = f.getJson(f.leadership, "/api/showcase/events/" + f.spring);
    assertEquals(1, leaders.getInteger("hiddenPitches"));
    assertFalse(titles(leaders.getJsonArray("projects")).contains("Secret sauce"));
    JsonObject archive = f.getJson(f.leadership, "/api/showcase");
    assertEquals(1, archive.getJsonArray("groups").getJsonObject(1).getJsonArray("events").getJsonObject(0)
        .getInteger("hiddenPitches"));
    HttpResponse<Buffer> leadersProject = f.events.get(f.leadership, "/api/projects/" + f.secret);
    assertEquals(404, leadersProject.statusCode());
    assertFalse(leadersProject.bodyAsString().contains("Secret"));
    String page = f.api.browser().signIn(TestShipyard.LEADERSHIP).getPage("/showcase/events/" + f.spring).bodyAsString();
    assertTrue(page.contains("1 not shown") && !page.contains("Secret sauce"), page);
  }

  @Test
  @DisplayName("Drafts are not found and events under way are not in the showcase yet")
  void onlyPublishedEvents() {
    HttpResponse<Buffer> draft = f.events.get(f.emma, "/api/showcase/events/" + f.draft);
    assertEquals(404, draft.statusCode());
    assertEquals("That event was not found.", draft.bodyAsJsonObject().getString("error"));
    HttpResponse<Buffer> underWay = f.events.get(f.emma, "/api/showcase/events/" + f.lab);
    assertEquals(409, underWay.statusCode());
    assertTrue(underWay.bodyAsJsonObject().getString("error").contains("Building"));
    assertEquals(409, f.events.get(f.organiser, "/api/showcase/events/" + f.draft).statusCode());
    assertEquals(409, f.events.get(f.emma, "/api/projects/" + f.delta).statusCode());
    var browser = f.api.browser().signIn(TestShipyard.EMPLOYEE);
    assertEquals("/events/" + f.lab, browser.getPage("/showcase/events/" + f.lab).getHeader("Location"));
    assertEquals("/pitches/" + f.delta, browser.getPage("/projects/" + f.delta).getHeader("Location"));
    assertEquals(404, browser.getPage("/showcase/events/" + f.draft).statusCode());
  }

  @Test
  @DisplayName("A published page answers 304 to the ETag it gave, and any change to what it shows gives a new one")
  void conditionalRequests() {
    for (String path : List.of("/api/showcase", "/api/showcase/events/" + f.spring, "/api/projects/" + f.zeta,
        "/api/showcase/shipped", "/showcase/feed.atom")) {
      HttpResponse<Buffer> first = f.events.get(f.emma, path);
      String etag = first.getHeader("ETag");
      assertTrue(etag != null && first.getHeader("Cache-Control").contains("no-cache"), path);
      HttpResponse<Buffer> again = f.api.client().get(path).bearerTokenAuthentication(f.emma)
          .putHeader("If-None-Match", etag).send().await();
      assertEquals(304, again.statusCode(), path);
      assertEquals(etag, again.getHeader("ETag"));
      assertNull(again.body());

      TestShipyard.pool().preparedQuery("UPDATE pitches SET summary = summary || '!' WHERE id = $1")
          .execute(Tuple.of(f.zeta)).await();
      HttpResponse<Buffer> changed = f.api.client().get(path).bearerTokenAuthentication(f.emma)
          .putHeader("If-None-Match", etag).send().await();
      assertEquals(200, changed.statusCode(), path);
      assertNotEquals(etag, changed.getHeader("ETag"), path);
    }
    String before = f.events.get(f.emma, "/api/projects/" + f.alpha).getHeader("ETag");
    ShowcaseFixture.ok(f.events.post(f.emma, "/api/projects/" + f.alpha + "/outcomes",
        ShowcaseFixture.outcome("parked", "2025-05-01")));
    assertNotEquals(before, f.events.get(f.emma, "/api/projects/" + f.alpha).getHeader("ETag"));
    String named = f.events.get(f.emma, "/api/projects/" + f.zeta).getHeader("ETag");
    TestShipyard.pool().preparedQuery("UPDATE people SET display_name = 'Finn Fischer' WHERE email = $1")
        .execute(Tuple.of("finn@test.example")).await();
    HttpResponse<Buffer> renamed = f.api.client().get("/api/projects/" + f.zeta).bearerTokenAuthentication(f.emma)
        .putHeader("If-None-Match", named).send().await();
    assertEquals(200, renamed.statusCode(), "a team member's new name is news for the project page");
    assertTrue(renamed.bodyAsString().contains("Finn Fischer"));
    assertNotEquals(f.events.get(f.emma, "/api/projects/" + f.alpha).getHeader("ETag"),
        f.events.get(f.leadership, "/api/projects/" + f.alpha).getHeader("ETag"), "each viewer has their own tag");

    var browser = f.api.browser().signIn(TestShipyard.EMPLOYEE);
    HttpResponse<Buffer> page = browser.getPage("/projects/" + f.alpha);
    HttpResponse<Buffer> kept = browser.session().get("/projects/" + f.alpha).putHeader("Accept", "text/html")
        .putHeader("If-None-Match", page.getHeader("ETag")).send().await();
    assertEquals(304, kept.statusCode());
  }
}
