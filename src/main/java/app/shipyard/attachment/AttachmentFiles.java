package app.shipyard.attachment;

import app.shipyard.pitch.Audience;
import app.shipyard.pitch.PitchRepository;
import app.shipyard.web.Access;
import app.shipyard.web.AppError;
import app.shipyard.web.Answer;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves attachments and their previews to whoever may see their project (everyone else gets 404), with the type the
 * content was checked to be, {@code nosniff}, a {@code Content-Disposition} (PDFs download, images show inline), a
 * sandboxing CSP, and the SHA-256 of the bytes as a strong ETag. {@code Cache-Control: private, no-cache}: browsers
 * keep a copy but ask again each time, so a project hidden later stops showing at once, and an unchanged file costs
 * a 304 without its bytes being read.
 */
final class AttachmentFiles implements Routes.Feature {

  private static final Pattern TAG = Pattern.compile("\"([0-9a-f]{64})\"");
  private final PitchRepository pitches;
  private final AttachmentRepository attachments;

  AttachmentFiles(PitchRepository pitches, AttachmentRepository attachments) {
    this.pitches = pitches;
    this.attachments = attachments;
  }

  @Override
  public void register(Routes routes) {
    routes.guard("/attachments/:id", this::visible).guard("/api/attachments/:id", this::visible)
        .get("/attachments/:id", Access.signedIn(), ctx -> file(ctx, false))
        .get("/attachments/:id/preview", Access.signedIn(), ctx -> file(ctx, true));
  }

  /** An attachment of a project the viewer may not see does not exist for them. */
  private Future<Void> visible(RoutingContext ctx) {
    Audience who = Viewer.of(ctx).map(v -> Audience.of(v.person())).orElse(Audience.EVERYONE);
    return attachments.projectOf(Params.id(ctx, "id", "That attachment"))
        .compose(project -> pitches.requireVisible(project, who))
        .recover(failure -> Future.failedFuture(failure instanceof AppError e && e.status() == 404
            ? AppError.notFound("That attachment") : failure));
  }

  private Future<Answer> file(RoutingContext ctx, boolean preview) {
    long id = Params.id(ctx, "id", "That attachment");
    return attachments.served(id, preview, etags(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH)))
        .map(found -> found.map(AttachmentFiles::answer)
            .orElseThrow(() -> AppError.notFound(preview ? "A preview of that attachment" : "That attachment")));
  }

  private static Answer answer(AttachmentRepository.Served file) {
    FileType type = FileType.ofMediaType(file.mediaType()).orElse(FileType.PDF);
    String name = file.fileName().replaceFirst("\\.[a-z]+$", "") + "." + extension(file.mediaType());
    Map<String, String> headers = Map.of(
        "ETag", "\"" + file.sha256() + "\"",
        "Cache-Control", "private, no-cache",
        "Content-Disposition", FileNames.disposition(type, name),
        "X-Content-Type-Options", "nosniff",
        "Content-Security-Policy", "default-src 'none'; sandbox",
        // Already compressed: sent as it is, so the ETag names exactly the bytes that travel.
        "Content-Encoding", "identity");
    return file.content() == null ? new Answer.Bytes(304, file.mediaType(), headers, Buffer.buffer())
        : new Answer.Bytes(200, file.mediaType(), headers, file.content());
  }

  private static String extension(String mediaType) {
    return mediaType.equals("image/jpeg") ? "jpg" : mediaType.substring(mediaType.indexOf('/') + 1);
  }

  /** The ETags an {@code If-None-Match} lists ({@code "tag"} or {@code W/"tag"}); {@code *} is not used here. */
  private static List<String> etags(String header) {
    List<String> tags = new ArrayList<>();
    if (header != null) {
      Matcher m = TAG.matcher(header);
      while (m.find() && tags.size() < 16) {
        tags.add(m.group(1));
      }
    }
    return tags;
  }
}
