package app.shipyard.web;

import app.shipyard.identity.Person;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed-in person making the current request, put on the routing context by authentication, and when the token
 * they signed in with expires (what outlives the request, such as a live connection, ends then).
 */
public record Viewer(Person person, Optional<Instant> expiresAt) {

  private static final String KEY = "shipyard.viewer";

  public static void set(RoutingContext ctx, Person person, Optional<Instant> expiresAt) {
    ctx.put(KEY, new Viewer(person, expiresAt));
  }

  public static Optional<Viewer> of(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(KEY));
  }

  /** The signed-in person; {@link Access} has already refused anonymous requests on protected routes. */
  public static Person person(RoutingContext ctx) {
    return of(ctx).map(Viewer::person).orElseThrow(() -> AppError.unauthorized("Please sign in."));
  }
}
