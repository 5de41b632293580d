package app.shipyard.admin;

import app.shipyard.identity.Person;
import app.shipyard.account.PersonJson;
import app.shipyard.account.PersonRepository;
import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

/** People administration: search, change roles, import from CSV. Admins only. */
public final class AdminRoutes implements Routes.Feature {

  private static final Access ADMINS = Access.roles(Role.ADMIN);
  private final PersonRepository people;
  private final PeopleImport importer;

  public AdminRoutes(PersonRepository people, PeopleImport importer) {
    this.people = people;
    this.importer = importer;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/admin/people", ADMINS, this::peoplePage)
        .post("/admin/people/:id/roles", ADMINS, this::rolesForm)
        .get("/admin/import", ADMINS, this::importPage)
        .post("/admin/import", ADMINS, this::importForm)
        .get("/api/admin/people", ADMINS, this::peopleApi)
        .put("/api/admin/people/:id/roles", ADMINS, this::rolesApi)
        .post("/api/admin/people/import", ADMINS, this::importApi);
  }

  /** The people page: the search and, for each person found, a checkbox per role. */
  record PeopleView(String q, List<PersonRow> people) {}

  record PersonRow(Person person, List<RoleCheck> roles) {
    static PersonRow of(Person p) {
      return new PersonRow(p, Arrays.stream(Role.values()).map(r -> new RoleCheck(r.key(), p.has(r))).toList());
    }
  }

  /** A role's checkbox: roles are named by key, so {@code web/Choice} (a numeric id) does not fit. */
  record RoleCheck(String key, boolean held) {}

  /** The import page: the form and, after an import, its report (both null before). */
  record ImportView(PeopleImport.Report report, ImportSummary summary) {
    static ImportView of(PeopleImport.Report report) {
      return new ImportView(report, new ImportSummary(report.count("created"), report.count("updated"),
          report.count("rejected")));
    }
  }

  record ImportSummary(long created, long updated, long rejected) {}

  private Future<Answer> peoplePage(RoutingContext ctx) {
    String q = Params.text(ctx, "q", 100);
    return people.search(q, "", null, 200, 0).map(found -> Answer.page("admin/people", "People and roles",
        new PeopleView(q, found.stream().map(PersonRow::of).toList())));
  }

  private Future<Answer> peopleApi(RoutingContext ctx) {
    return people.search(Params.text(ctx, "q", 100), "", null, 200, 0)
        .map(found -> Answer.json(new JsonArray(found.stream().map(PersonJson::of).toList())));
  }

  private Future<Answer> rolesForm(RoutingContext ctx) {
    return changeRoles(ctx).map(p -> Answer.seeOther("/admin/people?q=" + URLEncoder.encode(p.email(),
        StandardCharsets.UTF_8)));
  }

  private Future<Answer> rolesApi(RoutingContext ctx) {
    return changeRoles(ctx).map(p -> Answer.json(PersonJson.of(p)));
  }

  private Future<Person> changeRoles(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That person");
    Input input = Input.of(ctx);
    List<String> keys = input.list("roles", Role.values().length, 20);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String key : keys) {
      Role.parse(key).ifPresentOrElse(roles::add, () -> input.problem("roles", "'" + key + "' is not a role"));
    }
    if (roles.isEmpty()) {
      input.problem("roles", "must name at least one role (a person without roles cannot use Shipyard)");
    }
    input.check();
    Person me = Viewer.person(ctx);
    if (me.id() == id && !roles.contains(Role.ADMIN)) {
      throw AppError.conflict("You cannot remove your own admin role; ask another admin.");
    }
    return people.findById(id)
        .map(found -> found.orElseThrow(() -> AppError.notFound("That person")))
        .compose(p -> people.setRoles(id, roles))
        .compose(done -> people.findById(id))
        .map(found -> found.orElseThrow(() -> AppError.notFound("That person")));
  }

  private Future<Answer> importPage(RoutingContext ctx) {
    return Future.succeededFuture(Answer.page("admin/import", "Import people", new ImportView(null, null)));
  }

  private Future<Answer> importForm(RoutingContext ctx) {
    Input input = Input.of(ctx);
    String csv = input.required("csv", 1024 * 1024);
    input.check();
    return importer.run(csv).map(report -> Answer.page("admin/import", "Import people", ImportView.of(report)));
  }

  private Future<Answer> importApi(RoutingContext ctx) {
    String type = String.valueOf(ctx.request().getHeader("Content-Type")).toLowerCase();
    String csv;
    if (type.startsWith("application/json")) {
      Input input = Input.of(ctx);
      csv = input.required("csv", 1024 * 1024);
      input.check();
    } else if (type.startsWith("text/csv") || type.startsWith("text/plain")) {
      csv = Input.text(ctx);
    } else {
      throw AppError.badRequest("Send the CSV as text/csv, or as JSON {\"csv\": \"...\"}.");
    }
    return importer.run(csv).map(report -> Answer.json(new JsonObject()
        .put("summary", new JsonObject(new HashMap<>(report.summary())))
        .put("rows", new JsonArray(report.rows().stream().map(r -> new JsonObject()
            .put("line", r.line()).put("email", r.email()).put("outcome", r.outcome()).put("reason", r.reason()))
            .toList()))));
  }
}
