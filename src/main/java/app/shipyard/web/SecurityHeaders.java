package app.shipyard.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/** Headers that make browsers stricter with everything Shipyard serves. */
public final class SecurityHeaders implements Handler<RoutingContext> {

  private static final String CSP = String.join("; ",
      "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
      "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");

  @Override
  public void handle(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    headers.set("Content-Security-Policy", CSP)
        .set("X-Content-Type-Options", "nosniff")
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "same-origin")
        .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        .set("Cross-Origin-Opener-Policy", "same-origin");
    ctx.next();
  }
}
