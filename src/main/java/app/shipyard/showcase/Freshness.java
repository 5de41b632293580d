package app.shipyard.showcase;

import app.shipyard.identity.Person;
import app.shipyard.web.Answer;
import app.shipyard.web.Csrf;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Conditional requests on published pages. The ETag names what is shown, its version (the change counters the
 * database keeps, read before the content, so a tag is never newer than what it is sent with) and who is looking
 * (their id and roles; for a page also its form token, so a page kept by the browser always carries a token that
 * still works). {@code Cache-Control: private, no-cache}: a browser or feed reader keeps a copy and asks every time,
 * so nothing stale is ever shown; a tag it already has is answered 304 without reading the content.
 */
final class Freshness {

  static final String CACHE_CONTROL = "private, no-cache";

  private Freshness() {}

  static String etag(RoutingContext ctx, String what, String version, boolean page) {
    Person me = Viewer.person(ctx);
    String viewer = me.id() + "|" + me.roleKeys() + "|" + (page ? Csrf.token(ctx) : "data");
    return "\"" + what + "." + version + "." + digest(viewer) + "\"";
  }

  /** 304 when the client holds {@code etag}; otherwise what {@code build} answers. Both carry the tag. */
  static Future<Answer> answer(RoutingContext ctx, String etag, Supplier<Future<Answer>> build) {
    if (held(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
      return Future.succeededFuture(new Answer.Cached(new Answer.Empty(304), etag, CACHE_CONTROL));
    }
    return build.get().map(answer -> new Answer.Cached(answer, etag, CACHE_CONTROL));
  }

  /** Whether an {@code If-None-Match} list names the tag (weak comparison, as RFC 9110 asks for it). */
  static boolean held(String ifNoneMatch, String etag) {
    return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
