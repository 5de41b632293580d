package app.shipyard.stage;

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
import java.util.List;

/**
 * An event in building with three teams, pitched in this order: Emma's "Bot", Otto's "Data" and Sam's "Docs" (each
 * captain is their team). Running order actions go through the API as the organiser.
 */
final class StageFixture {

  final Api api;
  final Events events;
  final String organiser;
  final String emma;
  final String otto;
  final long event;
  final long bot;
  final long data;
  final long docs;

  StageFixture(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    organiser = events.organiserToken();
    emma = api.token(TestShipyard.EMPLOYEE);
    otto = api.token(TestShipyard.OTHER_EMPLOYEE);
    String sam = Events.person("sam@test.example", "Sam Sydney", "Engineering", "Sydney");
    event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    bot = events.pitch(emma, event, new JsonObject().put("title", "Bot"));
    data = events.pitch(otto, event, new JsonObject().put("title", "Data"));
    docs = events.pitch(sam, event, new JsonObject().put("title", "Docs"));
    events.moveTo(event, "building");
  }

  String path(String action) {
    return "/api/events/" + event + "/running-order" + (action.isEmpty() ? "" : "/" + action);
  }

  HttpResponse<Buffer> act(String action, JsonObject body) {
    return events.post(organiser, path(action), body);
  }

  /** The action, which must succeed; the running order it answers. */
  JsonObject done(String action, JsonObject body) {
    HttpResponse<Buffer> response = act(action, body);
    assertEquals(200, response.statusCode(), action + ": " + response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  JsonObject done(String action) {
    return done(action, new JsonObject());
  }

  JsonObject order() {
    HttpResponse<Buffer> response = events.get(emma, path(""));
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  /** Each slot as {@code Title:state}, in running order. */
  static String states(JsonObject order) {
    StringBuilder text = new StringBuilder();
    order.getJsonArray("slots").forEach(s -> {
      JsonObject slot = (JsonObject) s;
      text.append(text.length() == 0 ? "" : " ").append(slot.getString("title")).append(':')
          .append(slot.getString("state"));
    });
    return text.toString();
  }

  static List<Long> slotIds(JsonObject order) {
    return order.getJsonArray("slots").stream().map(s -> ((JsonObject) s).getLong("id")).toList();
  }

  static long slotId(JsonObject order, String title) {
    return order.getJsonArray("slots").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("title").equals(title)).findFirst().orElseThrow().getLong("id");
  }

  static String error(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getString("error");
  }

  static String field(HttpResponse<Buffer> response, String name) {
    return response.bodyAsJsonObject().getJsonObject("fields").getString(name);
  }

  /** A team that formed late: a pitch of a new person's with them as its captain, written straight to the database. */
  long lateTeam(String title) {
    Events.person("late@test.example", "Lea Late", "Sales", "Berlin");
    long person = Fixture.personId("late@test.example");
    TestShipyard.pool().preparedQuery("INSERT INTO event_participants (event_id, person_id) VALUES ($1, $2)")
        .execute(Tuple.of(event, person)).await();
    long pitch = TestShipyard.pool().preparedQuery("""
        INSERT INTO pitches (event_id, captain_id, title, summary, capacity) VALUES ($1, $2, $3, 'Late', 3) RETURNING id
        """).execute(Tuple.of(event, person, title)).await().iterator().next().getLong(0);
    TestShipyard.pool().preparedQuery(
            "INSERT INTO team_members (pitch_id, person_id, event_id, is_captain) VALUES ($1, $2, $3, true)")
        .execute(Tuple.of(pitch, person, event)).await();
    return pitch;
  }

  /** Opens a single-ballot round of one category on every project; returns its JSON. */
  JsonObject openRound(String visibility) {
    HttpResponse<Buffer> created = events.post(organiser, "/api/events/" + event + "/rounds", new JsonObject()
        .put("title", "People's vote").put("ballot", "single").put("visibility", visibility)
        .put("categories", new JsonArray().add("People's Choice")));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    JsonObject round = created.bodyAsJsonObject();
    assertEquals(200, events.post(organiser, "/api/rounds/" + round.getLong("id") + "/open", new JsonObject())
        .statusCode());
    return round;
  }
}
