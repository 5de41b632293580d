package app.shipyard.account;

import app.shipyard.identity.Person;
import app.shipyard.account.PersonRepository.ProfileUpdate;
import app.shipyard.db.SqlErrors;
import app.shipyard.web.Access;
import app.shipyard.web.AppError;
import app.shipyard.web.Answer;
import app.shipyard.web.Choice;
import app.shipyard.web.FieldProblem;
import app.shipyard.web.Input;
import app.shipyard.web.Redirects;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/** Sign-in, sign-out and the signed-in person's own profile, as pages and as API. */
public final class AccountRoutes implements Routes.Feature {

  private final SignInService signIn;
  private final PersonRepository people;
  private final ReferenceRepository reference;
  private final boolean secureCookies;

  public AccountRoutes(SignInService signIn, PersonRepository people, ReferenceRepository reference,
                       boolean secureCookies) {
    this.signIn = signIn;
    this.people = people;
    this.reference = reference;
    this.secureCookies = secureCookies;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/sign-in", Access.anyone(), this::signInPage)
        .post("/sign-in", Access.anyone(), this::signInForm)
        .post("/sign-out", Access.signedIn(), this::signOutForm)
        .get("/profile", Access.signedIn(), this::profilePage)
        .post("/profile", Access.signedIn(), this::profileForm)
        .post("/api/auth/token", Access.anyone(), this::issueToken)
        .post("/api/auth/sign-out", Access.signedIn(), this::signOutApi)
        .get("/api/me", Access.signedIn(), this::me)
        .put("/api/me", Access.signedIn(), this::updateMe);
  }

  record SignInView(String email, String next, String error) {}

  record ProfileView(Person person, String skillsText, List<Choice> locations, List<FieldProblem> problems,
                     boolean saved) {}

  private Future<Answer> signInPage(RoutingContext ctx) {
    if (Viewer.of(ctx).isPresent()) {
      return Future.succeededFuture(Answer.seeOther("/"));
    }
    return Future.succeededFuture(signInAgain(200, "", Redirects.safeNext(ctx.request().getParam("next")), null));
  }

  private static Answer signInAgain(int status, String email, String next, String error) {
    return Answer.page(status, "account/sign-in", "Sign in", new SignInView(email, next, error));
  }

  private Future<Answer> signInForm(RoutingContext ctx) {
    Input input = Input.of(ctx);
    String email = input.optional("email", 254).toLowerCase();
    String password = input.optional("password", 1000);
    String next = Redirects.safeNext(input.optional("next", 2000));
    if (email.isEmpty() || password.isEmpty()) {
      return Future.succeededFuture(signInAgain(400, email, next, "Please enter your email and password."));
    }
    return signIn.signIn(email, password, address(ctx))
        .map(done -> Answer.seeOther(next)
            .withCookie(Authenticator.sessionCookie(done.token(), signInLifetime(), secureCookies)))
        .recover(e -> e instanceof AppError error && (error.status() == 401 || error.status() == 429)
            ? Future.succeededFuture(signInAgain(error.status(), email, next, error.getMessage()))
            : Future.failedFuture(e));
  }

  private Future<Answer> issueToken(RoutingContext ctx) {
    Input input = Input.of(ctx);
    String email = input.email("email");
    String password = input.required("password", 1000);
    input.check();
    return signIn.signIn(email, password, address(ctx))
        .map(done -> Answer.json(new JsonObject()
            .put("token", done.token())
            .put("tokenType", "Bearer")
            .put("expiresIn", signInLifetime())
            .put("person", PersonJson.of(done.person()))));
  }

  private Future<Answer> signOutForm(RoutingContext ctx) {
    return signIn.signOut(Viewer.person(ctx))
        .map(done -> Answer.seeOther("/sign-in").withCookie(Authenticator.expired(secureCookies)));
  }

  private Future<Answer> signOutApi(RoutingContext ctx) {
    return signIn.signOut(Viewer.person(ctx))
        .map(done -> Answer.noContent().withCookie(Authenticator.expired(secureCookies)));
  }

  private Future<Answer> me(RoutingContext ctx) {
    return Future.succeededFuture(Answer.json(PersonJson.of(Viewer.person(ctx))));
  }

  private Future<Answer> profilePage(RoutingContext ctx) {
    return profile(200, Viewer.person(ctx), Map.of(), false);
  }

  private Future<Answer> profile(int status, Person shown, Map<String, String> problems, boolean saved) {
    return reference.locations().map(locations -> Answer.page(status, "account/profile", "My profile",
        new ProfileView(shown, String.join(", ", shown.skills()),
            locations.stream().map(l -> new Choice(l.id(), l.name(),
                shown.location() != null && shown.location().id() == l.id())).toList(),
            problems.entrySet().stream().map(e -> new FieldProblem(e.getKey(), e.getValue())).toList(), saved)));
  }

  private Future<Answer> profileForm(RoutingContext ctx) {
    Person me = Viewer.person(ctx);
    return Future.succeededFuture(Input.of(ctx)).map(AccountRoutes::readProfile)
        .compose(u -> save(me, u))
        .compose(p -> profile(200, p, Map.of(), true))
        .recover(e -> e instanceof AppError error && error.status() == 400
            ? profile(400, me, error.fields(), false) : Future.failedFuture(e));
  }

  private Future<Answer> updateMe(RoutingContext ctx) {
    ProfileUpdate update = readProfile(Input.of(ctx));
    return save(Viewer.person(ctx), update).map(p -> Answer.json(PersonJson.of(p)));
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
