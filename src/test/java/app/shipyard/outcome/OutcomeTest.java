package app.shipyard.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.showcase.ShowcaseFixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Project outcomes and demo links")
class OutcomeTest {

  private ShowcaseFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new ShowcaseFixture(vertx);
  }

  private HttpResponse<Buffer> record(String token, long pitch, JsonObject body) {
    return f.events.post(token, "/api/projects/" + pitch + "/outcomes", body);
  }

  private static JsonObject fields(HttpResponse<Buffer> response) {
    assertEquals(400, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getJsonObject("fields");
  }

  @Test
  @DisplayName("A captain records an outcome with its impact, an organiser a later one; both are kept, the newest is current")
  void captainAndOrganiserRecord() {
    HttpResponse<Buffer> first = record(f.emma, f.alpha, ShowcaseFixture.outcome("roadmap", "2025-04-02")
        .put("note", "On the finance roadmap for Q3").put("link", "https://roadmap.example.com/alpha"));
    assertEquals(201, first.statusCode(), first.bodyAsString());
    JsonObject recorded = first.bodyAsJsonObject();
    assertEquals("roadmap", recorded.getString("kind"));
    assertEquals("2025-04-02", recorded.getString("happenedOn"));
    assertEquals("Emma Employee", recorded.getJsonObject("recordedBy").getString("displayName"));
    assertEquals(201, record(f.organiser, f.alpha, ShowcaseFixture.outcome("shipped", "2025-09-15")
        .put("impactKind", "cost_avoided").put("impactValue", "25000.50").put("impactBasis", "estimated"))
        .statusCode());
    JsonObject project = f.getJson(f.otto, "/api/projects/" + f.alpha);
    assertEquals("shipped", project.getJsonObject("outcome").getString("kind"));
    assertEquals(new JsonObject().put("kind", "cost_avoided").put("value", 25000.5).put("estimated", true),
        project.getJsonObject("outcome").getJsonObject("impact"));
    assertEquals(2, project.getJsonArray("outcomeHistory").size());
    assertEquals("On the finance roadmap for Q3", project.getJsonArray("outcomeHistory").getJsonObject(1)
        .getString("note"));
  }

  @Test
  @DisplayName("Only the project's captain or an organiser records its outcome; others are refused and nothing is kept")
  void wrongRole() {
    HttpResponse<Buffer> other = record(f.otto, f.alpha, ShowcaseFixture.outcome("shipped", "2025-04-02"));
    assertEquals(403, other.statusCode());
    assertEquals("Only the project's captain or an organiser can record its outcome.",
        other.bodyAsJsonObject().getString("error"));
    assertEquals(403, record(f.leadership, f.alpha, ShowcaseFixture.outcome("shipped", "2025-04-02")).statusCode());
    assertEquals(404, record(f.emma, f.secret, ShowcaseFixture.outcome("shipped", "2025-04-02")).statusCode(),
        "a hidden pitch is not found by anyone but its captain and organisers");
    HttpResponse<Buffer> underWay = record(f.otto, f.delta, ShowcaseFixture.outcome("shipped", "2026-07-01"));
    assertEquals(409, underWay.statusCode());
    assertTrue(underWay.bodyAsJsonObject().getString("error").contains("once their event has its results"));
    assertTrue(f.getJson(f.emma, "/api/projects/" + f.alpha).getJsonArray("outcomeHistory").isEmpty());
  }

  @Test
  @DisplayName("Bad kinds, dates, links and impacts are refused with a message for each field")
  void refusals() {
    assertEquals(Map.of("kind", "is required", "happenedOn", "is required"),
        fields(record(f.emma, f.alpha, new JsonObject())).getMap());
    JsonObject bad = fields(record(f.emma, f.alpha, new JsonObject().put("kind", "done").put("happenedOn", "2025-13-01")
        .put("link", "ftp://files.example.com/alpha").put("impactKind", "karma").put("impactValue", -5)));
    assertEquals("must be shipped, roadmap, lab, spun_off or parked", bad.getString("kind"));
    assertEquals("must be a date like 2026-05-01", bad.getString("happenedOn"));
    assertEquals("must be an http or https address", bad.getString("link"));
    assertEquals("must be hours_saved, cost_avoided, revenue or customers_reached", bad.getString("impactKind"));
    assertEquals("must be a number of at least 0, like 1250 or 99.50", bad.getString("impactValue"));
    assertEquals("must be estimated or actual", bad.getString("impactBasis"));
    String tomorrow = LocalDate.now().plusDays(2).toString();
    assertEquals("must not be in the future", fields(record(f.emma, f.alpha,
        ShowcaseFixture.outcome("shipped", tomorrow))).getString("happenedOn"));
    assertEquals("must not be before the event started (2025-03-04)", fields(record(f.emma, f.alpha,
        ShowcaseFixture.outcome("shipped", "2025-03-01"))).getString("happenedOn"));
    JsonObject impact = fields(record(f.emma, f.alpha, ShowcaseFixture.outcome("shipped", "2025-04-01")
        .put("impactKind", "revenue").put("impactValue", 10.125).put("impactBasis", "actual")));
    assertEquals(Map.of("impactValue", "may have at most 2 decimals"), impact.getMap());
    assertEquals(Map.of("impactKind", "is required with an impact value or basis"), fields(record(f.emma, f.alpha,
        ShowcaseFixture.outcome("shipped", "2025-04-01").put("impactValue", 12))).getMap());
    assertEquals(Map.of("impactValue", "is required with an impact kind"), fields(record(f.emma, f.alpha,
        ShowcaseFixture.outcome("shipped", "2025-04-01").put("impactKind", "revenue").put("impactBasis", "actual")))
        .getMap());
    assertTrue(f.getJson(f.emma, "/api/projects/" + f.alpha).getJsonArray("outcomeHistory").isEmpty());
  }

  @Test
  @DisplayName("The project page's form records an outcome, and shows a bad one's problems by field")
  void form() {
    var browser = f.api.browser().signIn(TestShipyard.EMPLOYEE);
    String page = "/projects/" + f.alpha;
    HttpResponse<Buffer> refused = browser.postForm(page, page + "/outcomes", MultiMap.caseInsensitiveMultiMap()
        .add("kind", "shipped").add("happenedOn", "yesterday").add("impactKind", "").add("impactValue", ""));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("happenedOn") && refused.bodyAsString()
        .contains("must be a date like 2026-05-01"), refused.bodyAsString());
    HttpResponse<Buffer> done = browser.postForm(page, page + "/outcomes", MultiMap.caseInsensitiveMultiMap()
        .add("kind", "shipped").add("happenedOn", "2025-05-05").add("impactKind", "hours_saved")
        .add("impactValue", "320").add("impactBasis", "estimated").add("note", "Used by all of finance"));
    assertEquals(303, done.statusCode(), done.bodyAsString());
    assertEquals(page + "#outcome", done.getHeader("Location"));
    assertTrue(browser.getPage(page).bodyAsString().contains("320 hours saved (estimated)"));
  }

  @Test
  @DisplayName("Everything that shipped lists the projects whose current outcome is shipped, latest first")
  void shippedView() {
    record(f.emma, f.alpha, ShowcaseFixture.outcome("shipped", "2025-04-01"));
    record(f.emma, f.alpha, ShowcaseFixture.outcome("parked", "2025-08-01"));
    record(f.otto, f.beta, ShowcaseFixture.outcome("shipped", "2025-05-01"));
    record(f.emma, f.gamma, ShowcaseFixture.outcome("shipped", "2026-02-01").put("impactKind", "customers_reached")
        .put("impactValue", 4000).put("impactBasis", "actual"));
    record(f.organiser, f.secret, ShowcaseFixture.outcome("shipped", "2025-06-01"));
    JsonArray shipped = f.getJson(f.leadership, "/api/showcase/shipped").getJsonArray("projects");
    assertEquals(List.of("Gamma", "Beta bot"), shipped.stream().map(p -> ((JsonObject) p).getString("title")).toList(),
        "parked since, or hidden, is not listed");
    assertEquals(4000, shipped.getJsonObject(0).getJsonObject("outcome").getJsonObject("impact").getInteger("value"));
    String page = f.api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/showcase/shipped").bodyAsString();
    assertTrue(page.indexOf("Gamma") < page.indexOf("Beta bot") && !page.contains("Alpha ledger"), page);
  }

  @Test
  @DisplayName("Captains and organisers keep a project's demo links; bad links and other people are refused")
  void demoLinks() {
    String path = "/api/projects/" + f.alpha + "/links";
    HttpResponse<Buffer> added = f.events.post(f.emma, path, new JsonObject().put("kind", "repository")
        .put("url", "https://git.example.com/alpha"));
    assertEquals(201, added.statusCode(), added.bodyAsString());
    assertEquals(Map.of("kind", "must be video, repository, slides or other", "url", "must be an http or https address"),
        fields(f.events.post(f.emma, path, new JsonObject().put("kind", "film").put("url", "javascript:alert(1)")))
            .getMap());
    assertEquals(Map.of("url", "is already one of this project's links"), fields(f.events.post(f.organiser, path,
        new JsonObject().put("kind", "slides").put("url", "https://git.example.com/alpha"))).getMap());
    assertEquals(403, f.events.post(f.otto, path, new JsonObject().put("kind", "video")
        .put("url", "https://video.example.com/x")).statusCode());
    long id = added.bodyAsJsonObject().getLong("id");
    assertEquals(403, f.api.client().delete(path + "/" + id).bearerTokenAuthentication(f.otto).send().await()
        .statusCode());
    assertEquals(204, f.api.client().delete(path + "/" + id).bearerTokenAuthentication(f.organiser).send().await()
        .statusCode());
    assertEquals(404, f.api.client().delete(path + "/" + id).bearerTokenAuthentication(f.organiser).send().await()
        .statusCode());
    assertTrue(f.getJson(f.emma, "/api/projects/" + f.alpha).getJsonArray("links").isEmpty());
  }
}
