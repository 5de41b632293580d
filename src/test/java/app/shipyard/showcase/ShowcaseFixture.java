package app.shipyard.showcase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;

/**
 * A known archive. "ShipIt Spring 2025" (results) with Emma's "Alpha ledger", Otto's "Beta bot" (finalist), Cara's
 * "Zeta search" (winner, with Finn on the team) and Dev's "Secret sauce" (hidden by the organisers); "ShipIt Winter
 * 2026" (archived) with Emma's "Gamma"; the "Lab 2026" still building with Otto's "Delta"; and a draft.
 */
public final class ShowcaseFixture {

  public final Api api;
  public final Events events;
  public final String organiser;
  public final String leadership;
  public final String emma;
  public final String otto;
  public final String cara;
  public final long spring;
  public final long winter;
  public final long lab;
  public final long draft;
  public final long alpha;
  public final long beta;
  public final long zeta;
  public final long secret;
  public final long gamma;
  public final long delta;

  public ShowcaseFixture(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    organiser = events.organiserToken();
    leadership = api.token(TestShipyard.LEADERSHIP);
    emma = api.token(TestShipyard.EMPLOYEE);
    otto = api.token(TestShipyard.OTHER_EMPLOYEE);
    cara = Events.person("cara@test.example", "Cara Chen", "Design", "Singapore");
    String finn = Events.person("finn@test.example", "Finn Foster", "Data", "Sydney");
    String dev = Events.person("dev@test.example", "Dev Desai", "Engineering", "Berlin");

    spring = event("ShipIt Spring 2025", "2025-03-04T09:00:00Z", "2025-03-05T09:00:00Z", "day");
    alpha = events.pitch(emma, spring, new JsonObject().put("title", "Alpha ledger").put("problem", "Books *by hand*"));
    beta = events.pitch(otto, spring, new JsonObject().put("title", "Beta bot"));
    zeta = events.pitch(cara, spring, new JsonObject().put("title", "Zeta search").put("skills",
        new io.vertx.core.json.JsonArray().add("Java")));
    secret = events.pitch(dev, spring, new JsonObject().put("title", "Secret sauce"));
    ok(events.post(finn, "/api/pitches/" + zeta + "/join", new JsonObject()));
    events.moveTo(spring, "results");
    ok(events.post(organiser, "/api/pitches/" + secret + "/hide", new JsonObject().put("reason", "Confidential")));
    award(spring, zeta, "winner", "People's Choice", 1);
    award(spring, beta, "finalist", "People's Choice", 2);
    award(spring, secret, "winner", "Judges' Prize", 1);

    winter = event("ShipIt Winter 2026", "2026-01-20T09:00:00Z", "2026-01-21T09:00:00Z", "day");
    gamma = events.pitch(emma, winter, new JsonObject().put("title", "Gamma"));
    events.moveTo(winter, "archived");

    lab = event("Lab 2026", "2026-06-01T09:00:00Z", "2026-12-20T09:00:00Z", "lab");
    delta = events.pitch(otto, lab, new JsonObject().put("title", "Delta"));
    events.moveTo(lab, "building");
    draft = events.create(new JsonObject().put("title", "Draft plans"));
  }

  private long event(String title, String startsAt, String endsAt, String kind) {
    long id = events.create(new JsonObject().put("title", title).put("kind", kind).put("startsAt", startsAt)
        .put("endsAt", endsAt));
    events.moveTo(id, "pitching");
    return id;
  }

  /** Awards go in directly, as the voting feature's results will put them. */
  public void award(long event, long pitch, String kind, String title, int place) {
    TestShipyard.pool().preparedQuery("""
        INSERT INTO awards (event_id, pitch_id, kind, title, place, awarded_by) VALUES ($1, $2, $3, $4, $5, $6)
        """).execute(Tuple.of(event, pitch, kind, title, place, Fixture.personId(TestShipyard.ORGANISER))).await();
  }

  public JsonObject getJson(String token, String path) {
    HttpResponse<Buffer> response = events.get(token, path);
    assertEquals(200, response.statusCode(), path + ": " + response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  public static HttpResponse<Buffer> ok(HttpResponse<Buffer> response) {
    assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.bodyAsString());
    return response;
  }

  /** A valid outcome body: shipped on the given date, with the overrides. */
  public static JsonObject outcome(String kind, String happenedOn) {
    return new JsonObject().put("kind", kind).put("happenedOn", happenedOn);
  }
}
