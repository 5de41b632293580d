package app.shipyard.attachment;

import static app.shipyard.attachment.AttachmentCalls.assertNoTemporaryFiles;
import static app.shipyard.attachment.AttachmentCalls.error;
import static app.shipyard.attachment.AttachmentCalls.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Attachments: serving, previews, caching, who may do what, and the gallery page")
class AttachmentServingTest {

  private Api api;
  private Events events;
  private AttachmentCalls calls;
  private String captain;
  private String other;
  private String organiser;
  private long event;
  private long project;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    calls = new AttachmentCalls(api);
    organiser = events.organiserToken();
    captain = api.token(TestShipyard.EMPLOYEE);
    other = api.token(TestShipyard.OTHER_EMPLOYEE);
    event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    project = events.pitch(captain, event, new JsonObject().put("title", "Carbon bot"));
  }

  @Test
  @DisplayName("An image is served inline with its type, nosniff, a safe file name and a strong ETag; a PDF downloads")
  void headers() {
    JsonObject png = calls.uploaded(captain, project, "../../Übersicht \"Q3\".png", "image/png", TestFiles.png(30, 20));
    HttpResponse<Buffer> image = calls.get(other, png.getString("url"));
    assertEquals(200, image.statusCode());
    assertEquals("image/png", image.getHeader("Content-Type"));
    assertEquals("nosniff", image.getHeader("X-Content-Type-Options"));
    assertEquals("inline; filename=\"Ubersicht Q3.png\"; filename*=UTF-8''%C3%9Cbersicht%20Q3.png",
        image.getHeader("Content-Disposition"));
    assertTrue(image.getHeader("ETag").matches("\"[0-9a-f]{64}\""), image.getHeader("ETag"));
    assertEquals("private, no-cache", image.getHeader("Cache-Control"));
    assertTrue(image.getHeader("Content-Security-Policy").contains("sandbox"));
    HttpResponse<Buffer> gzipAsked = api.client().get(png.getString("url")).bearerTokenAuthentication(other)
        .putHeader("Accept-Encoding", "gzip").send().await();
    assertNull(gzipAsked.getHeader("Content-Encoding"), "already compressed: sent as it is, as its ETag says");
    assertEquals(image.body(), gzipAsked.body());
    JsonObject pdf = calls.uploaded(captain, project, "deck.pdf", "application/pdf", TestFiles.pdf());
    HttpResponse<Buffer> document = calls.get(other, pdf.getString("url"));
    assertEquals("application/pdf", document.getHeader("Content-Type"));
    assertEquals("attachment; filename=\"deck.pdf\"; filename*=UTF-8''deck.pdf", document.getHeader("Content-Disposition"));
    assertEquals(404, calls.get(other, pdf.getString("url") + "/preview").statusCode(), "a PDF has no preview");
  }

  @Test
  @DisplayName("A client that has the current copy gets 304 without the bytes, for the file and for its preview")
  void etags() {
    JsonObject png = calls.uploaded(captain, project, "a.png", "image/png", TestFiles.png(30, 20));
    for (String url : new String[] {png.getString("url"), png.getJsonObject("preview").getString("url")}) {
      String etag = calls.get(other, url).getHeader("ETag");
      HttpResponse<Buffer> again = api.client().get(url).bearerTokenAuthentication(other)
          .putHeader("If-None-Match", etag).send().await();
      assertEquals(304, again.statusCode(), url);
      assertEquals(etag, again.getHeader("ETag"));
      assertTrue(again.body() == null || again.body().length() == 0);
      HttpResponse<Buffer> changed = api.client().get(url).bearerTokenAuthentication(other)
          .putHeader("If-None-Match", "\"" + "0".repeat(64) + "\"").send().await();
      assertEquals(200, changed.statusCode(), "another ETag gets the bytes");
    }
  }

  @Test
  @DisplayName("An image's preview fits 480 pixels, keeps its proportions, is re-encoded without the original's text")
  void previews() throws IOException {
    byte[] big = TestFiles.pngWithText(TestFiles.png(1200, 800), "Camera: secret place");
    JsonObject stored = calls.uploaded(captain, project, "wide.png", "image/png", big);
    assertEquals(1200, stored.getInteger("width"));
    JsonObject preview = stored.getJsonObject("preview");
    assertEquals(480, preview.getInteger("width"));
    assertEquals(320, preview.getInteger("height"));
    HttpResponse<Buffer> served = calls.get(other, preview.getString("url"));
    assertEquals("image/jpeg", served.getHeader("Content-Type"));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body().getBytes()));
    assertEquals(480, image.getWidth());
    assertEquals(320, image.getHeight());
    assertFalse(served.bodyAsString(java.nio.charset.StandardCharsets.ISO_8859_1.name()).contains("secret place"));
    JsonObject small = calls.uploaded(captain, project, "small.png", "image/png", TestFiles.png(100, 50));
    assertEquals(100, small.getJsonObject("preview").getInteger("width"), "a small image is not enlarged");
  }

  @Test
  @DisplayName("The captain, team members and organisers upload; other employees and leadership are refused")
  void whoUploads() {
    events.moveTo(event, "team_forming");
    String member = Events.person("mia@test.example", "Mia Member", "Design", "Berlin");
    assertEquals(200, events.post(member, "/api/pitches/" + project + "/join", new JsonObject()).statusCode());
    byte[] png = TestFiles.png(20, 20);
    calls.uploaded(member, project, "m.png", "image/png", png);
    calls.uploaded(organiser, project, "o.png", "image/png", png);
    HttpResponse<Buffer> outsider = calls.upload(other, project, "x.png", "image/png", png);
    assertEquals(403, outsider.statusCode(), outsider.bodyAsString());
    assertEquals("Only the project's team and the organisers can add attachments.", error(outsider));
    HttpResponse<Buffer> leader = calls.upload(api.token(TestShipyard.LEADERSHIP), project, "l.png", "image/png", png);
    assertEquals(403, leader.statusCode(), "leadership holds the employee role but is not on the team");
    assertEquals(2, stored());
    assertNoTemporaryFiles();
  }

  @Test
  @DisplayName("Uploaders delete their own files, the captain and organisers any; others are refused")
  void deleting() {
    events.moveTo(event, "team_forming");
    String member = Events.person("mia@test.example", "Mia Member", "Design", "Berlin");
    events.post(member, "/api/pitches/" + project + "/join", new JsonObject());
    long mine = calls.uploaded(member, project, "m.png", "image/png", TestFiles.png(20, 20)).getLong("id");
    long captains = calls.uploaded(captain, project, "c.png", "image/png", TestFiles.png(20, 20)).getLong("id");
    assertEquals(403, calls.delete(member, captains).statusCode(), "a member cannot delete another's file");
    assertEquals(403, calls.delete(other, mine).statusCode());
    assertEquals(204, calls.delete(member, mine).statusCode());
    assertEquals(404, calls.get(captain, "/attachments/" + mine).statusCode());
    assertEquals(204, calls.delete(organiser, captains).statusCode());
    assertEquals(404, calls.delete(organiser, captains).statusCode(), "deleting twice finds nothing");
    assertEquals(0, stored());
  }

  @Test
  @DisplayName("A hidden project's attachments are not found for employees, and still there for its captain")
  void hiddenProject() {
    JsonObject png = calls.uploaded(captain, project, "a.png", "image/png", TestFiles.png(20, 20));
    events.post(organiser, "/api/pitches/" + project + "/hide", new JsonObject().put("reason", "Off topic"));
    for (String path : new String[] {png.getString("url"), png.getJsonObject("preview").getString("url"),
        "/api/projects/" + project + "/attachments"}) {
      HttpResponse<Buffer> hidden = calls.get(other, path);
      assertEquals(404, hidden.statusCode(), path);
      assertTrue(hidden.bodyAsString().contains("not found"), hidden.bodyAsString());
      assertEquals(200, calls.get(captain, path).statusCode(), path);
    }
    assertEquals(404, calls.delete(other, png.getLong("id")).statusCode());
    HttpResponse<Buffer> anonymous = api.client().get(png.getString("url")).send().await();
    assertEquals(302, anonymous.statusCode(), "sent to sign in first");
  }

  @Test
  @DisplayName("A project takes at most 20 attachments; the 21st is refused and the list shows 20")
  void limit() {
    byte[] png = TestFiles.png(10, 10);
    for (int i = 0; i < 20; i++) {
      calls.uploaded(captain, project, "shot" + i + ".png", "image/png", png);
    }
    HttpResponse<Buffer> full = calls.upload(captain, project, "one-more.png", "image/png", png);
    assertEquals(409, full.statusCode(), full.bodyAsString());
    assertTrue(error(full).contains("already has 20 attachments"), error(full));
    JsonObject list = calls.get(other, "/api/projects/" + project + "/attachments").bodyAsJsonObject();
    assertEquals(20, list.getJsonArray("attachments").size());
    assertEquals("shot0.png", list.getJsonArray("attachments").getJsonObject(0).getString("fileName"));
  }

  @Test
  @DisplayName("Twenty-five uploads to one project at once: exactly twenty are stored, the others refused with 409")
  void limitUnderRace() {
    byte[] png = TestFiles.png(10, 10);
    List<Future<HttpResponse<Buffer>>> all = IntStream.range(0, 25)
        .mapToObj(i -> api.client().post("/api/projects/" + project + "/attachments").bearerTokenAuthentication(captain)
            .sendMultipartForm(MultipartForm.create()
                .binaryFileUpload("file", "race" + i + ".png", Buffer.buffer(png), "image/png"))).toList();
    Future.join(all).await();
    Map<Integer, Long> statuses = all.stream().collect(Collectors.groupingBy(f -> f.result().statusCode(),
        Collectors.counting()));
    assertEquals(Map.of(201, 20L, 409, 5L), statuses);
    assertEquals(20, stored());
    assertEquals(20, Fixture.count("SELECT count(DISTINCT slot) FROM attachments WHERE pitch_id = $1", project));
    assertNoTemporaryFiles();
  }

  @Test
  @DisplayName("The gallery page shows escaped captions; its upload form needs the CSRF token and sends you back")
  void page() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    String path = "/projects/" + project + "/attachments";
    String html = browser.getPage(path).bodyAsString();
    assertTrue(html.contains("enctype=\"multipart/form-data\""), html);
    String token = Api.csrfFrom(html);
    assertTrue(html.split("value=\"" + java.util.regex.Pattern.quote(token) + "\"", -1).length - 1 >= 2,
        "the upload form carries the page's CSRF token too: " + html);
    MultipartForm form = MultipartForm.create().attribute("caption", "<b>Our</b> dashboard")
        .binaryFileUpload("file", "dash.png", Buffer.buffer(TestFiles.png(40, 30)), "image/png");
    HttpResponse<Buffer> forged = browser.session().post(path).putHeader("Accept", "text/html")
        .sendMultipartForm(form).await();
    assertEquals(403, forged.statusCode(), "no CSRF token");
    form.attribute("X-XSRF-TOKEN", token);
    HttpResponse<Buffer> sent = browser.session().post(path).putHeader("Accept", "text/html")
        .sendMultipartForm(form).await();
    assertEquals(303, sent.statusCode(), sent.bodyAsString());
    assertEquals(path, sent.getHeader("Location"));
    String gallery = browser.getPage(path).bodyAsString();
    assertTrue(gallery.contains("&lt;b&gt;Our&lt;/b&gt; dashboard"), gallery);
    assertFalse(gallery.contains("<b>Our</b>"));
    assertTrue(gallery.contains("/preview\" width=\"40\" height=\"30\""), gallery);
    HttpResponse<Buffer> bad = browser.session().post(path).putHeader("Accept", "text/html")
        .sendMultipartForm(MultipartForm.create().attribute("X-XSRF-TOKEN", Api.csrfFrom(gallery))
            .binaryFileUpload("file", "x.png", Buffer.buffer(TestFiles.elf()), "image/png")).await();
    assertEquals(400, bad.statusCode());
    assertTrue(bad.getHeader("Content-Type").startsWith("text/html"));
    assertTrue(bad.bodyAsString().contains("by its content this one is"), bad.bodyAsString());
    assertEquals(1, stored());
    assertNoTemporaryFiles();
  }
}
