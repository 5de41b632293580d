package app.shipyard.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Organiser auto-placement of free agents")
class PlacementTest {

  private Api api;
  private Events events;
  private TeamCalls calls;
  private String organiser;
  private long event;
  private long web;
  private long data;
  private String placementApi;

  /**
   * Web (3 places) wants React and UX research; its captain Cara is in Engineering, Berlin, and knows React. Data (3
   * places) wants Kafka and Go; its captain Dora is in Data, Singapore. A hidden and an unapproved pitch have room
   * but must not be used. Free agents, in listing order: Ann (Design, Sydney, UX research), Ben (Engineering,
   * Berlin, Kafka), Cal (Design, New York, Go), Dee (Product, Remote), Eve (Sales, Berlin).
   */
  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    calls = new TeamCalls(api, events);
    organiser = events.organiserToken();
    Events.skills("React", "UX research", "Kafka", "Go");
    event = events.create(new JsonObject().put("teamMax", 5));
    events.moveTo(event, "team_forming");
    web = events.pitch(Events.person("cara@test.example", "Cara Web", "Engineering", "Berlin", "React"), event,
        new JsonObject().put("title", "Web").put("capacity", 3).put("skills", new JsonArray().add("React").add("UX research")));
    data = events.pitch(Events.person("dora@test.example", "Dora Data", "Data", "Singapore"), event,
        new JsonObject().put("title", "Data").put("capacity", 3).put("skills", new JsonArray().add("Kafka").add("Go")));
    long hidden = events.pitch(Events.person("hugo@test.example", "Hugo Hidden", "Legal", "Sydney"), event,
        new JsonObject().put("title", "Hidden").put("capacity", 5).put("skills", new JsonArray().add("UX research")));
    long unapproved = events.pitch(Events.person("una@test.example", "Una Waiting", "Legal", "Sydney"), event,
        new JsonObject().put("title", "Unapproved").put("capacity", 5).put("skills", new JsonArray().add("Go")));
    TestShipyard.pool().preparedQuery("UPDATE pitches SET hidden_reason = 'Off topic' WHERE id = $1").execute(Tuple.of(hidden)).await();
    TestShipyard.pool().preparedQuery("UPDATE pitches SET approved = false WHERE id = $1").execute(Tuple.of(unapproved)).await();
    freeAgent("ann", "Ann Design", "Design", "Sydney", "UX research");
    freeAgent("ben", "Ben Eng", "Engineering", "Berlin", "Kafka");
    freeAgent("cal", "Cal Design", "Design", "New York", "Go");
    freeAgent("dee", "Dee Product", "Product", "Remote");
    freeAgent("eve", "Eve Extra", "Sales", "Berlin");
    placementApi = "/api/events/" + event + "/placement";
  }

  private String freeAgent(String name, String displayName, String department, String location, String... skills) {
    String token = Events.person(name + "@test.example", displayName, department, location, skills);
    HttpResponse<Buffer> listed = calls.put(token, "/api/events/" + event + "/free-agents/me", new JsonObject());
    assertEquals(200, listed.statusCode(), listed.bodyAsString());
    return token;
  }

  private static List<String> placed(JsonArray placements) {
    return placements.stream().map(p -> ((JsonObject) p).getString("displayName") + " → "
        + ((JsonObject) p).getString("pitchTitle")).toList();
  }

  @Test
  @DisplayName("The suggestion fills gap skills first, mixes departments and locations, respects capacity, and explains each placement")
  void suggestion() {
    JsonObject suggestion = calls.object(organiser, placementApi);
    JsonArray placements = suggestion.getJsonArray("placements");
    assertEquals(List.of("Ann Design → Web", "Ben Eng → Data", "Cal Design → Data", "Dee Product → Web"), placed(placements));
    assertEquals(List.of("Fills skill gaps: UX research", "Brings Design, a department new to the team",
        "Brings Sydney, a location new to the team", "The team had 1 of 3 places taken"),
        placements.getJsonObject(0).getJsonArray("reasons").getList());
    assertEquals(List.of("Fills skill gaps: Go", "Brings Design, a department new to the team",
        "Brings New York, a location new to the team", "The team had 2 of 3 places taken"),
        placements.getJsonObject(2).getJsonArray("reasons").getList());
    for (Object p : placements) {
      assertTrue(((JsonObject) p).getJsonArray("reasons").getList().toString().contains("a department new to the team"), p.toString());
    }
    JsonArray unplaced = suggestion.getJsonArray("unplaced");
    assertEquals(1, unplaced.size());
    assertEquals("Eve Extra", unplaced.getJsonObject(0).getString("displayName"));
    assertEquals("Every team is full.", unplaced.getJsonObject(0).getString("reason"));
    assertEquals(suggestion, calls.object(organiser, placementApi), "the same data gives the same suggestion");
    assertEquals(List.of("Cara Web"), calls.memberNames(organiser, web), "a suggestion changes nothing");
  }

  @Test
  @DisplayName("Applying places people through the normal join; placements made stale meanwhile are refused, not forced")
  void applyWithStalePlacements() {
    JsonArray picks = new JsonArray();
    calls.object(organiser, placementApi).getJsonArray("placements").forEach(p -> picks.add(new JsonObject()
        .put("personId", ((JsonObject) p).getLong("personId")).put("pitchId", ((JsonObject) p).getLong("pitchId"))));
    String eve = Events.ssoToken("eve@test.example");
    assertEquals(200, calls.post(eve, "/api/pitches/" + web + "/join", new JsonObject()).statusCode());
    assertEquals(204, calls.delete(Events.ssoToken("cal@test.example"), "/api/events/" + event + "/free-agents/me").statusCode());

    HttpResponse<Buffer> applied = calls.post(organiser, placementApi, new JsonObject().put("placements", picks));
    assertEquals(200, applied.statusCode(), applied.bodyAsString());
    JsonObject result = applied.bodyAsJsonObject();
    assertEquals(List.of("Ann Design → Web", "Ben Eng → Data"), placed(result.getJsonArray("placed")));
    JsonArray refused = result.getJsonArray("refused");
    assertEquals(List.of("Cal Design → Data", "Dee Product → Web"), placed(refused));
    assertEquals("That person is no longer listed as a free agent.", refused.getJsonObject(0).getString("reason"));
    assertEquals("This team is full.", refused.getJsonObject(1).getString("reason"));

    assertEquals(List.of("Cara Web", "Eve Extra", "Ann Design"), calls.memberNames(organiser, web));
    assertEquals(List.of("Dora Data", "Ben Eng"), calls.memberNames(organiser, data));
    assertEquals(List.of("Dee Product"), calls.array(organiser, "/api/events/" + event + "/free-agents").stream()
        .map(a -> ((JsonObject) a).getJsonObject("person").getString("displayName")).toList());
  }

  @Test
  @DisplayName("Only organisers see or apply placements; bad bodies get 400; locked teams refuse every placement")
  void accessAndRules() {
    String emma = api.token(TestShipyard.EMPLOYEE);
    assertEquals(403, calls.get(emma, placementApi).statusCode());
    assertEquals(403, calls.post(emma, placementApi, new JsonObject().put("placements", new JsonArray())).statusCode());
    HttpResponse<Buffer> bad = calls.post(organiser, placementApi, new JsonObject().put("placements", new JsonArray().add("x")));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsJsonObject().getJsonObject("fields").containsKey("placements"));

    long ann = Fixture.personId("ann@test.example");
    events.moveTo(event, "demos");
    HttpResponse<Buffer> locked = calls.post(organiser, placementApi, new JsonObject().put("placements",
        new JsonArray().add(new JsonObject().put("personId", ann).put("pitchId", web))));
    assertEquals(200, locked.statusCode());
    assertEquals("Teams are locked while the event is in Demos.",
        locked.bodyAsJsonObject().getJsonArray("refused").getJsonObject(0).getString("reason"));
  }

  @Test
  @DisplayName("On the page every placement is ticked by default; the organiser applies only the ones kept")
  void reviewOnPage() {
    Api.Browser browser = api.browser().signIn(TestShipyard.ORGANISER);
    String path = "/events/" + event + "/placement";
    String html = browser.getPage(path).bodyAsString();
    Matcher boxes = Pattern.compile("name=\"placement\" value=\"(\\d+:\\d+)\" checked").matcher(html);
    List<String> values = new ArrayList<>();
    while (boxes.find()) {
      values.add(boxes.group(1));
    }
    assertEquals(4, values.size(), html);
    assertTrue(html.contains("Fills skill gaps: UX research"), html);
    assertEquals(Fixture.personId("ann@test.example") + ":" + web, values.get(0));

    HttpResponse<Buffer> applied = browser.postForm(path, path, MultiMap.caseInsensitiveMultiMap()
        .add("placement", values.get(0)).add("placement", values.get(1)));
    assertEquals(200, applied.statusCode());
    assertTrue(applied.bodyAsString().contains("Applied: 2 placed, 0 refused"), applied.bodyAsString());
    assertEquals(List.of("Cara Web", "Ann Design"), calls.memberNames(organiser, web));
    assertEquals(List.of("Dora Data", "Ben Eng"), calls.memberNames(organiser, data));
  }
}
