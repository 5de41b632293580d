package app.shipyard.account;

import app.shipyard.cache.Clock;
import app.shipyard.config.AppConfig;
import app.shipyard.web.Csrf;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * Wires accounts, once per process: the people and reference data other features read, sign-in with its attempt
 * limits, and the routes. {@link #filters} builds the request filters anew for each HTTP verticle instance.
 */
public final class AccountFeatures implements Routes.Feature {

  private final Vertx vertx;
  private final AppConfig config;
  private final TokenService tokens;
  private final PersonRepository people;
  private final ReferenceRepository reference;
  private final PasswordHasher hasher;
  private final SignInAttempts attempts;
  private final AccountRoutes routes;
  private final KeptSessions sessions;
  private final Pool pool;

  public AccountFeatures(Vertx vertx, AppConfig config, Pool pool, TokenService tokens) {
    this.vertx = vertx;
    this.config = config;
    this.tokens = tokens;
    this.people = new PersonRepository(pool);
    this.reference = new ReferenceRepository(pool);
    this.hasher = new PasswordHasher(vertx);
    this.attempts = new SignInAttempts(pool, config.signInLimits());
    this.routes = new AccountRoutes(new SignInService(people, hasher, attempts, tokens), people, reference,
        config.secureCookies());
    this.sessions = new KeptSessions();
    this.pool = pool;
  }

  public PersonRepository people() {
    return people;
  }

  public ReferenceRepository reference() {
    return reference;
  }

  public PasswordHasher hasher() {
    return hasher;
  }

  /** Start-up housekeeping: forgets sign-in attempts older than the limit window. */
  public Future<Void> tidy() {
    return attempts.forgetOld();
  }

  /**
   * Recognises the signed-in person (session cookie or bearer token; the people behind tokens are kept once per
   * process, the change clock is read per verticle), then checks form tokens. Per verticle.
   */
  public List<Handler<RoutingContext>> filters() {
    return List.of(new Authenticator(tokens, people, config.secureCookies(), sessions, new Clock(pool)),
        new Csrf(config.signingSecret().orElseThrow(), config.secureCookies(), Authenticator.COOKIE,
            config.publicOrigins()));
  }

  @Override
  public void register(Routes routes) {
    this.routes.register(routes);
  }
}
