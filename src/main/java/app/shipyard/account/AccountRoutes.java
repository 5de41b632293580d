package app.shipyard.account;

import app.shipyard.identity.Person;
import app.shipyard.account.PersonRepository.ProfileUpdate;
import app.shipyard.db.SqlErrors;
import app.shipyard.web.Access;
import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/** Sign-in, sign-out and the signed-in person's own profile, as pages and as API. */
public final class AccountRoutes implements Routes.Feature {

  private final SignInService signIn;
  private final PersonRepository people;
  private final ReferenceRepository reference;
  private final Views views;
  private final boolean secureCookies;

  public AccountRoutes(SignInService signIn, PersonRepository people, ReferenceRepository reference, Views views,
                       boolean secureCookies) {
    this.signIn = signIn;
    this.people = people;
    this.reference = reference;
    this.views = views;
    this.secureCookies = secureCookies;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/sign-in", Access.anyone(), this::signInPage)
        .legacyPost("/sign-in", Access.anyone(), this::signInForm)
        .legacyPost("/sign-out", Access.signedIn(), this::signOutForm)
        .legacyGet("/profile", Access.signedIn(), this::profilePage)
        .legacyPost("/profile", Access.signedIn(), this::profileForm)
        .legacyPost("/api/auth/token", Access.anyone(), this::issueToken)
        .legacyPost("/api/auth/sign-out", Access.signedIn(), this::signOutApi)
        .legacyGet("/api/me", Access.signedIn(), this::me)
        .legacyPut("/api/me", Access.signedIn(), this::updateMe);
  }

  private void signInPage(RoutingContext ctx) {
    if (Viewer.of(ctx).isPresent()) {
      Responses.seeOther(ctx, "/");
      return;
    }
    showSignIn(ctx, 200, "", Responses.safeNext(ctx.request().getParam("next")), null);
  }

  private void showSignIn(RoutingContext ctx, int status, String email, String next, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("email", email);
    model.put("next", next);
    model.put("error", error);
    views.page(ctx, status, "account/sign-in", "Sign in", model);
  }

  private void signInForm(RoutingContext ctx) {
    Input input = Input.of(ctx);
    String email = input.optional("email", 254).toLowerCase();
    String password = input.optional("password", 1000);
    String next = Responses.safeNext(input.optional("next", 2000));
    if (email.isEmpty() || password.isEmpty()) {
      showSignIn(ctx, 400, email, next, "Please enter your email and password.");
      return;
    }
    signIn.signIn(email, password, address(ctx))
        .onSuccess(done -> {
          ctx.response().addCookie(Authenticator.sessionCookie(done.token(), signInLifetime(), secureCookies));
          Responses.seeOther(ctx, next);
        })
        .onFailure(e -> {
          if (e instanceof AppError error && (error.status() == 401 || error.status() == 429)) {
            showSignIn(ctx, error.status(), email, next, error.getMessage());
          } else {
            ctx.fail(e);
          }
        });
  }

  private void issueToken(RoutingContext ctx) {
    Input input = Input.of(ctx);
    String email = input.email("email");
    String password = input.required("password", 1000);
    input.check();
    signIn.signIn(email, password, address(ctx))
        .onSuccess(done -> Responses.json(ctx, new JsonObject()
            .put("token", done.token())
            .put("tokenType", "Bearer")
            .put("expiresIn", signInLifetime())
            .put("person", PersonJson.of(done.person()))))
        .onFailure(ctx::fail);
  }

  private void signOutForm(RoutingContext ctx) {
    signIn.signOut(Viewer.person(ctx))
        .onSuccess(done -> {
          ctx.response().addCookie(Authenticator.expired(secureCookies));
          Responses.seeOther(ctx, "/sign-in");
        })
        .onFailure(ctx::fail);
  }

  private void signOutApi(RoutingContext ctx) {
    signIn.signOut(Viewer.person(ctx))
        .onSuccess(done -> {
          ctx.response().addCookie(Authenticator.expired(secureCookies));
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(ctx::fail);
  }

  private void me(RoutingContext ctx) {
    Responses.json(ctx, PersonJson.of(Viewer.person(ctx)));
  }

  private void profilePage(RoutingContext ctx) {
    Person me = Viewer.person(ctx);
    showProfile(ctx, 200, me, Map.of(), false);
  }

  private void showProfile(RoutingContext ctx, int status, Person shown, Map<String, String> problems, boolean saved) {
    reference.locations().onSuccess(locations -> {
      Map<String, Object> model = new HashMap<>();
      model.put("person", shown);
      model.put("skillsText", String.join(", ", shown.skills()));
      model.put("locations", locations.stream().map(l -> Map.of("id", l.id(), "name", l.name(),
          "selected", shown.location() != null && shown.location().id() == l.id())).toList());
      model.put("problems", problems.entrySet().stream().map(e -> Map.of("field", e.getKey(), "problem", e.getValue())).toList());
      model.put("saved", saved);
      views.page(ctx, status, "account/profile", "My profile", model);
    }).onFailure(ctx::fail);
  }

  private void profileForm(RoutingContext ctx) {
    Person me = Viewer.person(ctx);
    Future<ProfileUpdate> update;
    try {
      update = Future.succeededFuture(readProfile(Input.of(ctx)));
    } catch (AppError e) {
      update = Future.failedFuture(e);
    }
    update.compose(u -> save(me, u))
        .onSuccess(p -> showProfile(ctx, 200, p, Map.of(), true))
        .onFailure(e -> {
          if (e instanceof AppError error && error.status() == 400) {
            showProfile(ctx, 400, me, error.fields(), false);
          } else {
            ctx.fail(e);
          }
        });
  }

  private void updateMe(RoutingContext ctx) {
    ProfileUpdate update = readProfile(Input.of(ctx));
    save(Viewer.person(ctx), update).onSuccess(p -> Responses.json(ctx, PersonJson.of(p))).onFailure(ctx::fail);
  }

  private Future<Person> save(Person me, ProfileUpdate update) {
    return people.updateProfile(me.id(), update)
        .recover(e -> Future.failedFuture(SqlErrors.is(e, SqlErrors.FOREIGN_KEY_VIOLATION)
            ? AppError.invalid("locationId", "is not a known location") : e))
        .compose(done -> people.findById(me.id()))
        .map(found -> found.orElseThrow(() -> AppError.notFound("Your account")));
  }

  /** Validates a profile from a form or JSON; throws a 400 listing every problem. */
  private static ProfileUpdate readProfile(Input input) {
    String name = input.required("displayName", 100);
    String department = input.optional("department", 100);
    Integer location = input.optionalId("locationId").orElse(null);
    String bio = input.optional("bio", 2000);
    var skills = input.list("skills", 30, 60);
    input.check();
    return new ProfileUpdate(name, department, location, bio, skills);
  }

  private static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
  }

  private long signInLifetime() {
    return signIn.lifetimeSeconds();
  }
}
