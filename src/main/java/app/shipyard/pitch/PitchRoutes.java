package app.shipyard.pitch;

import app.shipyard.account.Person;
import app.shipyard.account.Role;
import app.shipyard.event.EventJson;
import app.shipyard.event.EventRepository;
import app.shipyard.pitch.PitchRepository.NewPitch;
import app.shipyard.web.Access;
import app.shipyard.web.Input;
import app.shipyard.web.Markdown;
import app.shipyard.web.Params;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/** Pitching ideas, as pages and API. Employees pitch; joining and leaving teams live in {@code team/TeamRoutes}. */
public final class PitchRoutes implements Routes.Feature {

  private static final Access EMPLOYEES = Access.roles(Role.EMPLOYEE);
  private final PitchRepository pitches;
  private final EventRepository events;
  private final Views views;

  public PitchRoutes(PitchRepository pitches, EventRepository events, Views views) {
    this.pitches = pitches;
    this.events = events;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.post("/events/:id/pitches", EMPLOYEES, this::createForm)
        .get("/pitches/:id", Access.signedIn(), this::pitchPage)
        .post("/api/events/:id/pitches", EMPLOYEES, this::createApi)
        .get("/api/pitches/:id", Access.signedIn(), this::pitchApi);
  }

  private Future<Long> create(RoutingContext ctx) {
    long eventId = Params.id(ctx, "id", "That event");
    NewPitch pitch = read(Input.of(ctx));
    return pitches.create(eventId, Viewer.person(ctx).id(), pitch);
  }

  private void createForm(RoutingContext ctx) {
    create(ctx).onSuccess(id -> Responses.seeOther(ctx, "/pitches/" + id)).onFailure(ctx::fail);
  }

  private void createApi(RoutingContext ctx) {
    create(ctx).compose(pitches::get).onSuccess(p -> Responses.json(ctx, 201, EventJson.of(p))).onFailure(ctx::fail);
  }

  private void pitchPage(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    Person me = Viewer.person(ctx);
    pitches.get(id).compose(p -> events.get(p.eventId()).map(e -> {
      Map<String, Object> model = new HashMap<>();
      model.put("pitch", p);
      model.put("event", e);
      model.put("problemHtml", Markdown.toHtml(p.problem()));
      model.put("ideaHtml", Markdown.toHtml(p.idea()));
      boolean member = p.hasMember(me.id());
      model.put("canJoin", !member && p.openPlaces() > 0 && e.phase().teamsOpen() && me.has(Role.EMPLOYEE));
      model.put("canLeave", member && me.id() != p.captainId() && e.phase().teamsOpen());
      model.put("departments", p.members().stream().map(Pitch.Member::department).filter(d -> !d.isBlank()).distinct().count());
      return model;
    })).onSuccess(model -> views.page(ctx, "event/pitch", ((Pitch) model.get("pitch")).title(), model))
        .onFailure(ctx::fail);
  }

  private void pitchApi(RoutingContext ctx) {
    pitches.get(Params.id(ctx, "id", "That pitch")).onSuccess(p -> Responses.json(ctx, EventJson.of(p)))
        .onFailure(ctx::fail);
  }

  private static NewPitch read(Input input) {
    String title = input.required("title", 120);
    String summary = input.required("summary", 200);
    String problem = input.optional("problem", 10000);
    String idea = input.optional("idea", 10000);
    int capacity = input.integer("capacity", 5, 1, 50);
    var skills = input.list("skills", 20, 60);
    input.check();
    return new NewPitch(title, summary, problem, idea, capacity, skills);
  }
}
