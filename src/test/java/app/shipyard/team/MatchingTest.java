package app.shipyard.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Matching people and pitches by skills, explained")
class MatchingTest {

  private Api api;
  private Events events;
  private TeamCalls calls;
  private long event;
  private long alpha;
  private String alice;
  private String pia;
  private String finn;

  /**
   * Pitches: Alpha wants Kotlin, React, UX research (4 places, captain Alice knows React); Beta wants Kafka, React
   * (3); Gamma then Epsilon want React (5 each); Delta wants Go (2). Pia knows React and Kafka and lists herself with
   * "kotlin". Free agents Finn (Kotlin, UX research), Gus (UX research), Hal (Go); mentors Mo (UX research, React),
   * Nia (Kotlin, UX research) and Alice herself (Kotlin).
   */
  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    calls = new TeamCalls(api, events);
    Events.skills("React", "Kotlin", "UX research", "Kafka", "Go");
    event = events.create(new JsonObject().put("teamMax", 6));
    events.moveTo(event, "pitching");
    alice = Events.person("alice@test.example", "Alice Alpha", "Engineering", "Berlin", "React");
    alpha = events.pitch(alice, event, pitch("Alpha", 4, "React", "Kotlin", "UX research"));
    events.pitch(Events.person("bob@test.example", "Bob Beta", "Data", "Berlin"), event, pitch("Beta", 3, "React", "Kafka"));
    events.pitch(Events.person("cem@test.example", "Cem Gamma", "Data", "Berlin"), event, pitch("Gamma", 5, "React"));
    events.pitch(Events.person("eli@test.example", "Eli Epsilon", "Data", "Berlin"), event, pitch("Epsilon", 5, "React"));
    events.pitch(Events.person("dan@test.example", "Dan Delta", "Data", "Berlin"), event, pitch("Delta", 2, "Go"));

    pia = Events.person("pia@test.example", "Pia Person", "Sales", "Sydney", "React", "Kafka");
    finn = Events.person("finn@test.example", "Finn Fill", "Design", "Remote", "Kotlin", "UX research");
    String gus = Events.person("gus@test.example", "Gus Gap", "Design", "Remote", "UX research");
    String hal = Events.person("hal@test.example", "Hal Go", "Design", "Remote", "Go");
    list(pia, "free-agents", new JsonArray().add("kotlin"));
    list(finn, "free-agents", new JsonArray());
    list(gus, "free-agents", new JsonArray());
    list(hal, "free-agents", new JsonArray());
    list(Events.person("mo@test.example", "Mo Mentor", "Design", "Berlin"), "mentors",
        new JsonArray().add("UX research").add("React"));
    list(Events.person("nia@test.example", "Nia Mentor", "Design", "Berlin"), "mentors",
        new JsonArray().add("Kotlin").add("UX research"));
    list(alice, "mentors", new JsonArray().add("Kotlin"));
  }

  private static JsonObject pitch(String title, int capacity, String... skills) {
    return new JsonObject().put("title", title).put("capacity", capacity).put("skills", new JsonArray(List.of(skills)));
  }

  private void list(String token, String kind, JsonArray skills) {
    var response = calls.put(token, "/api/events/" + event + "/" + kind + "/me", new JsonObject().put("skills", skills));
    assertEquals(200, response.statusCode(), response.bodyAsString());
  }

  private static List<String> strings(JsonObject o, String field) {
    return o.getJsonArray(field).stream().map(String::valueOf).toList();
  }

  @Test
  @DisplayName("A person's matches: pitches with open places wanting their skills (profile and listing), best first, with the matched skills")
  void matchesForAPerson() {
    JsonObject matches = calls.object(pia, "/api/events/" + event + "/matches/me");
    assertEquals(List.of("Kafka", "React", "Kotlin"), strings(matches, "skills"));
    JsonArray pitches = matches.getJsonArray("pitches");
    assertEquals(List.of("Alpha", "Beta", "Epsilon", "Gamma"),
        pitches.stream().map(p -> ((JsonObject) p).getString("title")).toList());
    assertEquals(List.of("Kotlin", "React"), strings(pitches.getJsonObject(0), "matched"));
    assertEquals(3, pitches.getJsonObject(0).getInteger("openPlaces"));
    assertEquals(List.of("Kafka", "React"), strings(pitches.getJsonObject(1), "matched"));
    assertEquals(List.of("React"), strings(pitches.getJsonObject(2), "matched"));

    String html = calls.page(pia, "/events/" + event + "/free-agents");
    int alphaAt = html.indexOf(">Alpha</a>");
    int betaAt = html.indexOf(">Beta</a>");
    assertTrue(alphaAt > 0 && betaAt > alphaAt, html);
  }

  @Test
  @DisplayName("A captain's matches: the team's gaps and the free agents and mentors who fill them, best first")
  void matchesForACaptain() {
    JsonObject matches = calls.object(alice, "/api/pitches/" + alpha + "/matches");
    assertEquals(List.of("Kotlin", "React", "UX research"), strings(matches, "wanted"));
    assertEquals(List.of("Kotlin", "UX research"), strings(matches, "gaps"));
    JsonArray agents = matches.getJsonArray("freeAgents");
    assertEquals(List.of("Finn Fill", "Pia Person", "Gus Gap"), names(agents));
    assertEquals(List.of("Kotlin", "UX research"), strings(agents.getJsonObject(0), "fills"));
    assertEquals(List.of("Kotlin"), strings(agents.getJsonObject(1), "fills"));
    assertEquals(List.of("UX research"), strings(agents.getJsonObject(2), "fills"));
    JsonArray mentors = matches.getJsonArray("mentors");
    assertEquals(List.of("Nia Mentor", "Mo Mentor"), names(mentors));
    assertEquals(List.of("UX research"), strings(mentors.getJsonObject(1), "fills"));

    String html = calls.page(alice, "/pitches/" + alpha + "/team");
    assertTrue(html.contains("Who could fill the gaps") && html.contains("Finn Fill") && html.contains("Nia Mentor"), html);

    assertEquals(200, calls.post(finn, "/api/pitches/" + alpha + "/join", new JsonObject()).statusCode());
    JsonObject after = calls.object(alice, "/api/pitches/" + alpha + "/matches");
    assertEquals(List.of(), strings(after, "gaps"));
    assertEquals(0, after.getJsonArray("freeAgents").size());
  }

  @Test
  @DisplayName("Only the captain and organisers see a team's matches; others get 403")
  void captainOnly() {
    assertEquals(403, calls.get(pia, "/api/pitches/" + alpha + "/matches").statusCode());
    assertEquals(403, calls.get(api.token(TestShipyard.LEADERSHIP), "/api/pitches/" + alpha + "/matches").statusCode());
    assertEquals(200, calls.get(events.organiserToken(), "/api/pitches/" + alpha + "/matches").statusCode());
    String html = calls.page(pia, "/pitches/" + alpha + "/team");
    assertTrue(!html.contains("Who could fill the gaps"), html);
  }

  private static List<String> names(JsonArray matches) {
    return matches.stream().map(m -> ((JsonObject) m).getJsonObject("person").getString("displayName")).toList();
  }
}
