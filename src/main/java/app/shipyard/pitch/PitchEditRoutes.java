package app.shipyard.pitch;

import app.shipyard.identity.Role;
import app.shipyard.event.EventRepository;
import app.shipyard.web.Access;
import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Editing a pitch (its earlier versions kept as revisions) and moving a lab project through its stages. The
 * captain or an organiser may do both; the repository checks who and when inside the transaction.
 */
public final class PitchEditRoutes implements Routes.Feature {

  private static final Access PEOPLE = Access.roles(Role.EMPLOYEE, Role.ORGANISER, Role.ADMIN);
  private final PitchRepository pitches;
  private final PitchChangeRepository changes;
  private final EventRepository events;
  private final Views views;

  public PitchEditRoutes(PitchRepository pitches, PitchChangeRepository changes, EventRepository events, Views views) {
    this.pitches = pitches;
    this.changes = changes;
    this.events = events;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/pitches/:id/edit", PEOPLE, this::editPage)
        .legacyPost("/pitches/:id/edit", PEOPLE, ctx -> edit(ctx).onSuccess(p -> toPage(ctx, p)).onFailure(ctx::fail))
        .legacyPost("/pitches/:id/stage", PEOPLE, ctx -> stage(ctx).onSuccess(p -> toPage(ctx, p)).onFailure(ctx::fail))
        .legacyPut("/api/pitches/:id", PEOPLE, ctx -> edit(ctx).onSuccess(p -> json(ctx, p)).onFailure(ctx::fail))
        .legacyGet("/api/pitches/:id/revisions", Access.signedIn(), this::revisionsApi)
        .legacyPost("/api/pitches/:id/stage", PEOPLE, ctx -> stage(ctx).onSuccess(p -> json(ctx, p)).onFailure(ctx::fail))
        .legacyGet("/api/pitches/:id/stages", Access.signedIn(), this::stagesApi);
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

  private void editPage(RoutingContext ctx) {
    Audience me = Audience.of(Viewer.person(ctx));
    managed(ctx, me).compose(p -> Future.all(events.get(p.eventId()), pitches.locations(p.eventId())).map(all -> {
      Map<String, Object> model = new HashMap<>();
      model.put("pitch", p);
      model.put("event", all.resultAt(0));
      model.put("tab", "pitches");
      model.put("locations", PitchListRoutes.locationChoices(all.resultAt(1), p.locations()));
      model.put("linksText", String.join("\n", p.links()));
      return model;
    })).onSuccess(model -> views.page(ctx, "pitch/pitch-edit", "Edit " + ((Pitch) model.get("pitch")).title(), model))
        .onFailure(ctx::fail);
  }

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

  private void revisionsApi(RoutingContext ctx) {
    pitches.get(Params.id(ctx, "id", "That pitch"), Audience.of(Viewer.person(ctx)))
        .compose(p -> changes.revisions(p.id()))
        .onSuccess(list -> Responses.json(ctx, PitchJson.array(list, PitchJson::of))).onFailure(ctx::fail);
  }

  private void stagesApi(RoutingContext ctx) {
    pitches.get(Params.id(ctx, "id", "That pitch"), Audience.of(Viewer.person(ctx)))
        .compose(p -> changes.stages(p.id()))
        .onSuccess(list -> Responses.json(ctx, PitchJson.array(list, PitchJson::of))).onFailure(ctx::fail);
  }

  private static void toPage(RoutingContext ctx, Pitch p) {
    Responses.seeOther(ctx, "/pitches/" + p.id());
  }

  private static void json(RoutingContext ctx, Pitch p) {
    Responses.json(ctx, PitchJson.of(p));
  }
}
