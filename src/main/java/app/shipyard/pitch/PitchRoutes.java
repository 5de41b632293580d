package app.shipyard.pitch;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.event.Times;
import app.shipyard.web.Access;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Pitching ideas and the pitch page, as pages and API. Employees pitch. Editing, moderation, talk and the event's pitch
 * list have their own route classes; joining and leaving teams live in {@code team/TeamRoutes}.
 */
public final class PitchRoutes implements Routes.Feature {

  private static final Access EMPLOYEES = Access.roles(Role.EMPLOYEE);
  private static final int DEFAULT_CAPACITY = 5;
  private final PitchRepository pitches;
  private final PitchChangeRepository changes;
  private final PitchTalkRepository talk;
  private final EventRepository events;
  private final Views views;

  public PitchRoutes(PitchRepository pitches, PitchChangeRepository changes, PitchTalkRepository talk,
                     EventRepository events, Views views) {
    this.pitches = pitches;
    this.changes = changes;
    this.talk = talk;
    this.events = events;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyPost("/events/:id/pitches", EMPLOYEES, this::createForm)
        .legacyGet("/pitches/:id", Access.signedIn(), this::pitchPage)
        .legacyPost("/api/events/:id/pitches", EMPLOYEES, this::createApi)
        .legacyGet("/api/pitches/:id", Access.signedIn(), this::pitchApi);
  }

  private Future<Long> create(RoutingContext ctx) {
    long eventId = Params.id(ctx, "id", "That event");
    PitchDetails pitch = PitchDetails.read(Input.of(ctx), DEFAULT_CAPACITY);
    return pitches.create(eventId, Viewer.person(ctx).id(), pitch);
  }

  private void createForm(RoutingContext ctx) {
    create(ctx).onSuccess(id -> Responses.seeOther(ctx, "/pitches/" + id)).onFailure(ctx::fail);
  }

  private void createApi(RoutingContext ctx) {
    Audience me = Audience.of(Viewer.person(ctx));
    create(ctx).compose(id -> pitches.get(id, me)).onSuccess(p -> Responses.json(ctx, 201, PitchJson.of(p)))
        .onFailure(ctx::fail);
  }

  private void pitchPage(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    Person me = Viewer.person(ctx);
    pitches.get(id, Audience.of(me)).compose(p -> Future.all(events.get(p.eventId()), changes.revisions(id),
        talk.comments(id), talk.interested(id), changes.stages(id)).map(all -> {
          Event e = all.resultAt(0);
          return new PitchPage(me, e, p, Times.viewerZone(me, e))
              .model(all.resultAt(1), all.resultAt(2), all.resultAt(3), all.resultAt(4));
        })).onSuccess(model -> views.page(ctx, "pitch/pitch", ((Pitch) model.get("pitch")).title(), model))
        .onFailure(ctx::fail);
  }

  private void pitchApi(RoutingContext ctx) {
    pitches.get(Params.id(ctx, "id", "That pitch"), Audience.of(Viewer.person(ctx)))
        .onSuccess(p -> Responses.json(ctx, PitchJson.of(p))).onFailure(ctx::fail);
  }
}
