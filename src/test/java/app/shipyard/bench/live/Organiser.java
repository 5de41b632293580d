package app.shipyard.bench.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** What the organiser does through the API during the benchmark: the running order, and rounds opened for voting. */
final class Organiser {

  private static final int MOST_CATEGORIES = 10;

  private final WebClient client;
  private final String token;
  private final long event;

  Organiser(WebClient client, String token, long event) {
    this.client = client;
    this.token = token;
    this.event = event;
  }

  /** Builds the running order from every team and puts the first on stage. */
  void startDemos() {
    post("/api/events/" + event + "/running-order/build", new JsonObject());
    post("/api/events/" + event + "/running-order/start", new JsonObject());
  }

  /**
   * Opens enough single-ballot rounds with live tallies that each voter can cast {@code votesEach} votes (a round has
   * at most 10 categories); returns the slots [[roundId, categoryId], ...] in voting order.
   */
  JsonArray openRounds(String title, int votesEach) {
    JsonArray slots = new JsonArray();
    for (int r = 0; slots.size() < votesEach; r++) {
      JsonArray names = new JsonArray();
      for (int c = 0; c < Math.min(MOST_CATEGORIES, votesEach - slots.size()); c++) {
        names.add("Category " + (c + 1));
      }
      JsonObject round = post("/api/events/" + event + "/rounds", new JsonObject().put("title", title + " " + (r + 1))
          .put("ballot", "single").put("visibility", "live").put("categories", names));
      long id = round.getLong("id");
      post("/api/rounds/" + id + "/open", new JsonObject());
      round.getJsonArray("categories").forEach(c -> slots.add(new JsonArray().add(id)
          .add(((JsonObject) c).getLong("id"))));
    }
    return slots;
  }

  private JsonObject post(String path, JsonObject body) {
    HttpResponse<Buffer> response = client.post(path).bearerTokenAuthentication(token).sendJsonObject(body).await();
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
          + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }
}
