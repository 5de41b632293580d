package app.shipyard.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Small helpers to end a response the same way everywhere. */
public final class Responses {

  private static final int MAX_TARGET = 2000;

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

  /** Redirect after a successful form post (303, so the browser follows with GET), to a local path only. */
  public static void seeOther(RoutingContext ctx, String location) {
    Optional<String> target = localPath(location);
    if (target.isEmpty()) {
      ctx.fail(new IllegalArgumentException("Not a local path to redirect to: " + location));
      return;
    }
    ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, target.get()).end();
  }

  /** Where to go after signing in: the local path asked for, or {@code /}, so there are no open redirects. */
  public static String safeNext(String next) {
    return localPath(next).orElse("/");
  }

  /**
   * {@code target} parsed and normalised as a plain local path ({@code /a/./b?x#y} gives {@code /a/b?x#y}, non-ASCII
   * %-encoded), or empty when it is anything else: no scheme, host or {@code //}, no backslash, white space or control
   * character (browsers drop tabs and line breaks, so {@code /<tab>/evil.example} would leave the site), no
   * {@code ..} above the root.
   */
  public static Optional<String> localPath(String target) {
    if (target == null || !target.startsWith("/") || target.length() > MAX_TARGET
        || target.codePoints().anyMatch(c -> c == '\\' || Character.isWhitespace(c) || Character.isSpaceChar(c)
            || Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(target).normalize();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String path = uri.getRawPath();
    if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null || !path.startsWith("/")
        || path.startsWith("//") || path.equals("/..") || path.startsWith("/../")) {
      return Optional.empty();
    }
    return Optional.of(uri.toASCIIString());
  }
}
