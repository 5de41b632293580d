package app.shipyard.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Reads the body of the routes that take file uploads with the handler their feature gave (its own size limit and
 * upload folder), before the general {@code BodyHandler} with its small limit: a body is read once, by the first body
 * handler a request meets, so the general one then lets it pass. Every other request goes straight on.
 */
public final class UploadBodies implements Handler<RoutingContext> {

  private static final String TOO_LARGE = UploadBodies.class.getName() + ".tooLarge";

  /** What {@link FailureHandler} says when this request's body turns out larger than its route's body handler takes. */
  public static void explainTooLarge(RoutingContext ctx, String message) {
    ctx.put(TOO_LARGE, message);
  }

  static String tooLargeExplained(RoutingContext ctx) {
    return ctx.get(TOO_LARGE);
  }

  private record Upload(Pattern path, Handler<RoutingContext> body) {}

  private final List<Upload> uploads = new CopyOnWriteArrayList<>();

  /** {@code path} as routes write it ({@code /api/projects/:id/attachments}); its POSTs are read by {@code body}. */
  void add(String path, Handler<RoutingContext> body) {
    StringBuilder regex = new StringBuilder();
    for (String segment : path.substring(1).split("/", -1)) {
      regex.append('/').append(segment.startsWith(":") ? "[^/]+" : Pattern.quote(segment));
    }
    uploads.add(new Upload(Pattern.compile(regex.toString()), body));
  }

  /** Whether the request is an upload to one of the upload routes. */
  public boolean covers(RoutingContext ctx) {
    return upload(ctx) != null;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Upload upload = upload(ctx);
    if (upload == null) {
      ctx.next();
    } else {
      upload.body().handle(ctx);
    }
  }

  private Upload upload(RoutingContext ctx) {
    String path = ctx.request().path();
    if (ctx.request().method() != HttpMethod.POST || path == null) {
      return null;
    }
    return uploads.stream().filter(u -> u.path().matcher(path).matches()).findFirst().orElse(null);
  }
}
