package app.shipyard.web;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The one path every answer takes to the client. Everything that can fail (encoding JSON, rendering a template)
 * happens before the response head is written, and any failure goes to the routing context's failure handler.
 */
public final class Answers {

  private final Views views;

  public Answers(Views views) {
    this.views = views;
  }

  /** Ends the request with the answer the future brings, or fails it (then {@link FailureHandler} answers). */
  public void end(RoutingContext ctx, Future<Answer> answer) {
    answer.compose(a -> {
      try {
        send(ctx, a);
        return Future.succeededFuture();
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }).onFailure(failure -> {
      if (!ctx.failed()) {
        ctx.fail(failure);
      }
    });
  }

  /** A JSON answer's body as text. */
  static String encode(Object body) {
    return body instanceof JsonObject o ? o.encode() : body instanceof JsonArray a ? a.encode() : Json.encode(body);
  }

  /** Sends an answer now; throws (before anything is written) when it cannot be built. */
  public void send(RoutingContext ctx, Answer answer) {
    if (answer instanceof Answer.Page p) {
      String html = views.render(ctx, p.template(), p.title(), p.view());
      ctx.response().setStatusCode(p.status())
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(html);
    } else if (answer instanceof Answer.Json j) {
      String body = encode(j.body());
      if (!ctx.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      }
      ctx.response().setStatusCode(j.status())
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8").end(body);
    } else if (answer instanceof Answer.Redirect r) {
      String target = Redirects.localPath(r.location())
          .orElseThrow(() -> new IllegalStateException("Not a local path to redirect to: " + r.location()));
      ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, target).end();
    } else if (answer instanceof Answer.Bytes b) {
      var response = ctx.response().setStatusCode(b.status()).putHeader(HttpHeaders.CONTENT_TYPE, b.contentType());
      b.headers().forEach(response::putHeader);
      response.end(b.body());
    } else if (answer instanceof Answer.WithCookies c) {
      c.cookies().forEach(ctx.response()::addCookie);
      send(ctx, c.answer());
    } else if (answer instanceof Answer.Cached c) {
      ctx.response().putHeader(HttpHeaders.ETAG, c.etag()).putHeader(HttpHeaders.CACHE_CONTROL, c.cacheControl());
      send(ctx, c.answer());
    } else if (answer instanceof Answer.Empty e) {
      ctx.response().setStatusCode(e.status()).end();
    } else {
      throw new IllegalStateException("Unknown answer " + answer);
    }
  }
}
