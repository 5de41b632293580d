package app.shipyard.team;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** API calls the team tests make again and again, as a client would make them. */
final class TeamCalls {

  private final Api api;
  private final Events events;

  TeamCalls(Api api, Events events) {
    this.api = api;
    this.events = events;
  }

  HttpResponse<Buffer> post(String token, String path, JsonObject body) {
    return events.post(token, path, body);
  }

  HttpResponse<Buffer> get(String token, String path) {
    return events.get(token, path);
  }

  HttpResponse<Buffer> put(String token, String path, JsonObject body) {
    return api.client().put(path).bearerTokenAuthentication(token).sendJsonObject(body).await();
  }

  HttpResponse<Buffer> delete(String token, String path) {
    return api.client().delete(path).bearerTokenAuthentication(token).send().await();
  }

  /** A page as a person with that bearer token sees it (extra test people have no password for the sign-in form). */
  String page(String token, String path) {
    HttpResponse<Buffer> response = api.client().get(path).bearerTokenAuthentication(token)
        .putHeader("Accept", "text/html").send().await();
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsString();
  }

  /** The body of a successful GET. */
  JsonObject object(String token, String path) {
    HttpResponse<Buffer> response = get(token, path);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  JsonArray array(String token, String path) {
    HttpResponse<Buffer> response = get(token, path);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonArray();
  }

  /** The display names of a team's members, in the order they joined. */
  java.util.List<String> memberNames(String token, long pitch) {
    return object(token, "/api/pitches/" + pitch + "/team").getJsonArray("members").stream()
        .map(m -> ((JsonObject) m).getString("displayName")).toList();
  }

  static String error(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getString("error");
  }
}
