package app.shipyard.pitch;

import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Responses;
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
    routes.legacyPost("/pitches/:id/approve", ORGANISERS, ctx -> act(ctx, false, this::approve))
        .legacyPost("/pitches/:id/hide", ORGANISERS, ctx -> act(ctx, false, this::hide))
        .legacyPost("/pitches/:id/unhide", ORGANISERS, ctx -> act(ctx, false, this::unhide))
        .legacyPost("/api/pitches/:id/approve", ORGANISERS, ctx -> act(ctx, true, this::approve))
        .legacyPost("/api/pitches/:id/hide", ORGANISERS, ctx -> act(ctx, true, this::hide))
        .legacyPost("/api/pitches/:id/unhide", ORGANISERS, ctx -> act(ctx, true, this::unhide));
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
  private void act(RoutingContext ctx, boolean api, Function<RoutingContext, Future<Void>> action) {
    long id = Params.id(ctx, "id", "That pitch");
    action.apply(ctx).compose(done -> pitches.get(id, Audience.of(Viewer.person(ctx)))).onSuccess(p -> {
      if (api) {
        Responses.json(ctx, PitchJson.of(p));
      } else {
        Responses.seeOther(ctx, "/pitches/" + p.id());
      }
    }).onFailure(ctx::fail);
  }
}
