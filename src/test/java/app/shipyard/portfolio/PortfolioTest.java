package app.shipyard.portfolio;

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
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Portfolios")
class PortfolioTest {

  private Api api;
  private Events events;
  private String emma;
  private String otto;
  private long emmaId;
  private long dayPitch;
  private long labPitch;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    emma = api.token(TestShipyard.EMPLOYEE);
    otto = api.token(TestShipyard.OTHER_EMPLOYEE);
    emmaId = Fixture.personId(TestShipyard.EMPLOYEE);
    long day = events.create(new JsonObject().put("title", "ShipIt 6").put("startsAt", "2026-03-01T09:00:00Z")
        .put("endsAt", "2026-03-02T09:00:00Z"));
    events.moveTo(day, "pitching");
    dayPitch = events.pitch(emma, day, new JsonObject().put("title", "Docs bot").put("skills", new JsonArray().add("Java").add("NLP")));
    long lab = events.create(new JsonObject().put("kind", "lab").put("title", "Lab 2026").put("startsAt", "2026-06-01T09:00:00Z")
        .put("endsAt", "2026-12-01T09:00:00Z"));
    events.moveTo(lab, "pitching");
    labPitch = events.pitch(otto, lab, new JsonObject().put("title", "Green CI").put("skills", new JsonArray().add("Java")));
    assertEquals(200, events.post(emma, "/api/pitches/" + labPitch + "/join", new JsonObject()).statusCode());
  }

  private JsonObject portfolio(String token, long personId) {
    HttpResponse<Buffer> response = events.get(token, "/api/people/" + personId + "/portfolio");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  @Test
  @DisplayName("A portfolio lists the person's events newest first, with each project, their role and the skills used")
  void newestFirstWithRolesAndSkills() {
    JsonObject p = portfolio(otto, emmaId);
    JsonArray list = p.getJsonArray("events");
    assertEquals(2, list.size());
    assertEquals("Lab 2026", list.getJsonObject(0).getString("title"));
    assertEquals("ShipIt 6", list.getJsonObject(1).getString("title"));
    JsonObject lab = list.getJsonObject(0).getJsonArray("projects").getJsonObject(0);
    assertEquals("Green CI", lab.getString("title"));
    assertEquals("member", lab.getString("role"));
    assertEquals(2, lab.getInteger("teamSize"));
    JsonObject day = list.getJsonObject(1).getJsonArray("projects").getJsonObject(0);
    assertEquals("captain", day.getString("role"));
    assertEquals(2, p.getInteger("projectCount"));
    assertEquals(new JsonArray().add(new JsonObject().put("name", "Java").put("projects", 2))
        .add(new JsonObject().put("name", "NLP").put("projects", 1)), p.getJsonArray("skillsUsed"));
  }

  @Test
  @DisplayName("A person reflects on their own projects; the reflection is sanitised Markdown and can be cleared")
  void reflections() {
    HttpResponse<Buffer> saved = api.client().put("/api/pitches/" + dayPitch + "/reflection").bearerTokenAuthentication(emma)
        .sendJsonObject(new JsonObject().put("reflection", "Learned **Kafka** <script>alert(1)</script>")).await();
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    assertEquals("Learned **Kafka** <script>alert(1)</script>", saved.bodyAsJsonObject().getString("reflection"));
    String page = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/people/" + emmaId + "/portfolio").bodyAsString();
    assertTrue(page.contains("<strong>Kafka</strong>"), page);
    assertFalse(page.contains("<script>alert"), page);
    assertFalse(page.contains("Save reflection"), "only the person themselves gets the reflection form");
    HttpResponse<Buffer> cleared = api.client().put("/api/pitches/" + dayPitch + "/reflection").bearerTokenAuthentication(emma)
        .sendJsonObject(new JsonObject().put("reflection", "  ")).await();
    assertNull(cleared.bodyAsJsonObject().getString("reflection"));
  }

  @Test
  @DisplayName("Nobody reflects on a project they were not on, and a reflection has a length limit")
  void reflectionRefusals() {
    String leader = api.token(TestShipyard.LEADERSHIP);
    HttpResponse<Buffer> notMine = api.client().put("/api/pitches/" + dayPitch + "/reflection").bearerTokenAuthentication(leader)
        .sendJsonObject(new JsonObject().put("reflection", "I was not there")).await();
    assertEquals(403, notMine.statusCode());
    HttpResponse<Buffer> tooLong = api.client().put("/api/pitches/" + dayPitch + "/reflection").bearerTokenAuthentication(emma)
        .sendJsonObject(new JsonObject().put("reflection", "x".repeat(2001))).await();
    assertEquals(400, tooLong.statusCode());
    assertTrue(tooLong.bodyAsJsonObject().getJsonObject("fields").containsKey("reflection"));
    assertEquals(404, events.get(emma, "/api/people/999999/portfolio").statusCode());
    assertEquals(0, Fixture.count("SELECT count(*) FROM reflections"));
  }

  @Test
  @DisplayName("A hidden project stays in its author's own portfolio but not in what others see")
  void hiddenProjects() {
    TestShipyard.pool().preparedQuery("UPDATE pitches SET hidden_reason = 'Off topic' WHERE id = $1")
        .execute(Tuple.of(dayPitch)).await();
    assertEquals(0, portfolio(otto, emmaId).getJsonArray("events").getJsonObject(1).getJsonArray("projects").size());
    assertEquals(1, portfolio(emma, emmaId).getJsonArray("events").getJsonObject(1).getJsonArray("projects").size());
  }

  @Test
  @DisplayName("The reflection form on my portfolio saves and shows my reflection")
  void reflectionThroughTheForm() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    HttpResponse<Buffer> mine = browser.getPage("/portfolio");
    assertEquals(303, mine.statusCode());
    String path = mine.getHeader("Location");
    assertEquals("/people/" + emmaId + "/portfolio", path);
    HttpResponse<Buffer> posted = browser.postForm(path, "/portfolio/reflections/" + labPitch,
        MultiMap.caseInsensitiveMultiMap().add("reflection", "Pairing across offices worked"));
    assertEquals(303, posted.statusCode());
    assertTrue(browser.getPage(path).bodyAsString().contains("Pairing across offices worked"));
  }
}
