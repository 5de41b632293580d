package app.shipyard.pitch;

import app.shipyard.award.AwardRepository;
import app.shipyard.award.Award;
import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.event.EventRepository;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Idempotency;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

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
  private final Idempotency idempotency;
  private final AwardRepository awards;

  public PitchRoutes(PitchRepository pitches, PitchChangeRepository changes, PitchTalkRepository talk,
                     EventRepository events, Idempotency idempotency, AwardRepository awards) {
    this.awards = awards;
    this.pitches = pitches;
    this.changes = changes;
    this.talk = talk;
    this.events = events;
    this.idempotency = idempotency;
  }

  @Override
  public void register(Routes routes) {
    routes.post("/events/:id/pitches", EMPLOYEES, this::createForm)
        .get("/pitches/:id", Access.signedIn(), this::pitchPage)
        .post("/api/events/:id/pitches", EMPLOYEES, idempotency.wrap(this::createApi))
        .get("/api/pitches/:id", Access.signedIn(), this::pitchApi);
  }

  private Future<Long> create(RoutingContext ctx) {
    long eventId = Params.id(ctx, "id", "That event");
    PitchDetails pitch = PitchDetails.read(Input.of(ctx), DEFAULT_CAPACITY);
    return pitches.create(eventId, Viewer.person(ctx).id(), pitch);
  }

  private Future<Answer> createForm(RoutingContext ctx) {
    return create(ctx).map(id -> Answer.seeOther("/pitches/" + id));
  }

  private Future<Answer> createApi(RoutingContext ctx) {
    Audience me = Audience.of(Viewer.person(ctx));
    return create(ctx).compose(id -> pitches.get(id, me)).map(p -> Answer.json(201, PitchJson.of(p)));
  }

  private Future<Answer> pitchPage(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    Person me = Viewer.person(ctx);
    return pitches.get(id, Audience.of(me)).compose(p -> Future.all(List.of(events.get(p.eventId()),
        changes.revisions(id), talk.comments(id), talk.interested(id), changes.stages(id), awards.ofPitch(id)))
        .map(all -> Answer.page("pitch/pitch", p.title(), PitchPage.of(me, all.resultAt(0), p, all.resultAt(1),
            all.resultAt(2), all.resultAt(3), all.resultAt(4), all.resultAt(5)))));
  }

  private Future<Answer> pitchApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    return pitches.get(id, Audience.of(Viewer.person(ctx))).compose(p -> awards.ofPitch(id)
        .map(list -> Answer.json(PitchJson.of(p).put("awards", Award.toJson(list)))));
  }
}
