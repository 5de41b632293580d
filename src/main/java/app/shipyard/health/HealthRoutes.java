package app.shipyard.health;

import app.shipyard.web.Access;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

/** {@code /health}: 200 when the database answers, 503 when it does not. */
public final class HealthRoutes implements Routes.Feature {

  private final Pool pool;

  public HealthRoutes(Pool pool) {
    this.pool = pool;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/health", Access.anyone(), this::health);
  }

  private void health(RoutingContext ctx) {
    pool.query("SELECT 1").execute()
        .onSuccess(rows -> Responses.json(ctx, new JsonObject().put("status", "up").put("database", "up")))
        .onFailure(e -> Responses.json(ctx, 503, new JsonObject().put("status", "down").put("database", "down")));
  }
}
