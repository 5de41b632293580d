package app.shipyard.stage;

import static app.shipyard.stage.StageFixture.slotId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Demo session screens: control room, projector and phone page, without JavaScript")
class StageScreensTest {

  private StageFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new StageFixture(vertx);
    f.done("build");
    f.events.moveTo(f.event, "demos");
  }

  @Test
  @DisplayName("The projector shows the team on stage, its countdown and the QR code, and reloads itself")
  void projector() {
    f.done("start");
    HttpResponse<Buffer> page = f.api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/events/" + f.event
        + "/projector");
    assertEquals(200, page.statusCode());
    String html = page.bodyAsString();
    assertTrue(html.contains("<h1 id=\"on-stage-title\">Bot</h1>"), html);
    assertTrue(html.contains("Emma Employee"), html);
    assertTrue(html.contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>"), html);
    assertTrue(Pattern.compile("id=\"timer\"[^>]*>(3:00|2:5\\d)</p>").matcher(html).find(), html);
    assertTrue(html.contains("src=\"/events/" + f.event + "/projector/qr.svg\""), html);
    assertTrue(html.contains("Next up: Data"), html);
  }

  @Test
  @DisplayName("The projector's QR code decodes to the phone voting page at the public address")
  void qrCode() throws Exception {
    HttpResponse<Buffer> svg = f.api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/events/" + f.event
        + "/projector/qr.svg");
    assertEquals(200, svg.statusCode());
    assertEquals("image/svg+xml", svg.getHeader("Content-Type"));
    assertEquals(TestShipyard.PUBLIC_ORIGIN + "/events/" + f.event + "/vote", decode(svg.bodyAsString()));
  }

  /** Draws the SVG's modules (8 pixels each) and reads them back with ZXing's QR reader. */
  private static String decode(String svg) throws Exception {
    Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
    assertTrue(box.find(), svg);
    int modules = Integer.parseInt(box.group(1));
    int scale = 8;
    int size = modules * scale;
    int[] pixels = new int[size * size];
    java.util.Arrays.fill(pixels, 0xFFFFFFFF);
    Matcher module = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
    while (module.find()) {
      int x = Integer.parseInt(module.group(1));
      int y = Integer.parseInt(module.group(2));
      for (int dy = 0; dy < scale; dy++) {
        java.util.Arrays.fill(pixels, (y * scale + dy) * size + x * scale, (y * scale + dy) * size + (x + 1) * scale,
            0xFF000000);
      }
    }
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
    return new QRCodeReader().decode(bitmap).getText();
  }

  @Test
  @DisplayName("The phone page shows the project on stage first and a plain ballot form for the open round")
  void phone() {
    f.done("start", new JsonObject().put("slotId", slotId(f.order(), "Data")));
    JsonObject round = f.openRound("live");
    long roundId = round.getLong("id");
    Api.Browser voter = f.api.browser().signIn(TestShipyard.EMPLOYEE);
    String html = voter.getPage("/events/" + f.event + "/vote").bodyAsString();
    assertTrue(html.contains("<h1 id=\"on-stage-title\">Data</h1>"), html);
    assertTrue(html.contains("action=\"/rounds/" + roundId + "/votes\""), html);
    int data = html.indexOf("name=\"pitchId\" value=\"" + f.data + "\"");
    int bot = html.indexOf("name=\"pitchId\" value=\"" + f.bot + "\"");
    assertTrue(data > 0 && bot > data, "the project on stage comes first on the ballot");

    long category = round.getJsonArray("categories").getJsonObject(0).getLong("id");
    MultiMap vote = MultiMap.caseInsensitiveMultiMap().add("voteId", java.util.UUID.randomUUID().toString())
        .add("categoryId", String.valueOf(category)).add("pitchId", String.valueOf(f.data))
        .add("back", "/events/" + f.event + "/vote");
    assertTrue(html.contains("name=\"back\" value=\"/events/" + f.event + "/vote\""), html);
    HttpResponse<Buffer> posted = voter.postForm("/events/" + f.event + "/vote", "/rounds/" + roundId + "/votes",
        vote);
    assertEquals(303, posted.statusCode(), posted.bodyAsString());
    assertEquals("/events/" + f.event + "/vote?voted=" + category, posted.getHeader("Location"),
        "a vote from the phone page goes back to the phone page");
    String after = voter.getPage("/events/" + f.event + "/vote").bodyAsString();
    assertTrue(after.contains("Your vote: Data"), after);
    assertFalse(after.contains("action=\"/rounds/" + roundId + "/votes\""), "one vote, no changes allowed");
  }

  @Test
  @DisplayName("The projector shows live results as everyone may see them, and hides results kept for the reveal")
  void results() {
    JsonObject live = f.openRound("live");
    f.openRound("on_reveal");
    String html = f.api.browser().signIn(TestShipyard.ORGANISER).getPage("/events/" + f.event + "/projector")
        .bodyAsString();
    assertEquals(1, html.split("class=\"result\"", -1).length - 1, "only the live round, even for an organiser");
    assertTrue(html.contains("data-round=\"" + live.getLong("id") + "\""), html);
    assertTrue(html.contains("<h1 id=\"on-stage-title\" class=\"waiting\">"), html);
  }

  @Test
  @DisplayName("The control room lists the running order with its forms, and a form post moves the stage")
  void controlRoom() {
    Api.Browser organiser = f.api.browser().signIn(TestShipyard.ORGANISER);
    String path = "/events/" + f.event + "/control";
    String html = organiser.getPage(path).bodyAsString();
    assertTrue(html.contains("id=\"slot-" + slotId(f.order(), "Bot") + "\""), html);
    assertTrue(html.contains("action=\"" + path + "/start\""), html);
    HttpResponse<Buffer> started = organiser.postForm(path, path + "/start", MultiMap.caseInsensitiveMultiMap());
    assertEquals(303, started.statusCode(), started.bodyAsString());
    assertEquals(path, started.getHeader("Location"));
    String after = organiser.getPage(path).bodyAsString();
    assertTrue(after.contains("<strong id=\"on-stage-title\">Bot</strong>"), after);
    assertTrue(after.contains("action=\"" + path + "/pause\""), after);
    HttpResponse<Buffer> refused = organiser.postForm(path, path + "/resume", MultiMap.caseInsensitiveMultiMap());
    assertEquals(409, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("id=\"refusal\">The clock of &quot;Bot&quot; is already running."),
        refused.bodyAsString());
    assertTrue(refused.bodyAsString().contains("<strong id=\"on-stage-title\">Bot</strong>"), "the room, again");
    MultiMap down = MultiMap.caseInsensitiveMultiMap();
    java.util.List.of("Bot", "Docs", "Data").forEach(t -> down.add("slotIds", String.valueOf(slotId(f.order(), t))));
    StringBuilder fields = new StringBuilder();
    down.getAll("slotIds").forEach(id -> fields.append("<input type=\"hidden\" name=\"slotIds\" value=\"").append(id)
        .append("\">"));
    assertTrue(after.contains(fields + "<button type=\"submit\" aria-label=\"Move Data down\">"),
        "Data's down button posts the order with Docs before it: " + after);
    assertEquals(303, organiser.postForm(path, path + "/reorder", down).statusCode());
    assertEquals("Bot:on_stage Docs:pending Data:pending", StageFixture.states(f.order()));
    HttpResponse<Buffer> tooShort = organiser.postForm(path, path + "/length", MultiMap.caseInsensitiveMultiMap()
        .add("slotId", String.valueOf(slotId(f.order(), "Data"))).add("seconds", "5"));
    assertEquals(400, tooShort.statusCode());
    assertTrue(tooShort.bodyAsString().contains("seconds must be a whole number from 30 to 1800."),
        tooShort.bodyAsString());
  }

  @Test
  @DisplayName("The live part is the stage's JSON under the topic stage, as the API answers it")
  void livePart() {
    f.done("start");
    StagePart part = new StagePart(new StageRepository(TestShipyard.pool(), java.time.Clock.systemUTC()));
    assertEquals("stage", part.topic());
    JsonObject state = part.state(f.event).await();
    JsonObject api = f.order();
    assertEquals(api.getJsonArray("slots"), state.getJsonArray("slots"));
    assertEquals(api.getJsonObject("onStage").getString("title"), state.getJsonObject("onStage").getString("title"));
    assertTrue(Math.abs(api.getLong("asOf") - state.getLong("asOf")) < 5_000);
    JsonObject none = part.state(999_999).await();
    assertTrue(none.getJsonArray("slots").isEmpty(), "an event without a running order has no slots");
    assertNull(none.getValue("onStage"));
  }

  @Test
  @DisplayName("An employee cannot open the control room nor drive the stage, by API or form")
  void employees() {
    Api.Browser emma = f.api.browser().signIn(TestShipyard.EMPLOYEE);
    assertEquals(403, emma.getPage("/events/" + f.event + "/control").statusCode());
    assertEquals(403, f.events.post(f.emma, f.path("start"), new JsonObject()).statusCode());
    assertEquals(200, f.events.get(f.emma, f.path("")).statusCode());
    assertEquals(401, f.api.client().get(f.path("")).send().await().statusCode());
    assertEquals("Bot:pending Data:pending Docs:pending", StageFixture.states(f.order()));
  }
}
