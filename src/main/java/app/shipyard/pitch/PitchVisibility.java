package app.shipyard.pitch;

import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * The one visibility rule for everything under a pitch: every route below {@code /pitches/:id} and
 * {@code /api/pitches/:id} (the pitch, its team, matches, requests, talk, edits, stages, joining) answers 404, as if
 * the pitch did not exist, to whoever {@link Audience} says may not see it. Register before the routes it covers.
 */
public final class PitchVisibility implements Routes.Feature {

  private final PitchRepository pitches;

  public PitchVisibility(PitchRepository pitches) {
    this.pitches = pitches;
  }

  @Override
  public void register(Routes routes) {
    routes.guard("/pitches/:id", this::visible).guard("/api/pitches/:id", this::visible);
  }

  private Future<Void> visible(RoutingContext ctx) {
    Audience who = Viewer.of(ctx).map(v -> Audience.of(v.person())).orElse(Audience.EVERYONE);
    return pitches.requireVisible(Params.id(ctx, "id", "That pitch"), who);
  }
}
