package app.shipyard.web;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protection against forged requests, for everything a browser can send.
 *
 * <ul>
 *   <li>An unsafe request (anything but GET, HEAD, OPTIONS) whose {@code Sec-Fetch-Site} or {@code Origin} says it
 *       comes from another site is refused, whoever sends it.
 *   <li>Forms carry a token in a hidden field, scripts in the {@code X-XSRF-TOKEN} header; the browser keeps it in the
 *       {@code XSRF-TOKEN} cookie. A token is signed (HMAC-SHA256) together with the session cookie it was issued
 *       for, so it works only with that session: a token planted from elsewhere (another browser, another session,
 *       a signed-out page) fails. Without a session the token must also equal the cookie (double submit).
 *   <li>A request without our session cookie that is JSON or carries a bearer token (an API client) cannot be
 *       forged by another site's page, so it is not asked for a token.
 * </ul>
 *
 * <p>A GET keeps a token that fits the session and has at least half its lifetime left, so pages already shown
 * (another tab, after the browser's own /favicon.ico request) can still be sent; otherwise it issues a new one.
 */
public final class Csrf implements Handler<RoutingContext> {

  public static final String FIELD = "X-XSRF-TOKEN";
  public static final String COOKIE = "XSRF-TOKEN";
  private static final long LIFETIME_MILLIS = 8 * 60 * 60 * 1000L;
  private static final long CLOCK_SKEW_MILLIS = 60_000;
  private static final String REFUSED =
      "This form has expired or did not come from a Shipyard page. Reload the page and try again.";
  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;
  private final boolean secureCookies;
  private final String sessionCookie;
  private final Origins origins;
  /** A Mac per thread, keyed once: every page and form checks a token, and looking one up each time costs. */
  private final ThreadLocal<Mac> macs;

  public Csrf(String secret, boolean secureCookies, String sessionCookie, List<String> publicOrigins) {
    this.origins = new Origins(publicOrigins);
    // A key of its own, derived from the signing secret, so these signatures can never pass for a token's.
    this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
        "shipyard csrf tokens"), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> mac(key));
    this.secureCookies = secureCookies;
    this.sessionCookie = sessionCookie;
  }

  /** The token for the page being rendered (its forms' hidden field). */
  public static String token(RoutingContext ctx) {
    Object token = ctx.get(FIELD);
    return token == null ? "" : token.toString();
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String session = session(ctx);
    if (safe(request.method())) {
      ctx.put(FIELD, current(ctx, session));
      ctx.next();
    } else if (origins.fromAnotherSite(request)) {
      ctx.fail(AppError.forbidden("Requests sent from another site are refused."));
    } else if (request.getCookie(sessionCookie) == null && (isJson(request) || hasBearer(request))) {
      ctx.next();
    } else if (accepted(ctx, session)) {
      ctx.put(FIELD, sent(ctx));
      ctx.next();
    } else {
      ctx.fail(AppError.forbidden(REFUSED));
    }
  }

  /** What a token is bound to: the session cookie that signed the viewer in, or "" for a signed-out browser. */
  private String session(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(sessionCookie);
    return cookie != null && Viewer.of(ctx).isPresent() ? cookie.getValue() : "";
  }

  /** The browser's token if it fits the session and has half its lifetime left; else a new one, also set as cookie. */
  private String current(RoutingContext ctx, String session) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie != null && valid(cookie.getValue(), session, LIFETIME_MILLIS / 2)) {
      return cookie.getValue();
    }
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(salt) + "." + System.currentTimeMillis();
    String token = unsigned + "." + signature(unsigned, session);
    ctx.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setSameSite(CookieSameSite.STRICT)
        .setSecure(secureCookies));
    return token;
  }

  private boolean accepted(RoutingContext ctx, String session) {
    String sent = sent(ctx);
    if (sent == null || !valid(sent, session, 0)) {
      return false;
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return !session.isEmpty() || cookie != null && MessageDigest.isEqual(bytes(sent), bytes(cookie.getValue()));
  }

  private static String sent(RoutingContext ctx) {
    String header = ctx.request().getHeader(FIELD);
    return header != null ? header : ctx.request().getFormAttribute(FIELD);
  }

  /** A token we signed ({@code salt.millis.signature}) for this session, with at least {@code leftMillis} to live. */
  private boolean valid(String token, String session, long leftMillis) {
    String[] parts = token.split("\\.", -1);
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
    return age >= -CLOCK_SKEW_MILLIS && age <= LIFETIME_MILLIS - leftMillis
        && MessageDigest.isEqual(bytes(signature(parts[0] + "." + parts[1], session)), bytes(parts[2]));
  }

  private String signature(String unsigned, String session) {
    byte[] signed = macs.get().doFinal(bytes(unsigned + "." + session));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
  }

  private static Mac mac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] hmac(SecretKeySpec key, String text) {
    return mac(key).doFinal(bytes(text));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean safe(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
  }

  private static boolean hasBearer(HttpServerRequest request) {
    String auth = request.getHeader("Authorization");
    return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  private static boolean isJson(HttpServerRequest request) {
    String type = request.getHeader("Content-Type");
    return type != null && type.toLowerCase().startsWith("application/json");
  }
}
