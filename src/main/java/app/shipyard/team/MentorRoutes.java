package app.shipyard.team;

import app.shipyard.account.Person;
import app.shipyard.account.Role;
import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.event.Phase;
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

/** Mentors of an event: page, forms and API. */
public final class MentorRoutes implements Routes.Feature {

  private static final Access EMPLOYEES = Access.roles(Role.EMPLOYEE);
  private final MentorRepository mentors;
  private final EventRepository events;
  private final Views views;

  public MentorRoutes(MentorRepository mentors, EventRepository events, Views views) {
    this.mentors = mentors;
    this.events = events;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/events/:id/mentors", Access.signedIn(), this::page)
        .post("/events/:id/mentors", EMPLOYEES, this::saveForm)
        .post("/events/:id/mentors/remove", EMPLOYEES, this::removeForm)
        .get("/api/events/:id/mentors", Access.signedIn(), this::listApi)
        .put("/api/events/:id/mentors/me", EMPLOYEES, this::saveApi)
        .delete("/api/events/:id/mentors/me", EMPLOYEES, this::removeApi);
  }

  private void page(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Person me = Viewer.person(ctx);
    Future.all(events.get(id), mentors.list(id)).onSuccess(all -> {
      Event event = all.resultAt(0);
      List<Mentor> list = all.resultAt(1);
      Optional<Mentor> mine = list.stream().filter(m -> m.personId() == me.id()).findFirst();
      Map<String, Object> model = new HashMap<>();
      model.put("event", event);
      model.put("tab", "mentors");
      model.put("mentors", list);
      model.put("mine", mine.orElse(null));
      model.put("canList", me.has(Role.EMPLOYEE) && event.phase() != Phase.RESULTS && event.phase() != Phase.ARCHIVED);
      model.put("skillsText", String.join(", ", mine.map(Mentor::skills).orElse(me.skills())));
      views.page(ctx, "team/mentors", event.title() + " · mentors", model);
    }).onFailure(ctx::fail);
  }

  private Future<Mentor> save(RoutingContext ctx, long eventId) {
    Input input = Input.of(ctx);
    List<String> skills = input.list("skills", 30, 60);
    String note = input.optional("note", 1000);
    input.check();
    return mentors.save(eventId, Viewer.person(ctx).id(), skills, note);
  }

  private void saveForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    save(ctx, id).onSuccess(m -> Responses.seeOther(ctx, "/events/" + id + "/mentors")).onFailure(ctx::fail);
  }

  private void saveApi(RoutingContext ctx) {
    save(ctx, Params.id(ctx, "id", "That event")).onSuccess(m -> Responses.json(ctx, TeamJson.of(m)))
        .onFailure(ctx::fail);
  }

  private void removeForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    mentors.remove(id, Viewer.person(ctx).id())
        .onSuccess(d -> Responses.seeOther(ctx, "/events/" + id + "/mentors")).onFailure(ctx::fail);
  }

  private void removeApi(RoutingContext ctx) {
    mentors.remove(Params.id(ctx, "id", "That event"), Viewer.person(ctx).id())
        .onSuccess(d -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private void listApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    events.get(id).compose(e -> mentors.list(id))
        .onSuccess(list -> Responses.json(ctx, new JsonArray(list.stream().map(TeamJson::of).toList())))
        .onFailure(ctx::fail);
  }
}
