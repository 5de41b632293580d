package app.shipyard.stage;

import app.shipyard.event.EventRepository;
import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * The running order as JSON for everyone who sees the event, and the organisers' actions on it: as JSON under
 * {@code /api/events/:id/running-order/<action>}, and as the control room's plain forms under
 * {@code /events/:id/control/<action>} (which go back to the control room).
 */
final class StageRoutes implements Routes.Feature {

  static final Access ORGANISERS = Access.roles(Role.ORGANISER, Role.ADMIN);

  private final StageRepository stage;
  private final EventRepository events;
  private final ControlRoom control;

  StageRoutes(StageRepository stage, EventRepository events, ControlRoom control) {
    this.stage = stage;
    this.events = events;
    this.control = control;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/events/:id/running-order", Access.signedIn(), this::orderApi);
    for (StageAction action : StageAction.values()) {
      routes.post("/api/events/:id/running-order/" + action.key(), ORGANISERS,
              ctx -> act(ctx, action).map(order -> Answer.json(StageJson.of(order, stage.now()))))
          .post("/events/:id/control/" + action.key(), ORGANISERS, ctx -> actForm(ctx, action));
    }
    routes.get("/events/:id/control", ORGANISERS, control::answer);
  }

  /** Back to the control room; a refused move shows it again with the reason (400 or 409). */
  private Future<Answer> actForm(RoutingContext ctx, StageAction action) {
    return act(ctx, action).map(order -> Answer.seeOther("/events/" + eventId(ctx) + "/control"))
        .recover(failure -> failure instanceof AppError refused && (refused.status() == 400 || refused.status() == 409)
            ? control.answer(ctx, refused.status(), reason(refused)) : Future.failedFuture(failure));
  }

  private static String reason(AppError refused) {
    return refused.fields().isEmpty() ? refused.getMessage() : refused.fields().entrySet().stream()
        .map(f -> f.getKey() + " " + f.getValue()).collect(java.util.stream.Collectors.joining("; ")) + ".";
  }

  static long eventId(RoutingContext ctx) {
    return Params.id(ctx, "id", "That event");
  }

  private Future<Answer> orderApi(RoutingContext ctx) {
    long id = eventId(ctx);
    return events.get(id).compose(e -> stage.order(id)).map(order -> {
      var now = stage.now();
      return Answer.json(StageJson.of(order, now).put("serverTime", now.toEpochMilli()));
    });
  }

  private Future<RunningOrder> act(RoutingContext ctx, StageAction action) {
    long id = eventId(ctx);
    try {
      return stage.act(id, action.read(Input.of(ctx)));
    } catch (AppError invalid) {
      return Future.failedFuture(invalid);
    }
  }
}
