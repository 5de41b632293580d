package app.shipyard.outcome;

import app.shipyard.identity.Role;
import app.shipyard.pitch.Audience;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Recording a project's outcome, from the project page's form or the API. The route admits employees and organisers;
 * the data decides the rest (the project's captain or an organiser, once the event has its results).
 */
public final class OutcomeRoutes implements Routes.Feature {

  private static final Access RECORDERS = Access.roles(Role.EMPLOYEE, Role.ORGANISER, Role.ADMIN);
  private final OutcomeRepository outcomes;

  public OutcomeRoutes(OutcomeRepository outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void register(Routes routes) {
    routes.post("/projects/:id/outcomes", RECORDERS, this::recordForm)
        .post("/api/projects/:id/outcomes", RECORDERS, this::recordApi);
  }

  private Future<Outcome> record(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    NewOutcome outcome = NewOutcome.read(Input.of(ctx));
    return outcomes.record(id, Audience.of(Viewer.person(ctx)), outcome);
  }

  private Future<Answer> recordForm(RoutingContext ctx) {
    return record(ctx).map(o -> Answer.seeOther("/projects/" + ctx.pathParam("id") + "#outcome"));
  }

  private Future<Answer> recordApi(RoutingContext ctx) {
    return record(ctx).map(o -> Answer.json(201, o.toJson()));
  }
}
