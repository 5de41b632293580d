package app.shipyard.admin;

import app.shipyard.identity.Person;
import app.shipyard.account.PersonJson;
import app.shipyard.account.PersonRepository;
import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** People administration: search, change roles, import from CSV. Admins only. */
public final class AdminRoutes implements Routes.Feature {

  private static final Access ADMINS = Access.roles(Role.ADMIN);
  private final PersonRepository people;
  private final PeopleImport importer;
  private final Views views;

  public AdminRoutes(PersonRepository people, PeopleImport importer, Views views) {
    this.people = people;
    this.importer = importer;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/admin/people", ADMINS, this::peoplePage)
        .legacyPost("/admin/people/:id/roles", ADMINS, this::rolesForm)
        .legacyGet("/admin/import", ADMINS, this::importPage)
        .legacyPost("/admin/import", ADMINS, this::importForm)
        .legacyGet("/api/admin/people", ADMINS, this::peopleApi)
        .legacyPut("/api/admin/people/:id/roles", ADMINS, this::rolesApi)
        .legacyPost("/api/admin/people/import", ADMINS, this::importApi);
  }

  private void peoplePage(RoutingContext ctx) {
    String q = Params.text(ctx, "q", 100);
    people.search(q, "", null, 200, 0).onSuccess(found -> views.page(ctx, "admin/people", "People and roles",
        Map.of("q", q, "people", found.stream().map(AdminRoutes::row).toList()))).onFailure(ctx::fail);
  }

  private static Map<String, Object> row(Person p) {
    return Map.of("person", p, "roles", Arrays.stream(Role.values())
        .map(r -> Map.of("key", r.key(), "held", p.has(r))).toList());
  }

  private void peopleApi(RoutingContext ctx) {
    people.search(Params.text(ctx, "q", 100), "", null, 200, 0)
        .onSuccess(found -> Responses.json(ctx, new JsonArray(found.stream().map(PersonJson::of).toList())))
        .onFailure(ctx::fail);
  }

  private void rolesForm(RoutingContext ctx) {
    changeRoles(ctx).onSuccess(p -> Responses.seeOther(ctx, "/admin/people?q=" + java.net.URLEncoder.encode(p.email(),
        java.nio.charset.StandardCharsets.UTF_8))).onFailure(ctx::fail);
  }

  private void rolesApi(RoutingContext ctx) {
    changeRoles(ctx).onSuccess(p -> Responses.json(ctx, PersonJson.of(p))).onFailure(ctx::fail);
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

  private void importPage(RoutingContext ctx) {
    views.page(ctx, "admin/import", "Import people", Map.of());
  }

  private void importForm(RoutingContext ctx) {
    Input input = Input.of(ctx);
    String csv = input.required("csv", 1024 * 1024);
    input.check();
    importer.run(csv).onSuccess(report -> {
      Map<String, Object> model = new HashMap<>();
      model.put("report", report);
      model.put("summary", report.summary());
      views.page(ctx, "admin/import", "Import people", model);
    }).onFailure(ctx::fail);
  }

  private void importApi(RoutingContext ctx) {
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
    importer.run(csv).onSuccess(report -> Responses.json(ctx, new JsonObject()
        .put("summary", new JsonObject(new HashMap<>(report.summary())))
        .put("rows", new JsonArray(report.rows().stream().map(r -> new JsonObject()
            .put("line", r.line()).put("email", r.email()).put("outcome", r.outcome()).put("reason", r.reason()))
            .toList())))).onFailure(ctx::fail);
  }
}
