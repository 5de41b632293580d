package app.shipyard.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.Shipyard;
import app.shipyard.config.ConfigLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starts a second Shipyard on its own embedded database with the sample company, as a newcomer would see it. */
@Timeout(180)
@DisplayName("The sample company")
class SampleCompanyTest {

  private static Shipyard demo;
  private static WebClient client;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("DATABASE_URL");
    env.keySet().removeIf(k -> k.startsWith("PG"));
    env.put("HTTP_PORT", "0");
    env.put("HTTP_INSTANCES", "1");
    env.put("SHIPYARD_DATA_DIR", Path.of("target", "demo-test-data", String.valueOf(System.nanoTime())).toString());
    env.put("SAMPLE_DATA", "true");
    demo = Shipyard.start(new ConfigLoader(env).load());
    client = WebClient.create(demo.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(demo.port()));
    token = client.post("/api/auth/token").sendJsonObject(new JsonObject().put("email", "employee@northwind.example")
        .put("password", SampleCompany.PASSWORD)).await().bodyAsJsonObject().getString("token");
  }

  @AfterAll
  static void stop() {
    if (demo != null) {
      demo.stop();
    }
  }

  private static Object get(String path) {
    var response = client.get(path).bearerTokenAuthentication(token).send().await();
    assertEquals(200, response.statusCode(), path + " " + response.bodyAsString());
    return response.bodyAsJson(Object.class);
  }

  private static long count(String sql) {
    return demo.pool().query(sql).execute().await().iterator().next().getLong(0);
  }

  @Test
  @DisplayName("has past archived days, a day in team forming and a lab, each with its pitches")
  void threeEvents() {
    JsonArray events = (JsonArray) get("/api/events");
    Map<String, String> phases = events.stream().map(o -> (JsonObject) o)
        .collect(Collectors.toMap(e -> e.getString("kind") + ":" + e.getString("phase"), e -> e.getString("title"),
            (first, more) -> first));
    assertEquals(3 + 8, events.size(), events.encodePrettily());
    assertTrue(phases.containsKey("day:archived") && phases.containsKey("day:team_forming") && phases.containsKey("lab:building"),
        phases.toString());
    events.stream().map(o -> (JsonObject) o).forEach(e -> assertTrue(e.getLong("pitchCount") >= 5, e.encode()));
  }

  @Test
  @DisplayName("the day in team forming has a running order for its demo session with every team once")
  void runningOrder() {
    long event = count("SELECT id FROM events WHERE phase = 'team_forming'");
    JsonObject order = (JsonObject) get("/api/events/" + event + "/running-order");
    long teams = count("SELECT count(*) FROM pitches p WHERE p.event_id = " + event
        + " AND EXISTS (SELECT 1 FROM team_members m WHERE m.pitch_id = p.id)");
    assertTrue(teams >= 3, "teams: " + teams);
    assertEquals(teams, order.getJsonArray("slots").size(), order.encodePrettily());
    assertEquals("pending", order.getJsonArray("slots").getJsonObject(0).getString("state"));
  }

  @Test
  @DisplayName("the day in team forming has interest, comments, teams with open places, free agents and mentors")
  void teamFormingIsAlive() {
    assertTrue(count("SELECT count(*) FROM pitch_interest i JOIN pitches p ON p.id = i.pitch_id JOIN events e ON e.id = p.event_id "
        + "WHERE e.phase = 'team_forming'") >= 10);
    assertTrue(count("SELECT count(*) FROM pitch_comments") >= 3);
    assertEquals(7, count("SELECT count(*) FROM free_agents"));
    assertEquals(4, count("SELECT count(*) FROM mentors"));
    assertEquals(0, count("SELECT count(*) FROM free_agents f JOIN team_members m USING (event_id, person_id)"),
        "free agents are people without a team");
    assertEquals(0, count("SELECT count(*) FROM pitches p WHERE (SELECT count(*) FROM team_members m WHERE m.pitch_id = p.id) > p.capacity"));
  }

  @Test
  @DisplayName("the lab has projects at every stage, each with the history of how it got there")
  void labStages() {
    assertEquals(List.of("idea", "parked", "pilot", "prototype", "shipped"), demo.pool()
        .query("SELECT DISTINCT stage FROM pitches p JOIN events e ON e.id = p.event_id WHERE e.kind = 'lab' ORDER BY stage")
        .execute().await().stream().map(r -> r.getString(0)).toList());
    assertEquals(3 + 2 + 1 + 2, count("SELECT count(*) FROM pitch_stage_changes"));
  }

  @Test
  @DisplayName("the showcase goes back two years of quarterly days, with winners, demo links and shipped outcomes")
  void archive() {
    JsonObject showcase = (JsonObject) get("/api/showcase");
    assertEquals(List.of(2026, 2025, 2024), showcase.getJsonArray("years").stream()
        .map(y -> ((JsonObject) y).getInteger("year")).toList());
    long published = showcase.getJsonArray("years").stream().mapToLong(y -> ((JsonObject) y).getLong("events")).sum();
    assertEquals(9, published, "ShipIt 33 to 41");
    JsonObject oldest = (JsonObject) get("/api/showcase?year=2024");
    JsonObject first = oldest.getJsonArray("groups").getJsonObject(0).getJsonArray("events").getJsonObject(2);
    assertEquals("ShipIt 33 · April 2024", first.getString("title"));
    assertEquals(1, first.getJsonArray("winners").size());
    assertEquals(2, first.getJsonArray("finalists").size());
    JsonArray gallery = ((JsonObject) get("/api/showcase/events/" + first.getLong("id"))).getJsonArray("projects");
    JsonObject winner = (JsonObject) get("/api/projects/" + gallery.getJsonObject(0).getLong("id"));
    assertEquals(3, winner.getJsonArray("team").size());
    assertEquals(3, winner.getJsonArray("team").stream().map(m -> ((JsonObject) m).getString("department"))
        .distinct().count(), "a team across departments");
    assertEquals(2, winner.getJsonArray("links").size());
    assertEquals(List.of("shipped", "roadmap"), winner.getJsonArray("outcomeHistory").stream()
        .map(o -> ((JsonObject) o).getString("kind")).toList());
    assertEquals("hours_saved", winner.getJsonObject("outcome").getJsonObject("impact").getString("kind"));
    assertEquals(3, ((JsonObject) get("/api/showcase/shipped")).getJsonArray("projects").size());
  }

  @Test
  @DisplayName("the employee sign-in has a portfolio across all three events, with a reflection")
  void employeePortfolio() {
    long me = ((JsonObject) get("/api/me")).getLong("id");
    JsonObject portfolio = (JsonObject) get("/api/people/" + me + "/portfolio");
    assertEquals(3, portfolio.getJsonArray("events").size(), portfolio.encodePrettily());
    assertEquals(1, portfolio.getJsonArray("events").stream().map(o -> (JsonObject) o)
        .flatMap(e -> e.getJsonArray("projects").stream().map(p -> (JsonObject) p))
        .filter(p -> p.getString("reflection") != null).count());
  }

  @Test
  @DisplayName("the current day has a round ready to open with one live category and one hidden until the reveal")
  void currentRound() {
    JsonObject current = ((JsonArray) get("/api/events")).stream().map(o -> (JsonObject) o)
        .filter(e -> e.getString("phase").equals("team_forming")).findFirst().orElseThrow();
    JsonObject round = ((JsonArray) get("/api/events/" + current.getLong("id") + "/rounds")).getJsonObject(0);
    assertEquals("draft", round.getString("state"));
    assertEquals(List.of("live", "on_reveal"), round.getJsonArray("categories").stream()
        .map(c -> ((JsonObject) c).getString("visibility")).toList());
    assertTrue(round.getJsonArray("projects").size() >= 5);
  }

  @Test
  @DisplayName("the archived day has its closed heats and final with ballots, results and published awards")
  void pastRounds() {
    JsonObject past = ((JsonArray) get("/api/events")).stream().map(o -> (JsonObject) o)
        .filter(e -> e.getString("phase").equals("archived")).findFirst().orElseThrow();
    JsonArray rounds = (JsonArray) get("/api/events/" + past.getLong("id") + "/rounds");
    assertEquals(List.of("Singapore heat", "Berlin heat", "Grand final"), rounds.stream()
        .map(r -> ((JsonObject) r).getString("title")).toList());
    rounds.forEach(r -> assertEquals("closed", ((JsonObject) r).getString("state")));
    JsonObject tally = (JsonObject) get("/api/rounds/" + rounds.getJsonObject(2).getLong("id") + "/tally");
    assertEquals(11, tally.getJsonArray("categories").getJsonObject(0).getLong("ballots"));
    List<String> awards = ((JsonObject) get("/api/events/" + past.getLong("id") + "/awards")).getJsonArray("awards")
        .stream().map(a -> ((JsonObject) a).getString("kind")).toList();
    assertEquals(List.of("winner", "winner", "winner", "winner", "finalist", "finalist"), awards);
    long me = ((JsonObject) get("/api/me")).getLong("id");
    assertEquals(3, ((JsonObject) get("/api/people/" + me + "/portfolio")).getInteger("awardCount"),
        "the employee's project won its heat and the final's People's Choice, and was a finalist");
  }
}
