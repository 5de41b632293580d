package app.shipyard.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The only way features add routes: each route names who may use it, so there is no route without an
 * access rule (deny by default).
 */
public final class Routes {

  private final Router router;

  public Routes(Router router) {
    this.router = router;
  }

  public Routes get(String path, Access access, Handler<RoutingContext> handler) {
    return add(HttpMethod.GET, path, access, handler);
  }

  public Routes post(String path, Access access, Handler<RoutingContext> handler) {
    return add(HttpMethod.POST, path, access, handler);
  }

  public Routes put(String path, Access access, Handler<RoutingContext> handler) {
    return add(HttpMethod.PUT, path, access, handler);
  }

  public Routes delete(String path, Access access, Handler<RoutingContext> handler) {
    return add(HttpMethod.DELETE, path, access, handler);
  }

  private Routes add(HttpMethod method, String path, Access access, Handler<RoutingContext> handler) {
    router.route(method, path).handler(access).handler(ctx -> {
      try {
        handler.handle(ctx);
      } catch (AppError e) {
        ctx.fail(e);
      }
    });
    return this;
  }

  /** A feature's routes. */
  public interface Feature {
    void register(Routes routes);
  }
}
