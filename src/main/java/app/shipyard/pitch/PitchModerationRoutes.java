package app.shipyard.pitch;

import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Organisers approve pitches (where the event asks for it) and hide inappropriate ones with a reason. */
public final class PitchModerationRoutes implements Routes.Feature {

  private static final Access ORGANISERS = Access.roles(Role.ORGANISER, Role.ADMIN);
  private final PitchRepository pitches;
  private final PitchChangeRepository changes;

  public PitchModerationRoutes(PitchRepository pitches, PitchChangeRepository changes) {
    this.pitches = pitches;
    this.changes = changes;
  }

  @Override
  public void register(Routes routes) {
    routes.post("/pitches/:id/approve", ORGANISERS, ctx -> act(ctx, false, this::approve))
        .post("/pitches/:id/hide", ORGANISERS, ctx -> act(ctx, false, this::hide))
        .post("/pitches/:id/unhide", ORGANISERS, ctx -> act(ctx, false, this::unhide))
        .post("/api/pitches/:id/approve", ORGANISERS, ctx -> act(ctx, true, this::approve))
        .post("/api/pitches/:id/hide", ORGANISERS, ctx -> act(ctx, true, this::hide))
        .post("/api/pitches/:id/unhide", ORGANISERS, ctx -> act(ctx, true, this::unhide));
  }

  private Future<Void> approve(RoutingContext ctx) {
    return changes.approve(Params.id(ctx, "id", "That pitch"), Audience.of(Viewer.person(ctx)));
  }

  private Future<Void> hide(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    Input input = Input.of(ctx);
    String reason = input.required("reason", 500);
    input.check();
    return changes.hide(id, Audience.of(Viewer.person(ctx)), reason);
  }

  private Future<Void> unhide(RoutingContext ctx) {
    return changes.unhide(Params.id(ctx, "id", "That pitch"), Audience.of(Viewer.person(ctx)));
  }

  /** Runs the action, then answers with the pitch (API) or back on its page (form). */
  private Future<Answer> act(RoutingContext ctx, boolean api, Function<RoutingContext, Future<Void>> action) {
    long id = Params.id(ctx, "id", "That pitch");
    return action.apply(ctx).compose(done -> pitches.get(id, Audience.of(Viewer.person(ctx))))
        .map(p -> api ? Answer.json(PitchJson.of(p)) : Answer.seeOther("/pitches/" + p.id()));
  }
}
