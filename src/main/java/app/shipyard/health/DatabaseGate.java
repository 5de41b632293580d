package app.shipyard.health;

import app.shipyard.db.DatabaseUnavailable;
import app.shipyard.db.DatabaseWatch;
import app.shipyard.db.SqlErrors;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * While the database cannot be reached, every request but {@code /health} fails at once with
 * {@link DatabaseUnavailable} (a 503 with {@code Retry-After}), instead of waiting for a connection that will not
 * come. A request that itself fails to reach the database makes the watch look again at once.
 */
public final class DatabaseGate implements Handler<RoutingContext> {

  private final DatabaseWatch watch;

  public DatabaseGate(DatabaseWatch watch) {
    this.watch = watch;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (watch.isDown() && !HealthRoutes.PATH.equals(ctx.request().path())) {
      ctx.fail(new DatabaseUnavailable());
      return;
    }
    ctx.addEndHandler(ended -> {
      if (ctx.failed() && SqlErrors.isConnectionFailure(ctx.failure())) {
        watch.suspect();
      }
    });
    ctx.next();
  }
}
