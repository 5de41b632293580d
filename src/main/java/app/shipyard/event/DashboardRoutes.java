package app.shipyard.event;

import app.shipyard.web.Params;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Views;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** The organiser dashboard of an event, as a page and as JSON; organisers and admins only. */
public final class DashboardRoutes implements Routes.Feature {

  private final DashboardRepository dashboards;
  private final Views views;

  public DashboardRoutes(DashboardRepository dashboards, Views views) {
    this.dashboards = dashboards;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/events/:id/dashboard", EventRoutes.ORGANISERS, this::page)
        .legacyGet("/api/events/:id/dashboard", EventRoutes.ORGANISERS, this::api);
  }

  private void page(RoutingContext ctx) {
    dashboards.forEvent(Params.id(ctx, "id", "That event"))
        .onSuccess(d -> views.page(ctx, "event/dashboard", "Dashboard · " + d.event().title(),
            Map.of("event", d.event(), "tab", "dashboard", "dashboard", d)))
        .onFailure(ctx::fail);
  }

  private void api(RoutingContext ctx) {
    dashboards.forEvent(Params.id(ctx, "id", "That event")).onSuccess(d -> Responses.json(ctx, d.toJson()))
        .onFailure(ctx::fail);
  }
}
