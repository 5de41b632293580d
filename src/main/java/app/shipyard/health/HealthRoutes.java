package app.shipyard.health;

import app.shipyard.db.DatabaseWatch;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code /health}: 200 when the database answers, 503 when it does not. */
public final class HealthRoutes implements Routes.Feature {

  public static final String PATH = "/health";

  private final DatabaseWatch watch;

  public HealthRoutes(DatabaseWatch watch) {
    this.watch = watch;
  }

  /** The health JSON: {@code {"status":"up","database":"up"}} or both {@code "down"}. */
  public record Health(String status, String database) {}

  @Override
  public void register(Routes routes) {
    routes.get(PATH, Access.anyone(), this::health);
  }

  private Future<Answer> health(RoutingContext ctx) {
    return watch.check().map(up -> up ? Answer.json(200, new Health("up", "up"))
        : Answer.json(503, new Health("down", "down")));
  }
}
