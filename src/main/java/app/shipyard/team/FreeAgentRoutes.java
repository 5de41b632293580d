package app.shipyard.team;

import app.shipyard.account.Person;
import app.shipyard.account.Role;
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

/** Free agents of an event (page, forms, API) and the pitches that match a person's skills. */
public final class FreeAgentRoutes implements Routes.Feature {

  private static final Access EMPLOYEES = Access.roles(Role.EMPLOYEE);
  private final FreeAgentRepository freeAgents;
  private final TeamRepository teams;
  private final Matches matches;
  private final EventRepository events;
  private final Views views;

  public FreeAgentRoutes(FreeAgentRepository freeAgents, TeamRepository teams, Matches matches, EventRepository events,
                         Views views) {
    this.freeAgents = freeAgents;
    this.teams = teams;
    this.matches = matches;
    this.events = events;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/events/:id/free-agents", Access.signedIn(), this::page)
        .post("/events/:id/free-agents", EMPLOYEES, this::saveForm)
        .post("/events/:id/free-agents/remove", EMPLOYEES, this::removeForm)
        .get("/api/events/:id/free-agents", Access.signedIn(), this::listApi)
        .put("/api/events/:id/free-agents/me", EMPLOYEES, this::saveApi)
        .delete("/api/events/:id/free-agents/me", EMPLOYEES, this::removeApi)
        .get("/api/events/:id/matches/me", Access.signedIn(), this::matchesApi);
  }

  private void page(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Person me = Viewer.person(ctx);
    Future.all(events.get(id), freeAgents.list(id), teams.teamCount(id, me.id()), matches.forPerson(id, me))
        .onSuccess(all -> {
          Event event = all.resultAt(0);
          List<FreeAgent> agents = all.resultAt(1);
          long myTeams = all.resultAt(2);
          Optional<FreeAgent> mine = agents.stream().filter(a -> a.personId() == me.id()).findFirst();
          Map<String, Object> model = new HashMap<>();
          model.put("event", event);
          model.put("tab", "free-agents");
          model.put("agents", agents);
          model.put("mine", mine.orElse(null));
          model.put("onTeam", myTeams > 0);
          model.put("canList", myTeams == 0 && event.phase().teamsOpen() && me.has(Role.EMPLOYEE));
          model.put("skillsText", String.join(", ", mine.map(FreeAgent::skills).orElse(me.skills())));
          model.put("matches", all.resultAt(3));
          views.page(ctx, "team/free-agents", event.title() + " · free agents", model);
        }).onFailure(ctx::fail);
  }

  private Future<FreeAgent> save(RoutingContext ctx, long eventId) {
    Input input = Input.of(ctx);
    List<String> skills = input.list("skills", 30, 60);
    String wants = input.optional("wants", 1000);
    input.check();
    return freeAgents.save(eventId, Viewer.person(ctx).id(), skills, wants);
  }

  private void saveForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    save(ctx, id).onSuccess(a -> Responses.seeOther(ctx, "/events/" + id + "/free-agents")).onFailure(ctx::fail);
  }

  private void saveApi(RoutingContext ctx) {
    save(ctx, Params.id(ctx, "id", "That event")).onSuccess(a -> Responses.json(ctx, TeamJson.of(a)))
        .onFailure(ctx::fail);
  }

  private void removeForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    freeAgents.remove(id, Viewer.person(ctx).id())
        .onSuccess(d -> Responses.seeOther(ctx, "/events/" + id + "/free-agents")).onFailure(ctx::fail);
  }

  private void removeApi(RoutingContext ctx) {
    freeAgents.remove(Params.id(ctx, "id", "That event"), Viewer.person(ctx).id())
        .onSuccess(d -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private void listApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    events.get(id).compose(e -> freeAgents.list(id))
        .onSuccess(list -> Responses.json(ctx, new JsonArray(list.stream().map(TeamJson::of).toList())))
        .onFailure(ctx::fail);
  }

  private void matchesApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    events.get(id).compose(e -> matches.forPerson(id, Viewer.person(ctx)))
        .onSuccess(m -> Responses.json(ctx, m.json())).onFailure(ctx::fail);
  }
}
