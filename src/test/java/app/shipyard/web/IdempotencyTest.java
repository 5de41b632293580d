package app.shipyard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Idempotent writes: a repeat with the same Idempotency-Key gets the first answer and creates nothing")
class IdempotencyTest {

  private static final JsonObject COMMENT = new JsonObject().put("body", "Count me in");
  private Vertx vertx;
  private Api api;
  private Events events;
  private String emma;
  private String otto;
  private long event;
  private long pitch;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    this.vertx = vertx;
    api = new Api(vertx);
    events = new Events(api);
    emma = api.token(TestShipyard.EMPLOYEE);
    otto = api.token(TestShipyard.OTHER_EMPLOYEE);
    event = events.create(new JsonObject().put("joinByRequest", true));
    events.moveTo(event, "pitching");
    pitch = events.pitch(otto, event, new JsonObject().put("title", "Robot barista"));
  }

  private HttpResponse<Buffer> send(WebClient client, String token, String path, String key, JsonObject body) {
    var request = client.post(path).bearerTokenAuthentication(token);
    if (key != null) {
      request.putHeader("Idempotency-Key", key);
    }
    return request.sendJsonObject(body).await();
  }

  private HttpResponse<Buffer> comment(String token, String key, JsonObject body) {
    return send(api.client(), token, "/api/pitches/" + pitch + "/comments", key, body);
  }

  private long comments() {
    return Fixture.count("SELECT count(*) FROM pitch_comments WHERE pitch_id = $1", pitch);
  }

  private static String error(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getString("error");
  }

  @Test
  @DisplayName("A comment sent twice with one key is made once; the repeat gets the same 201 and the same comment")
  void repeatGetsFirstAnswer() {
    HttpResponse<Buffer> first = comment(emma, "c0ffee-1", COMMENT);
    HttpResponse<Buffer> again = comment(emma, "c0ffee-1", COMMENT);
    assertEquals(201, first.statusCode(), first.bodyAsString());
    assertEquals(201, again.statusCode(), again.bodyAsString());
    assertEquals(first.bodyAsJsonObject(), again.bodyAsJsonObject());
    assertEquals(1, comments());
  }

  @Test
  @DisplayName("Without the header, or with a new key, every request creates")
  void otherKeysCreate() {
    assertEquals(201, comment(emma, null, COMMENT).statusCode());
    assertEquals(201, comment(emma, null, COMMENT).statusCode());
    assertEquals(201, comment(emma, "key-a", COMMENT).statusCode());
    assertEquals(201, comment(emma, "key-b", COMMENT).statusCode());
    assertEquals(4, comments());
  }

  @Test
  @DisplayName("The same key with another body or on another address gets 422 and creates nothing")
  void sameKeyOtherRequest() {
    assertEquals(201, comment(emma, "k1", COMMENT).statusCode());
    HttpResponse<Buffer> otherBody = comment(emma, "k1", new JsonObject().put("body", "Changed my mind"));
    assertEquals(422, otherBody.statusCode(), otherBody.bodyAsString());
    assertTrue(error(otherBody).contains("already used for a different request"), error(otherBody));
    long second = events.pitch(emma, event, new JsonObject().put("title", "Second idea"));
    HttpResponse<Buffer> otherPath = send(api.client(), emma, "/api/pitches/" + second + "/comments", "k1", COMMENT);
    assertEquals(422, otherPath.statusCode(), otherPath.bodyAsString());
    assertEquals(1, Fixture.count("SELECT count(*) FROM pitch_comments"));
  }

  @Test
  @DisplayName("Keys belong to their person: someone else's request with the same key is made as well")
  void keysArePerPerson() {
    HttpResponse<Buffer> mine = comment(emma, "shared", COMMENT);
    HttpResponse<Buffer> theirs = comment(otto, "shared", COMMENT);
    assertEquals(201, theirs.statusCode(), theirs.bodyAsString());
    assertTrue(mine.bodyAsJsonObject().getLong("id") < theirs.bodyAsJsonObject().getLong("id"));
    assertEquals(2, comments());
  }

  @Test
  @DisplayName("Twenty concurrent requests with one key make one comment; the others get its answer or 409 while it runs")
  void concurrentRepeats() {
    List<Future<HttpResponse<Buffer>>> sent = IntStream.range(0, 20).mapToObj(i -> separateClient()
        .post("/api/pitches/" + pitch + "/comments").bearerTokenAuthentication(emma)
        .putHeader("Idempotency-Key", "flaky-phone").sendJsonObject(COMMENT)).toList();
    Future.all(sent).await();
    List<HttpResponse<Buffer>> answers = sent.stream().map(Future::result).toList();
    String seen = answers.stream().map(r -> r.statusCode() + " " + r.bodyAsString()).toList().toString();
    assertEquals(1, comments(), seen);
    long id = Fixture.count("SELECT id FROM pitch_comments WHERE pitch_id = $1", pitch);
    for (HttpResponse<Buffer> answer : answers) {
      if (answer.statusCode() == 201) {
        assertEquals(id, answer.bodyAsJsonObject().getLong("id"), seen);
      } else {
        assertEquals(409, answer.statusCode(), seen);
        assertTrue(error(answer).contains("still being handled"), seen);
      }
    }
    assertEquals(201, comment(emma, "flaky-phone", COMMENT).statusCode(), "after all settled, a repeat gets the answer");
  }

  @Test
  @DisplayName("A refused request keeps nothing: after a 400 the key works with the corrected body")
  void failuresFreeTheKey() {
    HttpResponse<Buffer> invalid = comment(emma, "retry-me", new JsonObject().put("body", " "));
    assertEquals(400, invalid.statusCode(), invalid.bodyAsString());
    assertEquals(201, comment(emma, "retry-me", COMMENT).statusCode());
    assertEquals(1, comments());
    assertEquals(1, Fixture.count("SELECT count(*) FROM idempotent_requests WHERE status = 201"));
  }

  @Test
  @DisplayName("A key is kept for a day: after that the same request is made again")
  void keysExpireAfterADay() {
    assertEquals(201, comment(emma, "yesterday", COMMENT).statusCode());
    TestShipyard.pool().query("UPDATE idempotent_requests SET created_at = now() - interval '25 hours'").execute().await();
    HttpResponse<Buffer> later = comment(emma, "yesterday", COMMENT);
    assertEquals(201, later.statusCode(), later.bodyAsString());
    assertEquals(2, comments());
    assertEquals(1, Fixture.count("SELECT count(*) FROM idempotent_requests WHERE created_at > now() - interval '1 hour'"));
  }

  @Test
  @DisplayName("Pitches and join requests take the key too: a repeat answers 201 or 202 again without a second one")
  void pitchesAndJoinRequests() {
    JsonObject idea = new JsonObject().put("title", "Carbon bot").put("summary", "Counts our CO2");
    HttpResponse<Buffer> pitched = send(api.client(), emma, "/api/events/" + event + "/pitches", "pitch-1", idea);
    HttpResponse<Buffer> pitchedAgain = send(api.client(), emma, "/api/events/" + event + "/pitches", "pitch-1", idea);
    assertEquals(201, pitched.statusCode(), pitched.bodyAsString());
    assertEquals(201, pitchedAgain.statusCode(), pitchedAgain.bodyAsString());
    assertEquals(pitched.bodyAsJsonObject().getLong("id"), pitchedAgain.bodyAsJsonObject().getLong("id"));
    assertEquals(1, Fixture.count("SELECT count(*) FROM pitches WHERE title = 'Carbon bot'"));

    String leo = api.token(TestShipyard.LEADERSHIP);
    JsonObject ask = new JsonObject().put("message", "I can help");
    HttpResponse<Buffer> asked = send(api.client(), leo, "/api/pitches/" + pitch + "/join", "join-1", ask);
    HttpResponse<Buffer> askedAgain = send(api.client(), leo, "/api/pitches/" + pitch + "/join", "join-1", ask);
    assertEquals(202, asked.statusCode(), asked.bodyAsString());
    assertEquals(202, askedAgain.statusCode(), askedAgain.bodyAsString());
    assertEquals(asked.bodyAsJsonObject(), askedAgain.bodyAsJsonObject());
    assertEquals(1, Fixture.count("SELECT count(*) FROM join_requests WHERE pitch_id = $1", pitch));
  }

  @Test
  @DisplayName("A key that is empty, too long or has spaces gets 400 naming the header, and nothing is made")
  void malformedKeys() {
    for (String key : List.of("", "has space", "x".repeat(256))) {
      HttpResponse<Buffer> response = comment(emma, key, COMMENT);
      assertEquals(400, response.statusCode(), key + ": " + response.bodyAsString());
      assertTrue(response.bodyAsJsonObject().getJsonObject("fields").containsKey("Idempotency-Key"));
    }
    assertEquals(201, comment(emma, "\"quoted-key\"", COMMENT).statusCode(), "a structured-field string is fine");
    assertEquals(1, comments());
  }

  /** A client with its own connections, so that all requests really are in flight at once. */
  private WebClient separateClient() {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(TestShipyard.port()));
  }
}
