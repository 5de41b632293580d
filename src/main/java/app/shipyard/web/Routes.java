package app.shipyard.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The only way features add routes: each route names who may use it, so there is no route without an
 * access rule (deny by default), and each handler is an {@link Endpoint} whose {@link Answer} goes out through
 * {@link Answers}: a handler cannot leave a request unanswered, whatever it throws.
 */
public final class Routes {

  private final Router router;
  private final Answers answers;
  private final List<Guarded> guards = new ArrayList<>();
  private final UploadBodies uploads;

  public Routes(Router router, Answers answers, UploadBodies uploads) {
    this.router = router;
    this.answers = answers;
    this.uploads = uploads;
  }

  /** A handler: reads the request and returns the answer to send, built in its Future chain. */
  @FunctionalInterface
  public interface Endpoint {
    Future<Answer> answer(RoutingContext ctx);
  }

  /** A check on what a route's path names (an event, a pitch): it fails (e.g. "not found") to refuse the request. */
  @FunctionalInterface
  public interface Guard {
    Future<Void> check(RoutingContext ctx);
  }

  private record Guarded(String prefix, Guard guard) {
    boolean covers(String path) {
      return path.equals(prefix) || path.startsWith(prefix + "/");
    }
  }

  /**
   * Runs {@code guard} after the access rule on every route added from now on whose path is {@code prefix} or lies
   * below it ({@code /pitches/:id} covers {@code /pitches/:id/team}), so a rule about what a path names holds for
   * every route under it, including routes added later.
   */
  public Routes guard(String prefix, Guard guard) {
    guards.add(new Guarded(prefix, guard));
    return this;
  }

  /**
   * POSTs to {@code path} carry file uploads: {@code body} reads them (e.g. a {@code BodyHandler} with an upload folder
   * and its own size limit) instead of the general body handler. The route itself is still added with {@link #post}.
   */
  public Routes uploads(String path, Handler<RoutingContext> body) {
    uploads.add(path, body);
    return this;
  }

  public Routes get(String path, Access access, Endpoint endpoint) {
    return add(HttpMethod.GET, path, access, endpoint);
  }

  public Routes post(String path, Access access, Endpoint endpoint) {
    return add(HttpMethod.POST, path, access, endpoint);
  }

  public Routes put(String path, Access access, Endpoint endpoint) {
    return add(HttpMethod.PUT, path, access, endpoint);
  }

  public Routes delete(String path, Access access, Endpoint endpoint) {
    return add(HttpMethod.DELETE, path, access, endpoint);
  }

  /**
   * A websocket handshake on {@code GET path}: the access rule and the guards run first, so every refusal before the
   * upgrade is an HTTP status from {@link FailureHandler}; {@code upgrade} checks what else it must and upgrades.
   */
  public Routes webSocket(String path, Access access, Upgrade upgrade) {
    checked(HttpMethod.GET, path, access).handler(ctx -> called(() -> upgrade.upgrade(ctx))
        .onFailure(failure -> {
          if (!ctx.failed()) {
            ctx.fail(failure);
          }
        }));
    return this;
  }

  /** Upgrades a request to a websocket; fails (before upgrading) to refuse it. */
  @FunctionalInterface
  public interface Upgrade {
    Future<Void> upgrade(RoutingContext ctx);
  }

  private Routes add(HttpMethod method, String path, Access access, Endpoint endpoint) {
    checked(method, path, access).handler(ctx -> {
      Future<Answer> answer = called(() -> endpoint.answer(ctx));
      answers.end(ctx, answer == null ? Future.failedFuture(new IllegalStateException("No answer")) : answer);
    });
    return this;
  }

  /** What a handler returns, or its thrown failure as a failed future. */
  private static <T> Future<T> called(java.util.function.Supplier<Future<T>> handler) {
    try {
      return handler.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** The route with its access rule and then the guards that cover its path. */
  private Route checked(HttpMethod method, String path, Access access) {
    Route route = router.route(method, path).handler(access);
    guards.stream().filter(g -> g.covers(path)).forEach(g -> route.handler(ctx -> called(() -> g.guard().check(ctx))
        .onSuccess(ok -> ctx.next()).onFailure(ctx::fail)));
    return route;
  }

  /** A feature's routes. */
  public interface Feature {
    void register(Routes routes);
  }
}
