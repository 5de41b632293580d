package app.shipyard.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A known archive, built through the API (awards and outcomes straight into their tables, as their writers do).
 * People: Emma (Engineering, Berlin), Otto (Design, Berlin), Kai Nakamura (Data, Sydney), Lena Fischer (Marketing,
 * New York).
 * <ul>
 *   <li>ShipIt 40 (day, 2025, archived): Kubernetes autoscaler (Emma + Otto; Kubernetes, Go; #infra; winner
 *       "People's Choice"; shipped), Support chatbot (Otto + Kai; Python; #ai; finalist "Most Innovative"; on a
 *       roadmap), {@code <script>} Tracker (Emma; #security), and Secret kubernetes migration, hidden.</li>
 *   <li>Lab 2026 (lab, 2026, results): Carbon dashboard (Lena; React; #climate #AI; parked), Running analytics (Kai;
 *       Python, React; #ai).</li>
 *   <li>ShipIt 42 (day, building, not published): Kubernetes cost explorer (Emma).</li>
 *   <li>ShipIt 43 (draft).</li>
 * </ul>
 */
final class SearchArchive {

  final Api api;
  final Events events;
  final String emma;
  final String otto;
  final String kai;
  final String lena;
  long shipIt40;
  long lab2026;
  long building;
  long draft;
  long autoscaler;
  long chatbot;
  long tracker;
  long secret;
  long carbon;
  long running;
  long explorer;

  SearchArchive(Api api) {
    this.api = api;
    this.events = new Events(api);
    Events.skills("Kubernetes", "Go", "Python", "React");
    this.emma = api.token(TestShipyard.EMPLOYEE);
    this.otto = api.token(TestShipyard.OTHER_EMPLOYEE);
    this.kai = Events.person("kai@test.example", "Kai Nakamura", "Data", "Sydney");
    this.lena = Events.person("lena@test.example", "Lena Fischer", "Marketing", "New York");
  }

  /** An empty database with the fixture, then this archive. */
  static SearchArchive fresh(Vertx vertx) {
    TestShipyard.reset();
    return new SearchArchive(new Api(vertx)).build();
  }

  SearchArchive build() {
    shipIt40 = event("ShipIt 40", "day", "2025-03-04T09:00:00Z");
    autoscaler = pitch(emma, shipIt40, "Kubernetes autoscaler", "Scale pods by queue depth",
        "Our clusters run hot at night.", List.of("Kubernetes", "Go"), List.of("infra"));
    join(otto, autoscaler);
    chatbot = pitch(otto, shipIt40, "Support chatbot", "Answers customer questions from the docs",
        "A chatbot trained on our help centre.", List.of("Python"), List.of("ai"));
    join(kai, chatbot);
    tracker = pitch(emma, shipIt40, "<script>alert(1)</script> Tracker", "Tracks <b>bold</b> claims & more",
        "", List.of(), List.of("security"));
    secret = pitch(emma, shipIt40, "Secret kubernetes migration", "Moves the secret clusters", "", List.of(),
        List.of());
    assertEquals(200, events.post(events.organiserToken(), "/api/pitches/" + secret + "/hide",
        new JsonObject().put("reason", "Confidential")).statusCode());
    events.moveTo(shipIt40, "archived");
    award(autoscaler, shipIt40, "winner", "People's Choice");
    award(chatbot, shipIt40, "finalist", "Most Innovative");
    outcome(autoscaler, "shipped", "Running in production for every cluster");
    outcome(chatbot, "roadmap", "On the support roadmap for next year");

    lab2026 = event("Lab 2026", "lab", "2026-02-02T09:00:00Z");
    carbon = pitch(lena, lab2026, "Carbon dashboard", "Measures running costs and emissions", "",
        List.of("React"), List.of("climate", "AI"));
    running = pitch(kai, lab2026, "Running analytics", "Analyses how teams run their demos", "",
        List.of("Python", "React"), List.of("ai"));
    events.moveTo(lab2026, "results");
    outcome(carbon, "parked", "Parked until the data team has time");

    building = event("ShipIt 42", "day", "2026-09-01T09:00:00Z");
    explorer = pitch(emma, building, "Kubernetes cost explorer", "Shows what each cluster costs", "", List.of(),
        List.of());
    events.moveTo(building, "building");
    draft = events.create(new JsonObject().put("title", "ShipIt 43"));
    return this;
  }

  private long event(String title, String kind, String startsAt) {
    long id = events.create(new JsonObject().put("title", title).put("kind", kind).put("startsAt", startsAt)
        .put("endsAt", startsAt.replace("T09", "T18")).put("teamsPerPerson", 5));
    events.moveTo(id, "pitching");
    return id;
  }

  private long pitch(String token, long event, String title, String summary, String idea, List<String> skills,
                     List<String> tags) {
    return events.pitch(token, event, new JsonObject().put("title", title).put("summary", summary).put("idea", idea)
        .put("skills", new JsonArray(skills)).put("tags", new JsonArray(tags)));
  }

  void join(String token, long pitch) {
    assertEquals(200, events.post(token, "/api/pitches/" + pitch + "/join", new JsonObject()).statusCode());
  }

  static void award(long pitch, long event, String kind, String title) {
    sql("INSERT INTO awards (event_id, pitch_id, kind, title, awarded_by) VALUES ($1, $2, $3, $4, $5)",
        event, pitch, kind, title, Fixture.personId(TestShipyard.ORGANISER));
  }

  static void outcome(long pitch, String kind, String note) {
    sql("INSERT INTO project_outcomes (pitch_id, kind, happened_on, note, recorded_by) "
        + "VALUES ($1, $2, current_date, $3, $4)", pitch, kind, note, Fixture.personId(TestShipyard.ORGANISER));
  }

  static void sql(String sql, Object... params) {
    TestShipyard.pool().preparedQuery(sql).execute(Tuple.from(params)).await();
  }

  /** {@code GET /api/showcase/search} as Emma with this query string (no leading {@code ?}). */
  HttpResponse<Buffer> search(String query) {
    return search(emma, query);
  }

  HttpResponse<Buffer> search(String token, String query) {
    return events.get(token, "/api/showcase/search?" + query);
  }

  /** The search's answer, which must be 200. */
  JsonObject found(String query) {
    HttpResponse<Buffer> response = search(query);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  /** The titles found, in order. */
  List<String> titles(String query) {
    return found(query).getJsonArray("results").stream().map(o -> ((JsonObject) o).getString("title")).toList();
  }

  static String q(String words) {
    return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
  }
}
