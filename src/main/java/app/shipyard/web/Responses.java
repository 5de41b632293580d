package app.shipyard.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small helpers to end a response the same way everywhere. */
public final class Responses {

  private Responses() {}

  public static void json(RoutingContext ctx, int status, Object body) {
    String encoded = body instanceof JsonObject o ? o.encode() : body instanceof JsonArray a ? a.encode()
        : io.vertx.core.json.Json.encode(body);
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(encoded);
  }

  public static void json(RoutingContext ctx, Object body) {
    json(ctx, 200, body);
  }

  /** Redirect after a successful form post (303, so the browser follows with GET). */
  public static void seeOther(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, location).end();
  }

  /** Only same-site paths, to avoid open redirects. */
  public static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
      return "/";
    }
    return next;
  }
}
