package app.shipyard.attachment;

import app.shipyard.web.AppError;
import app.shipyard.web.UploadBodies;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;

/**
 * Reads an upload's body: the file streams to the upload folder (never into memory), and every file of the request is
 * deleted when the answer has gone out, whatever it was. A body declared larger than a file may be (plus room for the
 * form around it) is refused before it is read; one that grows past it while streaming is cut off there.
 */
final class UploadLimit implements Handler<RoutingContext> {

  /** Room for the multipart headers, the caption and the CSRF token around the file. */
  static final long FORM_ROOM = 64 * 1024;
  private final long maxFileBytes;
  private final BodyHandler body;

  UploadLimit(Path uploadFolder, long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
    this.body = BodyHandler.create(uploadFolder.toString()).setBodyLimit(maxFileBytes + FORM_ROOM)
        .setDeleteUploadedFilesOnEnd(true);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
        && Long.parseLong(length) > maxFileBytes + FORM_ROOM) {
      ctx.fail(tooLarge());
      return;
    }
    UploadBodies.explainTooLarge(ctx, tooLarge().getMessage());
    body.handle(ctx);
  }

  /** The one file a request may carry in the field {@code file}, within the limit. */
  FileUpload file(RoutingContext ctx) {
    FileUpload file = ctx.fileUploads().stream().filter(f -> f.name().equals("file")).findFirst()
        .orElseThrow(() -> AppError.invalid("file", "is required: send one " + FileType.ACCEPTED + " file"));
    if (ctx.fileUploads().size() > 1) {
      throw AppError.invalid("file", "must be a single file: send one file per upload");
    }
    if (file.size() > maxFileBytes) {
      throw tooLarge();
    }
    if (file.size() == 0) {
      throw AppError.invalid("file", "is empty");
    }
    return file;
  }

  private AppError tooLarge() {
    return AppError.tooLarge("The file is too large: attachments may be at most " + megabytes() + ".");
  }

  String megabytes() {
    return maxFileBytes % (1024 * 1024) == 0 ? maxFileBytes / (1024 * 1024) + " MB" : maxFileBytes + " bytes";
  }
}
