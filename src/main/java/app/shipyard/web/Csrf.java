package app.shipyard.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Double-submit CSRF protection for everything a browser can send: forms carry the token in a hidden
 * field, scripts in the {@code X-XSRF-TOKEN} header. A request without our session cookie that is JSON or
 * carries a bearer token (an API client) cannot be forged by another site, so it is not asked for a token.
 *
 * <p>Without a session, Vert.x's handler issues a new token (and cookie) on every GET, so any later GET from
 * the same browser (its automatic /favicon.ico request, another tab) made the form on the page already
 * shown fail. A GET that brings a still-fresh token we signed keeps it instead.
 */
public final class Csrf implements Handler<RoutingContext> {

  public static final String FIELD = CSRFHandler.DEFAULT_HEADER_NAME;
  private final CSRFHandler delegate;
  private static final long TIMEOUT_MILLIS = 8 * 60 * 60 * 1000L;
  private final String sessionCookie;
  private final SecretKeySpec key;

  public Csrf(Vertx vertx, String secret, boolean secureCookies, String sessionCookie) {
    this.delegate = CSRFHandler.create(vertx, secret)
        .setCookieSecure(secureCookies)
        .setNagHttps(false)
        .setTimeout(TIMEOUT_MILLIS);
    this.sessionCookie = sessionCookie;
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public static String token(RoutingContext ctx) {
    Object token = ctx.get(FIELD);
    return token == null ? "" : token.toString();
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    if (!safe && ctx.request().getCookie(sessionCookie) == null && (isJson(ctx) || hasBearer(ctx))) {
      ctx.next();
      return;
    }
    if (safe) {
      Cookie cookie = ctx.request().getCookie(CSRFHandler.DEFAULT_COOKIE_NAME);
      if (cookie != null && fresh(cookie.getValue())) {
        ctx.put(FIELD, cookie.getValue());
        ctx.next();
        return;
      }
    }
    delegate.handle(ctx);
  }

  /**
   * Whether a token is one the CSRF handler signed ({@code salt.millis.hmac}, HMAC-SHA256 with our secret) and
   * has at least half its lifetime left, so a form shown now can still be sent. Anything else gets a new one.
   */
  private boolean fresh(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return false;
    }
    long issued;
    try {
      issued = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    long age = System.currentTimeMillis() - issued;
    if (age < -60_000 || age > TIMEOUT_MILLIS / 2) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      String expected = Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8)));
      return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), parts[2].getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean hasBearer(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  private static boolean isJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase().startsWith("application/json");
  }
}
