package app.shipyard.people;

import app.shipyard.identity.Location;
import app.shipyard.identity.Person;
import app.shipyard.account.PersonJson;
import app.shipyard.account.PersonRepository;
import app.shipyard.account.ReferenceRepository;
import app.shipyard.web.Access;
import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The people directory: find colleagues by name, skill and location. Open to every signed-in person. */
public final class PeopleRoutes implements Routes.Feature {

  static final int PAGE_SIZE = 30;
  private final PersonRepository people;
  private final ReferenceRepository reference;
  private final Views views;

  public PeopleRoutes(PersonRepository people, ReferenceRepository reference, Views views) {
    this.people = people;
    this.reference = reference;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/people", Access.signedIn(), this::directoryPage)
        .legacyGet("/people/:id", Access.signedIn(), this::personPage)
        .legacyGet("/api/people", Access.signedIn(), this::directoryApi)
        .legacyGet("/api/people/:id", Access.signedIn(), this::personApi)
        .legacyGet("/api/locations", Access.signedIn(), this::locationsApi)
        .legacyGet("/api/skills", Access.signedIn(), this::skillsApi);
  }

  private Future<List<Person>> search(RoutingContext ctx) {
    String q = Params.text(ctx, "q", 100);
    String skill = Params.text(ctx, "skill", 60);
    Integer location = Params.optionalInt(ctx, "location");
    int page = Params.page(ctx);
    return people.search(q, skill, location, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
  }

  private void directoryPage(RoutingContext ctx) {
    int page = Params.page(ctx);
    Future.all(search(ctx), reference.locations(), reference.skills()).onSuccess(all -> {
      List<Person> found = all.resultAt(0);
      List<Location> locations = all.resultAt(1);
      Integer selected = Params.optionalInt(ctx, "location");
      Map<String, Object> model = new HashMap<>();
      model.put("people", found.subList(0, Math.min(PAGE_SIZE, found.size())));
      model.put("q", Params.text(ctx, "q", 100));
      model.put("skill", Params.text(ctx, "skill", 60));
      model.put("skills", all.resultAt(2));
      model.put("locations", locations.stream().map(l -> Map.of("id", l.id(), "name", l.name(),
          "selected", selected != null && selected == l.id())).toList());
      model.put("nextPage", found.size() > PAGE_SIZE ? page + 1 : null);
      model.put("previousPage", page > 1 ? page - 1 : null);
      views.page(ctx, "people/directory", "People", model);
    }).onFailure(ctx::fail);
  }

  private void directoryApi(RoutingContext ctx) {
    search(ctx).onSuccess(found -> Responses.json(ctx, new JsonObject()
        .put("people", new JsonArray(found.stream().limit(PAGE_SIZE).map(PersonJson::of).toList()))
        .put("hasMore", found.size() > PAGE_SIZE))).onFailure(ctx::fail);
  }

  private Future<Person> find(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That person");
    return people.findById(id).map(p -> p.orElseThrow(() -> AppError.notFound("That person")));
  }

  private void personPage(RoutingContext ctx) {
    find(ctx).onSuccess(p -> views.page(ctx, "people/person", p.displayName(), Map.of("person", p)))
        .onFailure(ctx::fail);
  }

  private void personApi(RoutingContext ctx) {
    find(ctx).onSuccess(p -> Responses.json(ctx, PersonJson.of(p))).onFailure(ctx::fail);
  }

  private void locationsApi(RoutingContext ctx) {
    reference.locations().onSuccess(list -> Responses.json(ctx,
        new JsonArray(list.stream().map(PersonJson::of).toList()))).onFailure(ctx::fail);
  }

  private void skillsApi(RoutingContext ctx) {
    reference.skills().onSuccess(list -> Responses.json(ctx, new JsonArray(list.stream()
        .map(s -> new JsonObject().put("name", s.name()).put("people", s.people())).toList()))).onFailure(ctx::fail);
  }
}
