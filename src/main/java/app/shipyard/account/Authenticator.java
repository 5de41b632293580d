package app.shipyard.account;

import app.shipyard.identity.Person;
import app.shipyard.account.TokenService.OwnToken;
import app.shipyard.account.TokenService.ProviderToken;
import app.shipyard.cache.Clock;
import app.shipyard.web.AppError;
import app.shipyard.web.ServiceToken;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Finds out who is calling: a bearer token (API clients, identity-provider tokens) or the session cookie
 * (browsers). A bad bearer token is refused outright; a bad cookie is simply dropped, so the browser
 * continues as a signed-out visitor. A bearer that is a configured {@link ServiceToken} is not a person's: left alone.
 */
public final class Authenticator implements Handler<RoutingContext> {

  public static final String COOKIE = "shipyard_session";
  private final TokenService tokens;
  private final PersonRepository people;
  private final boolean secureCookies;
  private final KeptSessions sessions;
  private final Clock clock;

  Authenticator(TokenService tokens, PersonRepository people, boolean secureCookies, KeptSessions sessions,
                Clock clock) {
    this.tokens = tokens;
    this.people = people;
    this.secureCookies = secureCookies;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (header != null && !ServiceToken.presented(ctx)) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        ctx.fail(AppError.unauthorized("Use 'Authorization: Bearer <token>'."));
        return;
      }
      String token = header.substring(7).trim();
      viewer(ctx, token)
          .onSuccess(viewer -> proceedAs(ctx, viewer))
          .onFailure(ctx::fail);
    } else if (cookie != null) {
      viewer(ctx, cookie.getValue())
          .onSuccess(viewer -> proceedAs(ctx, viewer))
          .onFailure(e -> {
            ctx.response().addCookie(expired(secureCookies));
            ctx.next();
          });
    } else {
      ctx.next();
    }
  }

  private static void proceedAs(RoutingContext ctx, Viewer viewer) {
    Viewer.set(ctx, viewer.person(), viewer.expiresAt());
    ctx.next();
  }

  /**
   * Who the token speaks for and until when: kept for a while (see {@link KeptSessions}), else read. The change
   * clock is read first and left on the request for what else keeps pages under it; without it, nothing is kept.
   */
  private Future<Viewer> viewer(RoutingContext ctx, String token) {
    return clock.read().otherwise(Optional.empty()).compose(tick -> {
      Clock.set(ctx, tick);
      return sessions.viewer(token, Clock.version(ctx),
          () -> resolve(token).map(person -> new Viewer(person, TokenService.expiresAt(token))));
    });
  }

  private Future<Person> resolve(String token) {
    return tokens.verify(token).compose(identity -> {
      if (identity instanceof OwnToken own) {
        return people.findById(own.personId()).compose(found -> found
            .filter(p -> p.sessionEpoch() == own.sessionEpoch())
            .map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(AppError.unauthorized("This session has ended; please sign in again."))));
      }
      ProviderToken external = (ProviderToken) identity;
      return people.provisionExternal(external.issuer(), external.subject(), external.email(), external.name(),
              external.roles())
          .compose(people::findById)
          .map(found -> found.orElseThrow(() -> AppError.unauthorized("Unknown person.")));
    });
  }

  public static Cookie sessionCookie(String token, long maxAgeSeconds, boolean secure) {
    return Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true).setSecure(secure)
        .setSameSite(CookieSameSite.LAX).setMaxAge(maxAgeSeconds);
  }

  public static Cookie expired(boolean secure) {
    return sessionCookie("", 0, secure);
  }
}
