package app.shipyard.account;

import app.shipyard.identity.Person;
import app.shipyard.account.TokenService.OwnToken;
import app.shipyard.account.TokenService.ProviderToken;
import app.shipyard.web.AppError;
import app.shipyard.web.ServiceToken;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

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

  public Authenticator(TokenService tokens, PersonRepository people, boolean secureCookies) {
    this.tokens = tokens;
    this.people = people;
    this.secureCookies = secureCookies;
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
      resolve(token)
          .onSuccess(person -> proceedAs(ctx, person, token))
          .onFailure(ctx::fail);
    } else if (cookie != null) {
      resolve(cookie.getValue())
          .onSuccess(person -> proceedAs(ctx, person, cookie.getValue()))
          .onFailure(e -> {
            ctx.response().addCookie(expired(secureCookies));
            ctx.next();
          });
    } else {
      ctx.next();
    }
  }

  private static void proceedAs(RoutingContext ctx, Person person, String token) {
    Viewer.set(ctx, person, TokenService.expiresAt(token));
    ctx.next();
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
