package app.shipyard.team;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.web.Access;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final Views views;

  /** What a kind's page adds to the model, and whether the viewer may list (besides being an employee in phase). */
  record Extras(Map<String, Object> model, boolean mayList) {}

  @FunctionalInterface
  interface PageExtras {
    Future<Extras> load(long eventId, Person viewer);
  }

  private ListingRoutes(ListingRepository<T> listings, String path, String title, PageExtras extras,
                        EventRepository events, Views views) {
    this.kind = listings.kind();
    this.listings = listings;
    this.path = path;
    this.title = title;
    this.extras = extras;
    this.events = events;
    this.views = views;
  }

  /** The free-agents tab also shows the pitches matching the viewer's skills, and is no place for team members. */
  public static ListingRoutes<FreeAgent> freeAgents(ListingRepository<FreeAgent> freeAgents, TeamRepository teams,
                                                    MatchFinder matches, EventRepository events, Views views) {
    return new ListingRoutes<>(freeAgents, "free-agents", "free agents", (eventId, viewer) ->
        Future.all(teams.teamCount(eventId, viewer.id()), matches.forPerson(eventId, viewer)).map(all -> {
          boolean onTeam = all.<Long>resultAt(0) > 0;
          return new Extras(Map.of("onTeam", onTeam, "matches", all.resultAt(1)), !onTeam);
        }), events, views);
  }

  public static ListingRoutes<Mentor> mentors(ListingRepository<Mentor> mentors, EventRepository events, Views views) {
    return new ListingRoutes<>(mentors, "mentors", "mentors",
        (eventId, viewer) -> Future.succeededFuture(new Extras(Map.of(), true)), events, views);
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/events/:id/" + path, Access.signedIn(), this::page)
        .legacyPost("/events/:id/" + path, EMPLOYEES, this::saveForm)
        .legacyPost("/events/:id/" + path + "/remove", EMPLOYEES, this::removeForm)
        .legacyGet("/api/events/:id/" + path, Access.signedIn(), this::listApi)
        .legacyPut("/api/events/:id/" + path + "/me", EMPLOYEES, this::saveApi)
        .legacyDelete("/api/events/:id/" + path + "/me", EMPLOYEES, this::removeApi);
  }

  private void page(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Person me = Viewer.person(ctx);
    Future.all(events.get(id), listings.list(id), extras.load(id, me)).onSuccess(all -> {
      Event event = all.resultAt(0);
      List<T> list = all.resultAt(1);
      Extras more = all.resultAt(2);
      Optional<T> mine = list.stream().filter(l -> l.personId() == me.id()).findFirst();
      Map<String, Object> model = new HashMap<>(more.model());
      model.put("event", event);
      model.put("tab", path);
      model.put("listings", list);
      model.put("mine", mine.orElse(null));
      model.put("canList", me.has(Role.EMPLOYEE) && kind.openIn().test(event.phase()) && more.mayList());
      model.put("skillsText", String.join(", ", mine.map(ListedPerson::skills).orElse(me.skills())));
      views.page(ctx, "team/" + path, event.title() + " · " + title, model);
    }).onFailure(ctx::fail);
  }

  private Future<T> save(RoutingContext ctx, long eventId) {
    Input input = Input.of(ctx);
    List<String> skills = input.list("skills", 30, 60);
    String text = input.optional(kind.text(), 1000);
    input.check();
    return listings.save(eventId, Viewer.person(ctx).id(), skills, text);
  }

  private void saveForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    save(ctx, id).onSuccess(l -> Responses.seeOther(ctx, "/events/" + id + "/" + path)).onFailure(ctx::fail);
  }

  private void saveApi(RoutingContext ctx) {
    save(ctx, Params.id(ctx, "id", "That event")).onSuccess(l -> Responses.json(ctx, TeamJson.of(l, kind.text())))
        .onFailure(ctx::fail);
  }

  private void removeForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    listings.remove(id, Viewer.person(ctx).id())
        .onSuccess(d -> Responses.seeOther(ctx, "/events/" + id + "/" + path)).onFailure(ctx::fail);
  }

  private void removeApi(RoutingContext ctx) {
    listings.remove(Params.id(ctx, "id", "That event"), Viewer.person(ctx).id())
        .onSuccess(d -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private void listApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    events.get(id).compose(e -> listings.list(id))
        .map(list -> new JsonArray(list.stream().map(l -> TeamJson.of(l, kind.text())).toList()))
        .onSuccess(json -> Responses.json(ctx, json)).onFailure(ctx::fail);
  }
}
