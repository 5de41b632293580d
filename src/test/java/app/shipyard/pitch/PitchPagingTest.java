package app.shipyard.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seven pitches, oldest first, P1 to P4 by Emma and P5 to P7 by Pia, one member each; P2, P4 and P6 want Java:
 * P1 capacity 3, P2 3 (1 interested), P3 2, P4 3, P5 2 (1 interested), P6 3 (2 interested), P7 2.
 * So most interest is P6, then P5 and P2 (newest first), then the rest; most open places is P6, P4, P2, P1 (two
 * each), then P7, P5, P3 (one each).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("The event's pitch list in pages: keyset cursors, stable order, page links that keep the filters")
class PitchPagingTest {

  private static final List<String> NEWEST = List.of("P7", "P6", "P5", "P4", "P3", "P2", "P1");
  private static final Map<String, List<String>> ORDERS = Map.of("newest", NEWEST,
      "interest", List.of("P6", "P5", "P2", "P7", "P4", "P3", "P1"),
      "open", List.of("P6", "P4", "P2", "P1", "P7", "P5", "P3"));
  private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\" rel=\"(first|prev|next)\"");

  private Api api;
  private Events events;
  private String employee;
  private String other;
  private long event;
  private final List<Long> ids = new ArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    employee = api.token(TestShipyard.EMPLOYEE);
    other = api.token(TestShipyard.OTHER_EMPLOYEE);
    event = events.create(new JsonObject().put("teamMax", 6).put("teamsPerPerson", 5));
    events.moveTo(event, "pitching");
    String pia = Events.person("pia@test.example", "Pia Pitcher", "Design", "Berlin");
    int[] capacities = {3, 3, 2, 3, 2, 3, 2};
    ids.clear();
    for (int i = 0; i < capacities.length; i++) {
      JsonArray skills = i % 2 == 1 ? new JsonArray().add("Java") : new JsonArray();
      ids.add(events.pitch(i < 4 ? employee : pia, event, new JsonObject().put("title", "P" + (i + 1)).put("capacity", capacities[i])
          .put("skills", skills)));
    }
    interest(other, "P2", true);
    interest(api.token(TestShipyard.ADMIN), "P5", true);
    interest(other, "P6", true);
    interest(events.organiserToken(), "P6", true);
  }

  private long id(String title) {
    return ids.get(Integer.parseInt(title.substring(1)) - 1);
  }

  private void interest(String token, String title, boolean interested) {
    var request = interested ? api.client().put("/api/pitches/" + id(title) + "/interest")
        : api.client().delete("/api/pitches/" + id(title) + "/interest");
    assertEquals(200, request.bearerTokenAuthentication(token).send().await().statusCode());
  }

  private JsonObject page(String query) {
    HttpResponse<Buffer> response = events.get(other, "/api/events/" + event + "/pitches" + query);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static List<String> titles(JsonObject page) {
    return page.getJsonArray("pitches").stream().map(o -> ((JsonObject) o).getString("title")).toList();
  }

  /** Follows {@code next} from the first page to the last and returns every title on the way, in order. */
  private List<String> allPages(String query) {
    List<String> seen = new ArrayList<>();
    JsonObject page = page(query);
    assertNull(page.getValue("previous"), "the first page has no previous page");
    seen.addAll(titles(page));
    for (int guard = 0; page.getString("next") != null; guard++) {
      assertTrue(guard < 20, "paging ends");
      page = page(query + "&cursor=" + page.getString("next"));
      assertNotNull(page.getString("previous"), "a later page has a previous page");
      seen.addAll(titles(page));
    }
    return seen;
  }

  private HttpResponse<Buffer> bad(String query) {
    return events.get(other, "/api/events/" + event + "/pitches" + query);
  }

  private static String field(HttpResponse<Buffer> response, String name) {
    assertEquals(400, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getJsonObject("fields").getString(name);
  }

  private static String cursorOf(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("Every sort pages through all pitches exactly once, in the order of the whole list, at any page size")
  void everySortPagesThroughAll() {
    for (var order : ORDERS.entrySet()) {
      String sort = "?sort=" + order.getKey();
      assertEquals(order.getValue(), titles(page(sort + "&limit=100")), order.getKey());
      for (int limit : List.of(1, 2, 3, 7)) {
        assertEquals(order.getValue(), allPages(sort + "&limit=" + limit), order.getKey() + " by " + limit);
      }
    }
    JsonObject first = page("");
    assertEquals(20, first.getInteger("limit"));
    assertEquals(NEWEST, titles(first));
    assertNull(first.getValue("next"));
  }

  @Test
  @DisplayName("Pitches made at the very same moment keep one order (by id) and no page skips or repeats one")
  void tiesAreBrokenById() {
    TestShipyard.pool().preparedQuery("UPDATE pitches SET created_at = '2026-12-01T10:00:00.123456Z' WHERE event_id = $1")
        .execute(Tuple.of(event)).await();
    for (var order : ORDERS.entrySet()) {
      for (int limit : List.of(1, 2, 4)) {
        assertEquals(order.getValue(), allPages("?sort=" + order.getKey() + "&limit=" + limit), order.getKey());
      }
    }
  }

  @Test
  @DisplayName("Previous goes back to exactly the page before; the first page has no previous, the last no next")
  void previousGoesBack() {
    JsonObject one = page("?limit=3");
    assertEquals(List.of("P7", "P6", "P5"), titles(one));
    JsonObject two = page("?limit=3&cursor=" + one.getString("next"));
    assertEquals(List.of("P4", "P3", "P2"), titles(two));
    JsonObject three = page("?limit=3&cursor=" + two.getString("next"));
    assertEquals(List.of("P1"), titles(three));
    assertNull(three.getValue("next"));
    JsonObject backToTwo = page("?limit=3&cursor=" + three.getString("previous"));
    assertEquals(List.of("P4", "P3", "P2"), titles(backToTwo));
    assertEquals(two.getString("next"), backToTwo.getString("next"));
    JsonObject backToOne = page("?limit=3&cursor=" + backToTwo.getString("previous"));
    assertEquals(List.of("P7", "P6", "P5"), titles(backToOne));
    assertNull(backToOne.getValue("previous"), "back at the start");
    assertEquals(one.getString("next"), backToOne.getString("next"));
  }

  @Test
  @DisplayName("Interest marks, joins, leaves and capacity edits move a pitch in the list at once, with the counts of its own endpoint")
  void listFollowsChanges() {
    String admin = api.token(TestShipyard.ADMIN);
    interest(other, "P1", true);
    interest(admin, "P1", true);
    interest(events.organiserToken(), "P1", true);
    assertEquals(List.of("P1", "P6"), titles(page("?sort=interest&limit=2")));
    interest(admin, "P1", false);
    interest(events.organiserToken(), "P1", false);
    assertEquals(List.of("P6", "P5", "P2", "P1"), titles(page("?sort=interest&limit=4")));

    assertEquals(200, events.post(other, "/api/pitches/" + id("P4") + "/join", new JsonObject()).statusCode());
    assertEquals(200, events.post(other, "/api/pitches/" + id("P7") + "/join", new JsonObject()).statusCode());
    assertEquals(List.of("P6", "P2", "P1", "P5", "P4", "P3"), titles(page("?sort=open&open=true")));
    assertEquals(200, events.post(other, "/api/pitches/" + id("P7") + "/leave", new JsonObject()).statusCode());
    HttpResponse<Buffer> edited = api.client().put("/api/pitches/" + id("P3")).bearerTokenAuthentication(employee)
        .sendJsonObject(new JsonObject().put("title", "P3").put("summary", "Bigger now").put("capacity", 6)).await();
    assertEquals(200, edited.statusCode(), edited.bodyAsString());
    assertEquals(List.of("P3", "P6", "P2", "P1"), titles(page("?sort=open&limit=4")));

    for (Object o : page("?limit=100").getJsonArray("pitches")) {
      JsonObject listed = (JsonObject) o;
      JsonObject own = events.get(other, "/api/pitches/" + listed.getLong("id")).bodyAsJsonObject();
      assertEquals(own.getInteger("interestCount"), listed.getInteger("interestCount"), listed.encode());
      assertEquals(own.getInteger("openPlaces"), listed.getInteger("openPlaces"), listed.encode());
      assertEquals(own.getJsonArray("members").size(), listed.getInteger("memberCount"), listed.encode());
      assertEquals(own.getInteger("capacity"), listed.getInteger("capacity"), listed.encode());
    }
  }

  @Test
  @DisplayName("Twenty people marking interest in one pitch at the same moment are all counted, and none is refused")
  void concurrentInterestIsCounted(Vertx vertx) {
    List<String> tokens = IntStream.range(0, 20)
        .mapToObj(i -> Events.person("fan" + i + "@test.example", "Fan " + i, "Sales", "Berlin")).toList();
    WebClient allAtOnce = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(TestShipyard.port()), new PoolOptions().setHttp1MaxSize(tokens.size()));
    List<Future<Integer>> marks = tokens.stream().map(token -> allAtOnce.put("/api/pitches/" + id("P1") + "/interest")
        .bearerTokenAuthentication(token).send().map(HttpResponse::statusCode)).toList();
    Future.all(marks).await();
    assertEquals(List.of(200), marks.stream().map(Future::result).distinct().toList());
    JsonObject first = page("?sort=interest&limit=1").getJsonArray("pitches").getJsonObject(0);
    assertEquals("P1", first.getString("title"));
    assertEquals(20, first.getInteger("interestCount"));
  }

  @Test
  @DisplayName("A list entry leaves the long fields, links and roster to the pitch's own endpoint")
  void listEntriesAreSummaries() {
    JsonObject p6 = page("?limit=1&sort=interest").getJsonArray("pitches").getJsonObject(0);
    assertEquals("P6", p6.getString("title"));
    assertEquals(2, p6.getInteger("interestCount"));
    assertEquals(1, p6.getInteger("memberCount"));
    assertEquals(2, p6.getInteger("openPlaces"));
    assertEquals(new JsonArray().add("Java"), p6.getJsonArray("skills"));
    assertEquals("Pia Pitcher", p6.getJsonObject("captain").getString("displayName"));
    for (String longField : List.of("problem", "idea", "links", "members", "revisionCount")) {
      assertFalse(p6.containsKey(longField), longField);
    }
    JsonObject own = events.get(other, "/api/pitches/" + p6.getLong("id")).bodyAsJsonObject();
    assertTrue(own.containsKey("idea") && own.containsKey("members") && own.containsKey("links"), own.encode());
  }

  @Test
  @DisplayName("The event's own answer carries no pitches, only the count and the link to their paged list")
  void eventAnswerLinksToThePages() {
    JsonObject answer = events.get(other, "/api/events/" + event).bodyAsJsonObject();
    assertFalse(answer.containsKey("pitches"), answer.encode());
    assertEquals(7, answer.getInteger("pitchCount"));
    String link = answer.getJsonObject("links").getString("pitches");
    assertEquals("/api/events/" + event + "/pitches", link);
    assertEquals(NEWEST, titles(page("")));
  }

  @Test
  @DisplayName("A cursor that is not one the list gave out, or from another sort, and a bad page size are a 400 naming them")
  void badCursorsAndLimits() {
    String refused = "is not a cursor from this list; start again from the first page";
    for (String cursor : List.of("not-a-cursor!", cursorOf("newest.a.0.1764583200123456"),
        cursorOf("newest.x.0.1764583200123456.5"), cursorOf("newest.a.0.soon.5"), cursorOf("newest.a.0.1.-5"),
        cursorOf("popular.a.0.1.5"), cursorOf("interest.a.-1.1.5"), cursorOf("newest.a.0.99999999999999999999.5"),
        cursorOf("newest.a.0.1.5.6"))) {
      assertEquals(refused, field(bad("?cursor=" + cursor), "cursor"), cursor);
    }
    String newest = page("?limit=1").getString("next");
    assertEquals("belongs to the newest order, not interest; start again from the first page",
        field(bad("?sort=interest&cursor=" + newest), "cursor"));
    assertEquals("must be at most 100 characters", field(bad("?cursor=" + "A".repeat(101)), "cursor"));
    for (String limit : List.of("0", "101", "-1", "ten", "2.5")) {
      assertEquals("must be a whole number from 1 to 100", field(bad("?limit=" + limit), "limit"), limit);
    }
    HttpResponse<Buffer> together = bad("?sort=best&limit=0&cursor=x");
    assertEquals(new JsonObject().put("sort", "must be newest, interest or open")
            .put("limit", "must be a whole number from 1 to 100").put("cursor", refused),
        together.bodyAsJsonObject().getJsonObject("fields"));
    HttpResponse<Buffer> pageAnswer = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE)
        .getPage("/events/" + event + "/pitches?cursor=nonsense");
    assertEquals(400, pageAnswer.statusCode());
    assertTrue(pageAnswer.bodyAsString().contains("start again from the first page"), pageAnswer.bodyAsString());
  }

  @Test
  @DisplayName("The pitches page links to the next and previous pages as plain links that keep sort, filters and page size")
  void pageLinksKeepTheFilters() {
    Api.Browser browser = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE);
    String path = "/events/" + event + "/pitches";
    String first = browser.getPage(path + "?sort=open&skill=java&open=true&limit=1").bodyAsString();
    assertTrue(first.contains(">P6</a>") && !first.contains(">P4</a>"), first);
    Map<String, String> links = links(first);
    assertEquals(List.of("next"), List.copyOf(links.keySet()), first);
    String next = links.get("next");
    assertTrue(next.startsWith(path + "?sort=open&skill=java&open=true&limit=1&cursor="), next);

    String second = browser.getPage(next).bodyAsString();
    assertTrue(second.contains(">P4</a>") && !second.contains(">P6</a>") && !second.contains(">P2</a>"), second);
    assertTrue(second.contains("<option value=\"open\" selected>") && second.contains("value=\"java\"")
        && second.contains("name=\"open\" value=\"true\" checked") && second.contains("name=\"limit\" value=\"1\""), second);
    assertEquals(path + "?sort=open&skill=java&open=true&limit=1", links(second).get("first"));

    String third = browser.getPage(links(second).get("next")).bodyAsString();
    assertTrue(third.contains(">P2</a>"), third);
    assertFalse(links(third).containsKey("next"), third);
    String back = browser.getPage(links(third).get("prev")).bodyAsString();
    assertTrue(back.contains(">P4</a>") && !back.contains(">P2</a>"), back);

    String all = browser.getPage(path).bodyAsString();
    assertTrue(links(all).isEmpty() && !all.contains("class=\"pager\""), "one page needs no page links");
  }

  /** The page links by their rel, with the HTML escapes of the href undone. */
  private static Map<String, String> links(String html) {
    Map<String, String> links = new LinkedHashMap<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      links.put(m.group(2), m.group(1).replace("&#x3D;", "=").replace("&amp;", "&"));
    }
    return links;
  }
}
