package app.shipyard.pitch;

import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.identity.Location;
import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import app.shipyard.web.Choice;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Editing a pitch (its earlier versions kept as revisions) and moving a lab project through its stages. The
 * captain or an organiser may do both; the repository checks who and when inside the transaction.
 */
public final class PitchEditRoutes implements Routes.Feature {

  private static final Access PEOPLE = Access.roles(Role.EMPLOYEE, Role.ORGANISER, Role.ADMIN);
  private final PitchRepository pitches;
  private final PitchChangeRepository changes;
  private final EventRepository events;

  /** The edit form: the pitch as it reads now, the event's locations ticked where it names them, links one a line. */
  record EditView(Pitch pitch, Event event, String tab, List<Choice> locations, String linksText) {}

  public PitchEditRoutes(PitchRepository pitches, PitchChangeRepository changes, EventRepository events) {
    this.pitches = pitches;
    this.changes = changes;
    this.events = events;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/pitches/:id/edit", PEOPLE, this::editPage)
        .post("/pitches/:id/edit", PEOPLE, ctx -> edit(ctx).map(PitchEditRoutes::toPage))
        .post("/pitches/:id/stage", PEOPLE, ctx -> stage(ctx).map(PitchEditRoutes::toPage))
        .put("/api/pitches/:id", PEOPLE, ctx -> edit(ctx).map(PitchEditRoutes::json))
        .get("/api/pitches/:id/revisions", Access.signedIn(), this::revisionsApi)
        .post("/api/pitches/:id/stage", PEOPLE, ctx -> stage(ctx).map(PitchEditRoutes::json))
        .get("/api/pitches/:id/stages", Access.signedIn(), this::stagesApi);
  }

  /** The pitch, if the person may see it and manages it (404 before 403, like the repository). */
  private Future<Pitch> managed(RoutingContext ctx, Audience me) {
    return pitches.get(Params.id(ctx, "id", "That pitch"), me).map(p -> {
      if (!me.manages(p.captainId())) {
        throw AppError.forbidden("Only the pitch's captain or an organiser can change it.");
      }
      return p;
    });
  }

  private Future<Answer> editPage(RoutingContext ctx) {
    Audience me = Audience.of(Viewer.person(ctx));
    return managed(ctx, me).compose(p -> Future.all(events.get(p.eventId()), pitches.locations(p.eventId()))
        .map(all -> Answer.page("pitch/pitch-edit", "Edit " + p.title(), new EditView(p, all.resultAt(0), "pitches",
            PitchListRoutes.locationChoices(all.resultAt(1), p.locations()), String.join("\n", p.links())))));
  }

  /** Check boxes for the form: the event's locations, ticked where the pitch names them. */

  private Future<Pitch> edit(RoutingContext ctx) {
    Audience me = Audience.of(Viewer.person(ctx));
    return managed(ctx, me).compose(p -> {
      PitchDetails details = PitchDetails.read(Input.of(ctx), p.capacity());
      return changes.edit(p.id(), me, details).compose(done -> pitches.get(p.id(), me));
    });
  }

  private Future<Pitch> stage(RoutingContext ctx) {
    Audience me = Audience.of(Viewer.person(ctx));
    long id = Params.id(ctx, "id", "That pitch");
    Input input = Input.of(ctx);
    String key = input.required("stage", 20);
    String note = input.optional("note", 1000);
    if (!key.isEmpty() && Stage.parse(key).isEmpty()) {
      input.problem("stage", "must be one of " + String.join(", ", Stage.keys()));
    }
    input.check();
    return changes.changeStage(id, me, Stage.parse(key).orElseThrow(), note).compose(done -> pitches.get(id, me));
  }

  private Future<Answer> revisionsApi(RoutingContext ctx) {
    return pitches.get(Params.id(ctx, "id", "That pitch"), Audience.of(Viewer.person(ctx)))
        .compose(p -> changes.revisions(p.id())).map(list -> Answer.json(PitchJson.array(list, PitchJson::of)));
  }

  private Future<Answer> stagesApi(RoutingContext ctx) {
    return pitches.get(Params.id(ctx, "id", "That pitch"), Audience.of(Viewer.person(ctx)))
        .compose(p -> changes.stages(p.id())).map(list -> Answer.json(PitchJson.array(list, PitchJson::of)));
  }

  private static Answer toPage(Pitch p) {
    return Answer.seeOther("/pitches/" + p.id());
  }

  private static Answer json(Pitch p) {
    return Answer.json(PitchJson.of(p));
  }
}
