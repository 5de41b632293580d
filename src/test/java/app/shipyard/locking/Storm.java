package app.shipyard.locking;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Many callers at once: each actor is a chain of API calls made one after another, the actors run side by side, and
 * every answer outside what its call may answer (a 5xx above all) is noted.
 */
final class Storm {

  private final Vertx vertx;
  private final WebClient client;
  private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

  Storm(Vertx vertx, WebClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  /** Runs the actors to the end (each is a future made by {@link #repeat}). */
  void run(List<Future<Void>> actors) {
    Future.all(actors).await();
  }

  /** The answers no call expected, as "what: status body". */
  List<String> unexpected() {
    return List.copyOf(unexpected);
  }

  Future<HttpResponse<Buffer>> post(String token, String path, JsonObject body, Set<Integer> expected) {
    return send("POST " + path, expected, client.post(path).bearerTokenAuthentication(token), body);
  }

  Future<HttpResponse<Buffer>> put(String token, String path, JsonObject body, Set<Integer> expected) {
    return send("PUT " + path, expected, client.put(path).bearerTokenAuthentication(token), body);
  }

  Future<HttpResponse<Buffer>> get(String token, String path, Set<Integer> expected) {
    return send("GET " + path, expected, client.get(path).bearerTokenAuthentication(token), null);
  }

  /**
   * The organiser moving the event from Building to Demos (teams locked) and back, {@code moves} times with a pause
   * before each move, so that the moves fall among the other actors' calls. Every move must succeed.
   */
  Future<Void> phaseMoves(String organiser, long event, int moves) {
    return repeat(moves, k -> pause(40).compose(d -> post(organiser, "/api/events/" + event + "/phase",
        new JsonObject().put("phase", k % 2 == 0 ? "demos" : "building"), Set.of(200))));
  }

  Future<Void> pause(long millis) {
    return vertx.timer(millis, TimeUnit.MILLISECONDS).mapEmpty();
  }

  /** One actor: {@code step} called with 0, 1, ... {@code times - 1}, each once the one before has answered. */
  static Future<Void> repeat(int times, IntFunction<Future<?>> step) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < times; i++) {
      int k = i;
      chain = chain.compose(d -> step.apply(k).mapEmpty());
    }
    return chain;
  }

  private Future<HttpResponse<Buffer>> send(String what, Set<Integer> expected, HttpRequest<Buffer> request,
                                            JsonObject body) {
    return (body == null ? request.send() : request.sendJsonObject(body)).map(r -> {
      if (!expected.contains(r.statusCode())) {
        unexpected.add(what + ": " + r.statusCode() + " " + r.bodyAsString());
      }
      return r;
    });
  }
}
