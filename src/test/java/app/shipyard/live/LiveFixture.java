package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * An event in its demos phase with Emma's "Bot" and Otto's "Data" (their teams take part), built through the API;
 * voters are added as people taking part, rounds are created and changed by the organiser through the API.
 */
final class LiveFixture {

  final Vertx vertx;
  final Events events;
  final String organiser;
  final String emma;
  final String otto;
  final long event;
  final long bot;
  final long data;

  LiveFixture(Vertx vertx) {
    TestShipyard.reset();
    this.vertx = vertx;
    events = new Events(new Api(vertx));
    organiser = events.organiserToken();
    emma = Events.ssoToken(TestShipyard.EMPLOYEE);
    otto = Events.ssoToken(TestShipyard.OTHER_EMPLOYEE);
    event = events.create(new JsonObject().put("title", "Live Day"));
    events.moveTo(event, "pitching");
    bot = events.pitch(emma, event, new JsonObject().put("title", "Bot"));
    data = events.pitch(otto, event, new JsonObject().put("title", "Data"));
    events.moveTo(event, "demos");
  }

  /** Someone taking part in the event without a team; returns their token. */
  String voter(String name) {
    String email = name.toLowerCase().replace(' ', '.') + "@test.example";
    String token = Events.person(email, name, "Sales", "Berlin");
    TestShipyard.pool().preparedQuery("INSERT INTO event_participants (event_id, person_id) "
        + "SELECT $1, id FROM people WHERE email = $2").execute(Tuple.of(event, email)).await();
    return token;
  }

  /** A new round of one category, "People's Choice" (single ballot unless {@code rules} say otherwise). */
  JsonObject round(JsonObject rules) {
    JsonObject body = rules.copy();
    body.put("title", body.getString("title", "Final")).put("ballot", body.getString("ballot", "single"))
        .put("categories", body.getJsonArray("categories", new JsonArray().add("People's Choice")));
    HttpResponse<Buffer> created = events.post(organiser, "/api/events/" + event + "/rounds", body);
    assertEquals(201, created.statusCode(), "round not created: " + created.bodyAsString());
    return created.bodyAsJsonObject();
  }

  long openRound(JsonObject rules) {
    long id = round(rules).getLong("id");
    change(id, "open");
    return id;
  }

  void change(long round, String action) {
    HttpResponse<Buffer> changed = events.post(organiser, "/api/rounds/" + round + "/" + action, new JsonObject());
    assertEquals(200, changed.statusCode(), changed.bodyAsString());
  }

  long category(long round) {
    return events.get(organiser, "/api/rounds/" + round).bodyAsJsonObject().getJsonArray("categories")
        .getJsonObject(0).getLong("id");
  }

  /** A vote message for the live channel: one project in the round's first category. */
  JsonObject vote(long round, long pitch) {
    return new JsonObject().put("type", "vote").put("roundId", round).put("voteId", UUID.randomUUID().toString())
        .put("categoryId", category(round)).put("pitchId", pitch);
  }

  HttpResponse<Buffer> voteOverHttp(String token, JsonObject vote) {
    return events.post(token, "/api/rounds/" + vote.getLong("roundId") + "/votes", vote);
  }
}
