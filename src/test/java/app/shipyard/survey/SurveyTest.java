package app.shipyard.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An event in Results where Emma pitched and Otto joined her team; Leo (leadership and employee) took no part. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("The post-event feedback survey")
class SurveyTest {

  private Api api;
  private Events events;
  private String organiser;
  private String emma;
  private String otto;
  private long event;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    organiser = events.organiserToken();
    emma = api.token(TestShipyard.EMPLOYEE);
    otto = api.token(TestShipyard.OTHER_EMPLOYEE);
    event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    long pitch = events.pitch(emma, event, new JsonObject().put("title", "Bot"));
    assertEquals(200, events.post(otto, "/api/pitches/" + pitch + "/join", new JsonObject()).statusCode());
    events.moveTo(event, "results");
  }

  private String path(String tail) {
    return "/api/events/" + event + "/survey" + tail;
  }

  private HttpResponse<Buffer> answer(String token, int rating, int again, String better) {
    return api.as(token, api.client().put(path("/answer"))).sendJsonObject(new JsonObject().put("rating", rating)
        .put("again", again).put("wentWell", "").put("better", better)).await();
  }

  private HttpResponse<Buffer> open() {
    return events.post(organiser, path(""), new JsonObject());
  }

  private static long answers() {
    return Fixture.count("SELECT count(*) FROM survey_answers");
  }

  @Test
  @DisplayName("Organisers open a survey once the event has its results, once per event")
  void opening() {
    long building = events.create(new JsonObject().put("title", "Still building"));
    events.moveTo(building, "building");
    HttpResponse<Buffer> early = events.post(organiser, "/api/events/" + building + "/survey", new JsonObject());
    assertEquals(409, early.statusCode());
    assertTrue(early.bodyAsJsonObject().getString("error").contains("Results"), early.bodyAsString());
    String waiting = api.browser().signIn(TestShipyard.ORGANISER).getPage("/events/" + building + "/survey").bodyAsString();
    assertTrue(waiting.contains("id=\"opens-later\"") && !waiting.contains("id=\"open-survey\""), waiting);

    HttpResponse<Buffer> opened = open();
    assertEquals(201, opened.statusCode(), opened.bodyAsString());
    assertEquals("open", opened.bodyAsJsonObject().getString("state"));
    assertEquals(409, open().statusCode(), "a second survey for the same event");
    assertEquals(403, events.post(emma, path(""), new JsonObject()).statusCode());
    assertEquals("open", events.get(emma, path("")).bodyAsJsonObject().getString("state"));
  }

  @Test
  @DisplayName("A participant answers once and may change the answer until the survey closes; then it is final")
  void answerChangeClose() {
    assertEquals(404, answer(emma, 4, 9, "").statusCode(), "no survey yet");
    open();
    HttpResponse<Buffer> first = answer(emma, 4, 9, "More pizza");
    assertEquals(201, first.statusCode(), first.bodyAsString());
    HttpResponse<Buffer> changed = answer(emma, 5, 10, "More time");
    assertEquals(200, changed.statusCode(), changed.bodyAsString());
    assertEquals(1, answers());
    JsonObject mine = events.get(emma, path("")).bodyAsJsonObject();
    assertEquals(true, mine.getBoolean("canAnswer"));
    assertEquals(new JsonObject().put("rating", 5).put("again", 10).put("wentWell", "").put("better", "More time"),
        mine.getJsonObject("answer"));

    assertEquals(200, events.post(organiser, path("/close"), new JsonObject()).statusCode());
    HttpResponse<Buffer> late = answer(emma, 1, 0, "Changed my mind");
    assertEquals(409, late.statusCode());
    assertTrue(late.bodyAsJsonObject().getString("error").contains("closed"), late.bodyAsString());
    assertEquals(409, answer(otto, 3, 7, "").statusCode(), "no first answers after the close either");
    assertEquals(1, answers());
    assertEquals(5, Fixture.count("SELECT rating FROM survey_answers"));
    assertEquals(409, events.post(organiser, path("/close"), new JsonObject()).statusCode());
    assertEquals(false, events.get(emma, path("")).bodyAsJsonObject().getBoolean("canAnswer"));
  }

  @Test
  @DisplayName("Twenty answers sent at once by one person leave one row: one created, the others changed it")
  void concurrentAnswers() {
    open();
    List<Future<HttpResponse<Buffer>>> sent = IntStream.range(0, 20).mapToObj(i -> api.as(emma,
        api.client().put(path("/answer"))).sendJsonObject(new JsonObject().put("rating", 1 + i % 5).put("again", i % 11)))
        .toList();
    Future.all(sent).await();
    List<Integer> statuses = sent.stream().map(f -> f.result().statusCode()).toList();
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(19, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    assertEquals(1, answers());
  }

  @Test
  @DisplayName("People who did not take part, and people without the employee role, cannot answer; bad answers are 400")
  void refusals() {
    open();
    String leo = api.token(TestShipyard.LEADERSHIP);
    HttpResponse<Buffer> outsider = answer(leo, 4, 8, "");
    assertEquals(403, outsider.statusCode());
    assertTrue(outsider.bodyAsJsonObject().getString("error").contains("took part"), outsider.bodyAsString());
    assertEquals(false, events.get(leo, path("")).bodyAsJsonObject().getBoolean("takesPart"));

    HttpResponse<Buffer> bad = api.as(emma, api.client().put(path("/answer")))
        .sendJsonObject(new JsonObject().put("rating", 6).put("better", "x".repeat(2001))).await();
    assertEquals(400, bad.statusCode());
    JsonObject fields = bad.bodyAsJsonObject().getJsonObject("fields");
    assertEquals("must be a whole number from 1 to 5", fields.getString("rating"));
    assertEquals("is required: a whole number from 0 to 10", fields.getString("again"));
    assertEquals("must be at most 2000 characters", fields.getString("better"));
    assertEquals(400, answer(emma, 3, 11, "").statusCode());
    assertEquals(0, answers());
  }

  @Test
  @DisplayName("Results: average rating, promoters, passives, detractors and NPS, and the comments, for readers only")
  void results() {
    open();
    answer(emma, 5, 10, "Longer demos");
    answer(otto, 2, 3, "");
    HttpResponse<Buffer> response = events.get(api.token(TestShipyard.LEADERSHIP), path("/results"));
    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject r = response.bodyAsJsonObject();
    assertEquals(2, r.getInteger("responses"));
    assertEquals(2, r.getInteger("takingPart"));
    assertEquals(3.5, r.getDouble("averageRating"));
    assertEquals(1, r.getInteger("promoters"));
    assertEquals(0, r.getInteger("passives"));
    assertEquals(1, r.getInteger("detractors"));
    assertEquals(0, r.getInteger("nps"), "50% promoters - 50% detractors");
    assertEquals("Longer demos", r.getJsonArray("better").getString(0));
    answer(otto, 2, 9, "");
    assertEquals(100, events.get(organiser, path("/results")).bodyAsJsonObject().getInteger("nps"));
    assertEquals(403, events.get(emma, path("/results")).statusCode());
  }

  @Test
  @DisplayName("The survey page: organisers open it by form, participants answer and change by form, readers see results")
  void pages() {
    Api.Browser olga = api.browser().signIn(TestShipyard.ORGANISER);
    String page = "/events/" + event + "/survey";
    assertTrue(olga.getPage(page).bodyAsString().contains("id=\"open-survey\""));
    assertEquals(303, olga.postForm(page, page, MultiMap.caseInsensitiveMultiMap()).statusCode());

    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    HttpResponse<Buffer> sent = browser.postForm(page, page + "/answer", MultiMap.caseInsensitiveMultiMap()
        .add("rating", "4").add("again", "9").add("wentWell", "<b>Teams</b>"));
    assertEquals(303, sent.statusCode());
    assertEquals(page, sent.getHeader("Location"));
    String after = browser.getPage(page).bodyAsString();
    assertTrue(after.contains("name=\"rating\" value=\"4\" required checked"), after);
    assertTrue(after.contains("Change my answer") && after.contains("&lt;b&gt;Teams&lt;/b&gt;"), after);

    String results = olga.getPage(page).bodyAsString();
    assertTrue(results.contains("<dd class=\"average-rating\">4.00</dd>") && results.contains("<dd class=\"nps\">100</dd>")
        && results.contains("&lt;b&gt;Teams&lt;/b&gt;") && results.contains("id=\"close-survey\""), results);
    HttpResponse<Buffer> bad = browser.postForm(page, page + "/answer", MultiMap.caseInsensitiveMultiMap().add("rating", "9"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.getHeader("Content-Type").startsWith("text/html"));

    String outsider = api.browser().signIn(TestShipyard.LEADERSHIP).getPage(page).bodyAsString();
    assertTrue(outsider.contains("id=\"not-taking-part\"") && !outsider.contains("id=\"survey-form\""), outsider);
  }
}
