package app.shipyard.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Fixture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The calls the attachment tests make, as an API client would make them. */
final class AttachmentCalls {

  static final Path UPLOADS = Path.of("target", "test-data", "uploads");
  private final Api api;

  AttachmentCalls(Api api) {
    this.api = api;
  }

  io.vertx.ext.web.client.WebClient client() {
    return api.client();
  }

  HttpResponse<Buffer> upload(String token, long project, String name, String declared, byte[] bytes) {
    return upload(token, project, MultipartForm.create().attribute("caption", "Our dashboard")
        .binaryFileUpload("file", name, Buffer.buffer(bytes), declared));
  }

  HttpResponse<Buffer> upload(String token, long project, MultipartForm form) {
    return api.client().post("/api/projects/" + project + "/attachments").bearerTokenAuthentication(token)
        .sendMultipartForm(form).await();
  }

  /** Uploads a file that must be accepted, and returns its JSON. */
  JsonObject uploaded(String token, long project, String name, String declared, byte[] bytes) {
    HttpResponse<Buffer> response = upload(token, project, name, declared, bytes);
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  HttpResponse<Buffer> get(String token, String path) {
    return api.client().get(path).bearerTokenAuthentication(token).send().await();
  }

  HttpResponse<Buffer> delete(String token, long attachment) {
    return api.client().delete("/api/attachments/" + attachment).bearerTokenAuthentication(token).send().await();
  }

  static long stored() {
    return Fixture.count("SELECT count(*) FROM attachments");
  }

  /** The upload folder is empty again soon after an answer (files are deleted once it has gone out). */
  static void assertNoTemporaryFiles() {
    long deadline = System.currentTimeMillis() + 5_000;
    long left;
    do {
      left = temporaryFiles();
    } while (left > 0 && System.currentTimeMillis() < deadline && pause());
    assertEquals(0, left, "files left in " + UPLOADS);
  }

  private static long temporaryFiles() {
    if (!Files.isDirectory(UPLOADS)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(UPLOADS)) {
      return files.count();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean pause() {
    try {
      Thread.sleep(50);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String error(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getString("error");
  }

  static String fileProblem(HttpResponse<Buffer> response) {
    JsonObject fields = response.bodyAsJsonObject().getJsonObject("fields");
    assertTrue(fields != null && fields.containsKey("file"), response.bodyAsString());
    return fields.getString("file");
  }
}
