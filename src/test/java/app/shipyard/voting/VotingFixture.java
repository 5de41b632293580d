package app.shipyard.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * A known event in its demos phase with three projects: Emma's "Bot", Otto's "Data" and Sam's "Docs" (each captain
 * takes part through their team). Voters are added as people taking part; rounds are made through the API.
 */
final class VotingFixture {

  final Api api;
  final Events events;
  final String organiser;
  final String admin;
  final String emma;
  final String otto;
  final String sam;
  final long event;
  final long bot;
  final long data;
  final long docs;
  /** A client with room for many requests at once, for races. */
  final WebClient wide;

  VotingFixture(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    organiser = events.organiserToken();
    admin = api.token(TestShipyard.ADMIN);
    emma = api.token(TestShipyard.EMPLOYEE);
    otto = api.token(TestShipyard.OTHER_EMPLOYEE);
    sam = Events.person("sam@test.example", "Sam Sydney", "Engineering", "Sydney");
    event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    bot = events.pitch(emma, event, new JsonObject().put("title", "Bot"));
    data = events.pitch(otto, event, new JsonObject().put("title", "Data"));
    docs = events.pitch(sam, event, new JsonObject().put("title", "Docs"));
    events.moveTo(event, "demos");
    wide = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(TestShipyard.port()), new PoolOptions().setHttp1MaxSize(64));
  }

  /** A new employee taking part in the event (no team); returns their token. */
  String voter(String name) {
    String email = name.toLowerCase().replace(' ', '.') + "@test.example";
    String token = Events.person(email, name, "Sales", "Berlin");
    TestShipyard.pool().preparedQuery("INSERT INTO event_participants (event_id, person_id) VALUES ($1, $2)")
        .execute(Tuple.of(event, Fixture.personId(email))).await();
    return token;
  }

  /** Creates a round (single ballot, one category "People's Choice", unless overridden); returns it as JSON. */
  JsonObject round(JsonObject overrides) {
    JsonObject body = new JsonObject().put("title", "Demo round").put("ballot", "single")
        .put("categories", new JsonArray().add("People's Choice")).mergeIn(overrides);
    HttpResponse<Buffer> created = events.post(organiser, "/api/events/" + event + "/rounds", body);
    assertEquals(201, created.statusCode(), created.bodyAsString());
    return created.bodyAsJsonObject();
  }

  /** Creates and opens a round; returns it as JSON (as created, so its state reads draft). */
  JsonObject openRound(JsonObject overrides) {
    JsonObject round = round(overrides);
    change(round.getLong("id"), "open");
    return round;
  }

  void change(long round, String action) {
    HttpResponse<Buffer> changed = events.post(organiser, "/api/rounds/" + round + "/" + action, new JsonObject());
    assertEquals(200, changed.statusCode(), changed.bodyAsString());
  }

  static long category(JsonObject round, int index) {
    return round.getJsonArray("categories").getJsonObject(index).getLong("id");
  }

  HttpResponse<Buffer> vote(String token, long round, JsonObject ballot) {
    JsonObject body = new JsonObject().put("voteId", UUID.randomUUID().toString()).mergeIn(ballot);
    return events.post(token, "/api/rounds/" + round + "/votes", body);
  }

  static JsonObject single(long category, long pitch) {
    return new JsonObject().put("categoryId", category).put("pitchId", pitch);
  }

  static JsonObject budget(long category, long... pairs) {
    JsonArray points = new JsonArray();
    for (int i = 0; i < pairs.length; i += 2) {
      points.add(new JsonObject().put("pitchId", pairs[i]).put("points", pairs[i + 1]));
    }
    return new JsonObject().put("categoryId", category).put("points", points);
  }

  static JsonObject ranked(long category, long... pitches) {
    JsonArray ranking = new JsonArray();
    for (long pitch : pitches) {
      ranking.add(pitch);
    }
    return new JsonObject().put("categoryId", category).put("ranking", ranking);
  }

  JsonObject tally(String token, long round) {
    HttpResponse<Buffer> tally = events.get(token, "/api/rounds/" + round + "/tally");
    assertEquals(200, tally.statusCode(), tally.bodyAsString());
    return tally.bodyAsJsonObject();
  }

  /** Points per project title in one category of the tally, as the organiser sees it, e.g. {@code Bot=3 Data=1}. */
  String points(long round, int categoryIndex) {
    JsonObject category = tally(organiser, round).getJsonArray("categories").getJsonObject(categoryIndex);
    StringBuilder text = new StringBuilder();
    category.getJsonArray("standings").forEach(s -> {
      JsonObject standing = (JsonObject) s;
      text.append(text.length() == 0 ? "" : " ").append(standing.getString("title")).append('=')
          .append(standing.getLong("points"));
    });
    return text.toString();
  }

  static String error(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getString("error");
  }

  /** What a commit failed with, or null when it committed. */
  static Throwable failure(io.vertx.core.Future<Void> outcome) {
    return outcome.transform(done -> io.vertx.core.Future.succeededFuture(done.failed() ? done.cause() : null)).await();
  }

  /** Writes a ballot straight into the database, bypassing the application; returns its id. */
  static long writeBallot(io.vertx.sqlclient.SqlConnection c, long round, long category, long voter, long pitch,
                          int points) {
    long ballot = c.preparedQuery("INSERT INTO ballots (round_id, category_id, voter_id) VALUES ($1, $2, $3) RETURNING id")
        .execute(Tuple.of(round, category, voter)).await().iterator().next().getLong("id");
    addChoice(c, ballot, round, pitch, points);
    return ballot;
  }

  static void addChoice(io.vertx.sqlclient.SqlConnection c, long ballot, long round, long pitch, int points) {
    c.preparedQuery("INSERT INTO ballot_choices (ballot_id, round_id, pitch_id, points) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(ballot, round, pitch, points)).await();
  }
}
