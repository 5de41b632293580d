package app.shipyard.web;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may use a group of routes. Every feature router is mounted with one (see {@code HttpVerticle#mount}),
 * so a route nobody stated a policy for cannot exist.
 */
public final class Access implements Handler<RoutingContext> {

  private final boolean signInRequired;
  private final Set<Role> allowed;
  private final String description;
  private final ServiceToken token;

  private Access(boolean signInRequired, Set<Role> allowed, String description) {
    this(signInRequired, allowed, description, ServiceToken.none());
  }

  private Access(boolean signInRequired, Set<Role> allowed, String description, ServiceToken token) {
    this.signInRequired = signInRequired;
    this.allowed = allowed;
    this.description = description;
    this.token = token;
  }

  /** Open to everyone, signed in or not (sign-in page, health, static files). */
  public static Access anyone() {
    return new Access(false, EnumSet.allOf(Role.class), "anyone");
  }

  /** Any signed-in person, whatever their roles. */
  public static Access signedIn() {
    return new Access(true, EnumSet.allOf(Role.class), "signed-in people");
  }

  /** Signed-in people holding at least one of {@code roles}. */
  public static Access roles(Role... roles) {
    return new Access(true, EnumSet.copyOf(Arrays.asList(roles)), Role.describe(roles));
  }

  /** Signed-in people holding one of {@code roles}, or a machine presenting {@code token} (a metrics scraper). */
  public static Access rolesOrToken(ServiceToken token, Role... roles) {
    return new Access(true, EnumSet.copyOf(Arrays.asList(roles)), Role.describe(roles), token);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!signInRequired || token.presentedIn(ctx)) {
      ctx.next();
      return;
    }
    Person person = Viewer.of(ctx).map(Viewer::person).orElse(null);
    if (person == null) {
      ctx.fail(AppError.unauthorized("Please sign in to continue."));
    } else if (person.roles().stream().noneMatch(allowed::contains)) {
      ctx.fail(AppError.forbidden("This part of Shipyard is only for " + description + "."));
    } else {
      ctx.next();
    }
  }

  /** Checks a single action inside a route (for rules that depend on the data, not just the route). */
  public static void require(Person person, Role... roles) {
    if (Arrays.stream(roles).noneMatch(person::has)) {
      throw AppError.forbidden("Only " + Role.describe(roles) + " may do this.");
    }
  }
}
