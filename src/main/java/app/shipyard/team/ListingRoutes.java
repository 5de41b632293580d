package app.shipyard.team;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * One kind of listing's tab page, forms and API, under {@code /events/:id/<path>} and {@code /api/events/:id/<path>}:
 * the event's free agents ({@link #freeAgents}) or its mentors ({@link #mentors}).
 */
public final class ListingRoutes<T extends ListedPerson> implements Routes.Feature {

  private static final Access EMPLOYEES = Access.roles(Role.EMPLOYEE);
  private final ListingKind<T> kind;
  private final ListingRepository<T> listings;
  private final String path;
  private final String title;
  private final PageExtras extras;
  private final EventRepository events;

  /**
   * What a kind's page adds: whether the viewer is on a team and the pitches matching their skills (free agents
   * only), and whether the viewer may list (besides being an employee in phase).
   */
  record Extras(boolean onTeam, MatchFinder.ForPerson matches, boolean mayList) {}

  @FunctionalInterface
  interface PageExtras {
    Future<Extras> load(long eventId, Person viewer);
  }

  /** A listing tab: everyone listed, the viewer's own listing (or null) and the state of the form to list. */
  record ListingView<T>(Event event, String tab, List<T> listings, T mine, boolean canList, String skillsText,
                        boolean onTeam, MatchFinder.ForPerson matches) {}

  private ListingRoutes(ListingRepository<T> listings, String path, String title, PageExtras extras,
                        EventRepository events) {
    this.kind = listings.kind();
    this.listings = listings;
    this.path = path;
    this.title = title;
    this.extras = extras;
    this.events = events;
  }

  /** The free-agents tab also shows the pitches matching the viewer's skills, and is no place for team members. */
  public static ListingRoutes<FreeAgent> freeAgents(ListingRepository<FreeAgent> freeAgents, TeamRepository teams,
                                                    MatchFinder matches, EventRepository events) {
    return new ListingRoutes<>(freeAgents, "free-agents", "free agents", (eventId, viewer) ->
        Future.all(teams.teamCount(eventId, viewer.id()), matches.forPerson(eventId, viewer)).map(all -> {
          boolean onTeam = all.<Long>resultAt(0) > 0;
          return new Extras(onTeam, all.resultAt(1), !onTeam);
        }), events);
  }

  public static ListingRoutes<Mentor> mentors(ListingRepository<Mentor> mentors, EventRepository events) {
    return new ListingRoutes<>(mentors, "mentors", "mentors",
        (eventId, viewer) -> Future.succeededFuture(new Extras(false, null, true)), events);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/events/:id/" + path, Access.signedIn(), this::page)
        .post("/events/:id/" + path, EMPLOYEES, this::saveForm)
        .post("/events/:id/" + path + "/remove", EMPLOYEES, this::removeForm)
        .get("/api/events/:id/" + path, Access.signedIn(), this::listApi)
        .put("/api/events/:id/" + path + "/me", EMPLOYEES, this::saveApi)
        .delete("/api/events/:id/" + path + "/me", EMPLOYEES, this::removeApi);
  }

  private Future<Answer> page(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Person me = Viewer.person(ctx);
    return Future.all(events.get(id), listings.list(id), extras.load(id, me)).map(all -> {
      Event event = all.resultAt(0);
      List<T> list = all.resultAt(1);
      Extras more = all.resultAt(2);
      Optional<T> mine = list.stream().filter(l -> l.personId() == me.id()).findFirst();
      boolean canList = me.has(Role.EMPLOYEE) && kind.openIn().test(event.phase()) && more.mayList();
      String skillsText = String.join(", ", mine.map(ListedPerson::skills).orElse(me.skills()));
      return Answer.page("team/" + path, event.title() + " · " + title, new ListingView<>(event, path, list,
          mine.orElse(null), canList, skillsText, more.onTeam(), more.matches()));
    });
  }

  private Future<T> save(RoutingContext ctx, long eventId) {
    Input input = Input.of(ctx);
    List<String> skills = input.list("skills", 30, 60);
    String text = input.optional(kind.text(), 1000);
    input.check();
    return listings.save(eventId, Viewer.person(ctx).id(), skills, text);
  }

  private Future<Answer> saveForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return save(ctx, id).map(l -> Answer.seeOther("/events/" + id + "/" + path));
  }

  private Future<Answer> saveApi(RoutingContext ctx) {
    return save(ctx, Params.id(ctx, "id", "That event")).map(l -> Answer.json(TeamJson.of(l, kind.text())));
  }

  private Future<Answer> removeForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return listings.remove(id, Viewer.person(ctx).id()).map(d -> Answer.seeOther("/events/" + id + "/" + path));
  }

  private Future<Answer> removeApi(RoutingContext ctx) {
    return listings.remove(Params.id(ctx, "id", "That event"), Viewer.person(ctx).id()).map(d -> Answer.noContent());
  }

  private Future<Answer> listApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return events.get(id).compose(e -> listings.list(id))
        .map(list -> Answer.json(new JsonArray(list.stream().map(l -> TeamJson.of(l, kind.text())).toList())));
  }
}
