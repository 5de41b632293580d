package app.shipyard.event;

import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Answer;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;

/** Organisers move an event through its phases, one step at a time; each change is recorded. */
public final class EventPhaseRoutes implements Routes.Feature {

  private final EventRepository events;

  public EventPhaseRoutes(EventRepository events) {
    this.events = events;
  }

  @Override
  public void register(Routes routes) {
    routes.post("/events/:id/phase", EventRoutes.ORGANISERS, this::phaseForm)
        .post("/api/events/:id/phase", EventRoutes.ORGANISERS, this::phaseApi);
  }

  private Future<Event> changePhase(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Input input = Input.of(ctx);
    String key = input.required("phase", 20);
    input.check();
    Phase target = Phase.parse(key).orElseThrow(() -> AppError.invalid("phase", "must be one of "
        + Arrays.stream(Phase.values()).map(Phase::key).toList()));
    return events.changePhase(id, target, Viewer.person(ctx).id()).compose(done -> events.get(id));
  }

  private Future<Answer> phaseForm(RoutingContext ctx) {
    return changePhase(ctx).map(e -> Answer.seeOther("/events/" + e.id()));
  }

  private Future<Answer> phaseApi(RoutingContext ctx) {
    return changePhase(ctx).map(e -> Answer.json(EventJson.of(e)));
  }
}
