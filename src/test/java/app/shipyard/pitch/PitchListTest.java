package app.shipyard.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data set, oldest first (every captain is Emma; one member each unless stated):
 * Alpha: Java, #ai, Berlin, capacity 2, Otto joined (full), 3 interested.
 * Bravo: React, #climate #AI, New York + remote, capacity 5 (4 open), nobody interested.
 * Charlie: Java + React, no tags, remote only, capacity 3 (2 open), 2 interested.
 * Delta: Kotlin, #climate, Berlin + New York, capacity 4 (3 open), 1 interested.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("The event's pitch list: sorting and filtering in the database")
class PitchListTest {

  private Api api;
  private Events events;
  private String other;
  private long event;
  private long charlie;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    String employee = api.token(TestShipyard.EMPLOYEE);
    other = api.token(TestShipyard.OTHER_EMPLOYEE);
    String organiser = events.organiserToken();
    String admin = api.token(TestShipyard.ADMIN);
    int berlin = Fixture.locationId("Berlin");
    int newYork = Fixture.locationId("New York");
    event = events.create(new JsonObject().put("teamMax", 6).put("teamsPerPerson", 5)
        .put("locationIds", new JsonArray().add(berlin).add(newYork).add(Fixture.locationId("Remote"))));
    events.moveTo(event, "pitching");
    long alpha = pitch(employee, "Alpha", 2, List.of("Java"), List.of("ai"), List.of(berlin), false);
    pitch(employee, "Bravo", 5, List.of("React"), List.of("climate", "AI"), List.of(newYork), true);
    charlie = pitch(employee, "Charlie", 3, List.of("Java", "React"), List.of(), List.of(), true);
    long delta = pitch(employee, "Delta", 4, List.of("Kotlin"), List.of("climate"), List.of(berlin, newYork), false);
    assertEquals(200, events.post(other, "/api/pitches/" + alpha + "/join", new JsonObject()).statusCode());
    for (String token : List.of(employee, other, organiser)) {
      markInterest(token, alpha);
    }
    markInterest(other, charlie);
    markInterest(admin, charlie);
    markInterest(organiser, delta);
  }

  private long pitch(String token, String title, int capacity, List<String> skills, List<String> tags,
                     List<Integer> locations, boolean remote) {
    return events.pitch(token, event, new JsonObject().put("title", title).put("capacity", capacity)
        .put("skills", new JsonArray(skills)).put("tags", new JsonArray(tags))
        .put("locationIds", new JsonArray(locations)).put("remoteOk", remote));
  }

  private void markInterest(String token, long pitch) {
    assertEquals(200, api.client().put("/api/pitches/" + pitch + "/interest").bearerTokenAuthentication(token).send()
        .await().statusCode());
  }

  private HttpResponse<Buffer> list(String token, String query) {
    return events.get(token, "/api/events/" + event + "/pitches" + query);
  }

  private List<String> titles(String query) {
    HttpResponse<Buffer> response = list(other, query);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getJsonArray("pitches").stream().map(o -> ((JsonObject) o).getString("title"))
        .toList();
  }

  @Test
  @DisplayName("Sorts: newest first, most interest, most open places")
  void sortOrders() {
    assertEquals(List.of("Delta", "Charlie", "Bravo", "Alpha"), titles(""));
    assertEquals(List.of("Delta", "Charlie", "Bravo", "Alpha"), titles("?sort=newest"));
    assertEquals(List.of("Alpha", "Charlie", "Delta", "Bravo"), titles("?sort=interest"));
    assertEquals(List.of("Bravo", "Delta", "Charlie", "Alpha"), titles("?sort=open"));
  }

  @Test
  @DisplayName("Filters by skill, tag (any case), location (remote matches remote-friendly pitches) and open places, combined")
  void filters() {
    int berlin = Fixture.locationId("Berlin");
    assertEquals(List.of("Charlie", "Alpha"), titles("?skill=java"));
    assertEquals(List.of("Charlie", "Alpha"), titles("?skill=JAVA"));
    assertEquals(List.of("Bravo", "Alpha"), titles("?tag=ai"));
    assertEquals(List.of("Delta", "Bravo"), titles("?tag=Climate"));
    assertEquals(List.of("Delta", "Alpha"), titles("?location=" + berlin));
    assertEquals(List.of("Delta", "Bravo"), titles("?location=" + Fixture.locationId("New York")));
    assertEquals(List.of("Charlie", "Bravo"), titles("?location=" + Fixture.locationId("Remote")));
    assertEquals(List.of("Delta", "Charlie", "Bravo"), titles("?open=true"));
    assertEquals(List.of("Delta", "Charlie", "Bravo", "Alpha"), titles("?open=false"));
    assertEquals(List.of("Bravo", "Charlie"), titles("?skill=React&open=true&sort=open"));
    assertEquals(List.of(), titles("?skill=Cobol"));
  }

  @Test
  @DisplayName("Unknown sorts and malformed filters are a 400 naming the parameter; an unknown event is a 404")
  void badParameters() {
    HttpResponse<Buffer> badSort = list(other, "?sort=popular");
    assertEquals(400, badSort.statusCode());
    assertEquals("must be newest, interest or open", badSort.bodyAsJsonObject().getJsonObject("fields").getString("sort"));
    HttpResponse<Buffer> several = list(other, "?sort=best&open=maybe&location=abc");
    assertEquals(new JsonObject().put("sort", "must be newest, interest or open").put("open", "must be true or false")
        .put("location", "must be a location id"), several.bodyAsJsonObject().getJsonObject("fields"));
    HttpResponse<Buffer> elsewhere = list(other, "?location=" + Fixture.locationId("Sydney"));
    assertEquals("is not a location of this event", elsewhere.bodyAsJsonObject().getJsonObject("fields").getString("location"));
    assertEquals(404, events.get(other, "/api/events/999999/pitches").statusCode());
    HttpResponse<Buffer> page = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE)
        .getPage("/events/" + event + "/pitches?sort=popular");
    assertEquals(400, page.statusCode());
    assertTrue(page.bodyAsString().contains("must be newest, interest or open"));
  }

  @Test
  @DisplayName("Hidden pitches drop out of everyone's list but the organisers'")
  void hiddenLeaveTheList() {
    assertEquals(200, events.post(events.organiserToken(), "/api/pitches/" + charlie + "/hide",
        new JsonObject().put("reason", "Duplicate of Bravo")).statusCode());
    assertEquals(List.of("Bravo", "Delta", "Alpha"), titles("?sort=open"));
    JsonArray forOrganiser = list(events.organiserToken(), "?sort=open").bodyAsJsonObject().getJsonArray("pitches");
    assertEquals("Charlie", forOrganiser.getJsonObject(2).getString("title"));
    assertEquals("Duplicate of Bravo", forOrganiser.getJsonObject(2).getJsonObject("hidden").getString("reason"));
  }

  @Test
  @DisplayName("The pitches page lists in the chosen order with the pitch form; the overview only links to it")
  void pagesShowTheList() {
    Api.Browser browser = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE);
    String page = browser.getPage("/events/" + event + "/pitches?sort=interest&tag=&skill=").bodyAsString();
    List<String> order = List.of("Alpha", "Charlie", "Delta", "Bravo");
    assertEquals(order, order.stream().sorted(Comparator.comparingInt(t -> page.indexOf(">" + t + "</a>"))).toList(), page);
    assertTrue(page.contains("aria-current=\"page\">Pitches<") && page.contains("id=\"pitch-submit\""), page);
    assertTrue(page.contains("<option value=\"interest\" selected>"), page);
    String filtered = browser.getPage("/events/" + event + "/pitches?open=true&location=" + Fixture.locationId("Berlin"))
        .bodyAsString();
    assertTrue(filtered.contains(">Delta</a>") && !filtered.contains(">Alpha</a>") && !filtered.contains(">Bravo</a>"), filtered);
    String overview = browser.getPage("/events/" + event).bodyAsString();
    assertTrue(overview.contains("Pitches so far: 4 → see all"), overview);
    assertFalse(overview.contains("id=\"pitch-submit\"") || overview.contains(">Alpha</a>"), overview);
  }
}
