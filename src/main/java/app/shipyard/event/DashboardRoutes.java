package app.shipyard.event;

import app.shipyard.web.Params;
import app.shipyard.web.Answer;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** The organiser dashboard of an event, as a page and as JSON; organisers and admins only. */
public final class DashboardRoutes implements Routes.Feature {

  private final DashboardRepository dashboards;

  public DashboardRoutes(DashboardRepository dashboards) {
    this.dashboards = dashboards;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/events/:id/dashboard", EventRoutes.ORGANISERS, this::page)
        .get("/api/events/:id/dashboard", EventRoutes.ORGANISERS, this::api);
  }

  record DashboardView(Event event, String tab, Dashboard dashboard) {}

  private Future<Answer> page(RoutingContext ctx) {
    return dashboards.forEvent(Params.id(ctx, "id", "That event"))
        .map(d -> Answer.page("event/dashboard", "Dashboard · " + d.event().title(),
            new DashboardView(d.event(), "dashboard", d)));
  }

  private Future<Answer> api(RoutingContext ctx) {
    return dashboards.forEvent(Params.id(ctx, "id", "That event")).map(d -> Answer.json(d.toJson()));
  }
}
