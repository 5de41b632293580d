package app.shipyard.people;

import app.shipyard.identity.Location;
import app.shipyard.identity.Person;
import app.shipyard.account.PersonJson;
import app.shipyard.account.PersonRepository;
import app.shipyard.account.ReferenceRepository;
import app.shipyard.account.ReferenceRepository.SkillCount;
import app.shipyard.web.Access;
import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Answer;
import app.shipyard.web.Choice;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** The people directory: find colleagues by name, skill and location. Open to every signed-in person. */
public final class PeopleRoutes implements Routes.Feature {

  static final int PAGE_SIZE = 30;
  private final PersonRepository people;
  private final ReferenceRepository reference;

  public PeopleRoutes(PersonRepository people, ReferenceRepository reference) {
    this.people = people;
    this.reference = reference;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/people", Access.signedIn(), this::directoryPage)
        .get("/people/:id", Access.signedIn(), this::personPage)
        .get("/api/people", Access.signedIn(), this::directoryApi)
        .get("/api/people/:id", Access.signedIn(), this::personApi)
        .get("/api/locations", Access.signedIn(), this::locationsApi)
        .get("/api/skills", Access.signedIn(), this::skillsApi);
  }

  /** The directory page: one page of people and the search form's state. */
  record DirectoryView(List<Person> people, String q, String skill, List<SkillCount> skills, List<Choice> locations,
                       Integer nextPage, Integer previousPage) {}

  record PersonView(Person person) {}

  private Future<List<Person>> search(RoutingContext ctx) {
    String q = Params.text(ctx, "q", 100);
    String skill = Params.text(ctx, "skill", 60);
    Integer location = Params.optionalInt(ctx, "location");
    int page = Params.page(ctx);
    return people.search(q, skill, location, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
  }

  private Future<Answer> directoryPage(RoutingContext ctx) {
    int page = Params.page(ctx);
    Integer selected = Params.optionalInt(ctx, "location");
    return Future.all(search(ctx), reference.locations(), reference.skills()).map(all -> {
      List<Person> found = all.resultAt(0);
      List<Location> locations = all.resultAt(1);
      return Answer.page("people/directory", "People", new DirectoryView(
          found.subList(0, Math.min(PAGE_SIZE, found.size())), Params.text(ctx, "q", 100), Params.text(ctx, "skill", 60),
          all.resultAt(2), locations.stream().map(l -> new Choice(l.id(), l.name(),
              selected != null && selected == l.id())).toList(),
          found.size() > PAGE_SIZE ? page + 1 : null, page > 1 ? page - 1 : null));
    });
  }

  private Future<Answer> directoryApi(RoutingContext ctx) {
    return search(ctx).map(found -> Answer.json(new JsonObject()
        .put("people", new JsonArray(found.stream().limit(PAGE_SIZE).map(PersonJson::of).toList()))
        .put("hasMore", found.size() > PAGE_SIZE)));
  }

  private Future<Person> find(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That person");
    return people.findById(id).map(p -> p.orElseThrow(() -> AppError.notFound("That person")));
  }

  private Future<Answer> personPage(RoutingContext ctx) {
    return find(ctx).map(p -> Answer.page("people/person", p.displayName(), new PersonView(p)));
  }

  private Future<Answer> personApi(RoutingContext ctx) {
    return find(ctx).map(p -> Answer.json(PersonJson.of(p)));
  }

  private Future<Answer> locationsApi(RoutingContext ctx) {
    return reference.locations().map(list -> Answer.json(new JsonArray(list.stream().map(PersonJson::of).toList())));
  }

  private Future<Answer> skillsApi(RoutingContext ctx) {
    return reference.skills().map(list -> Answer.json(new JsonArray(list.stream()
        .map(s -> new JsonObject().put("name", s.name()).put("people", s.people())).toList())));
  }
}
