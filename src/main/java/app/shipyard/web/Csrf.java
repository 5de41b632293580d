package app.shipyard.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;

/**
 * Double-submit CSRF protection for everything a browser can send: forms carry the token in a hidden
 * field, scripts in the {@code X-XSRF-TOKEN} header. A request without our session cookie that is JSON or
 * carries a bearer token (an API client) cannot be forged by another site, so it is not asked for a token.
 */
public final class Csrf implements Handler<RoutingContext> {

  public static final String FIELD = CSRFHandler.DEFAULT_HEADER_NAME;
  private final CSRFHandler delegate;
  private final String sessionCookie;

  public Csrf(Vertx vertx, String secret, boolean secureCookies, String sessionCookie) {
    this.delegate = CSRFHandler.create(vertx, secret)
        .setCookieSecure(secureCookies)
        .setNagHttps(false)
        .setTimeout(8 * 60 * 60 * 1000L);
    this.sessionCookie = sessionCookie;
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
    delegate.handle(ctx);
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
