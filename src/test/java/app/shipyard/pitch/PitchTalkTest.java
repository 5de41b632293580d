package app.shipyard.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Interest marks and comments on pitches")
class PitchTalkTest {

  private Api api;
  private Events events;
  private String organiser;
  private String employee;
  private String other;
  private long event;
  private long pitch;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    organiser = events.organiserToken();
    employee = api.token(TestShipyard.EMPLOYEE);
    other = api.token(TestShipyard.OTHER_EMPLOYEE);
    event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    pitch = events.pitch(employee, event, new JsonObject().put("title", "Talked about"));
  }

  private JsonObject interest(String token, String method) {
    String path = "/api/pitches/" + pitch + "/interest";
    var request = switch (method) {
      case "PUT" -> api.client().put(path);
      case "DELETE" -> api.client().delete(path);
      default -> api.client().get(path);
    };
    HttpResponse<Buffer> response = request.bearerTokenAuthentication(token).send().await();
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private HttpResponse<Buffer> deleteComment(String token, long commentId) {
    return api.client().delete("/api/pitches/" + pitch + "/comments/" + commentId).bearerTokenAuthentication(token)
        .send().await();
  }

  private HttpResponse<Buffer> comment(String token, String body) {
    return events.post(token, "/api/pitches/" + pitch + "/comments", new JsonObject().put("body", body));
  }

  @Test
  @DisplayName("Marking interest twice counts once, unmarking twice is harmless; only the captain and organisers see who")
  void interestIsIdempotent() {
    assertEquals(new JsonObject().put("count", 1).put("interested", true), interest(other, "PUT"));
    assertEquals(new JsonObject().put("count", 1).put("interested", true), interest(other, "PUT"));
    assertEquals(2, interest(organiser, "PUT").getInteger("count"));
    JsonObject asCaptain = interest(employee, "GET");
    assertEquals(2, asCaptain.getInteger("count"));
    assertFalse(asCaptain.getBoolean("interested"));
    assertEquals(List.of("Otto Other", "Olga Organiser"), names(asCaptain.getJsonArray("people")));
    assertEquals(List.of("Otto Other", "Olga Organiser"), names(interest(organiser, "GET").getJsonArray("people")));
    assertFalse(interest(other, "GET").containsKey("people"));
    assertEquals(2, events.get(other, "/api/pitches/" + pitch).bodyAsJsonObject().getInteger("interestCount"));

    assertEquals(new JsonObject().put("count", 1).put("interested", false), interest(other, "DELETE"));
    assertEquals(new JsonObject().put("count", 1).put("interested", false), interest(other, "DELETE"));
    String captainPage = api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/pitches/" + pitch).bodyAsString();
    assertTrue(captainPage.contains("1 interested") && captainPage.contains("<ul id=\"interested\"><li>Olga Organiser"), captainPage);
    String otherPage = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/pitches/" + pitch).bodyAsString();
    assertFalse(otherPage.contains("id=\"interested\""), otherPage);

    events.moveTo(event, "archived");
    HttpResponse<Buffer> archived = api.client().put("/api/pitches/" + pitch + "/interest").bearerTokenAuthentication(other)
        .send().await();
    assertEquals(409, archived.statusCode());
    assertEquals(404, api.client().put("/api/pitches/999999/interest").bearerTokenAuthentication(other).send().await()
        .statusCode());
  }

  @Test
  @DisplayName("Comments are plain text shown oldest first with author; authors delete their own, organisers any")
  void comments() {
    HttpResponse<Buffer> first = comment(other, "<script>alert(1)</script> Is this **real**?");
    assertEquals(201, first.statusCode(), first.bodyAsString());
    assertEquals("Otto Other", first.bodyAsJsonObject().getJsonObject("author").getString("displayName"));
    assertEquals(201, comment(employee, "Yes!\nSecond line").statusCode());
    assertEquals("is required", comment(other, "   ").bodyAsJsonObject().getJsonObject("fields").getString("body"));
    assertEquals("must be at most 4000 characters",
        comment(other, "x".repeat(4001)).bodyAsJsonObject().getJsonObject("fields").getString("body"));
    assertEquals(201, comment(other, "y".repeat(4000)).statusCode());

    JsonArray list = events.get(organiser, "/api/pitches/" + pitch + "/comments").bodyAsJsonArray();
    assertEquals(List.of("Otto Other", "Emma Employee", "Otto Other"),
        list.stream().map(o -> ((JsonObject) o).getJsonObject("author").getString("displayName")).toList());
    assertEquals("<script>alert(1)</script> Is this **real**?", list.getJsonObject(0).getString("body"));
    String html = api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/pitches/" + pitch).bodyAsString();
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Is this **real**?"), html);
    assertFalse(html.contains("<script>alert(1)"), html);

    long othersComment = list.getJsonObject(0).getLong("id");
    long captainsComment = list.getJsonObject(1).getLong("id");
    HttpResponse<Buffer> notYours = deleteComment(employee, othersComment);
    assertEquals(403, notYours.statusCode());
    assertEquals("You can only delete your own comments.", notYours.bodyAsJsonObject().getString("error"));
    assertEquals(204, deleteComment(other, othersComment).statusCode());
    assertEquals(204, deleteComment(organiser, captainsComment).statusCode());
    assertEquals(404, deleteComment(organiser, captainsComment).statusCode());
    assertEquals(1, events.get(other, "/api/pitches/" + pitch + "/comments").bodyAsJsonArray().size());
  }

  @Test
  @DisplayName("An archived event is read-only: no new comments and no deletions")
  void archivedCommentsAreClosed() {
    long id = comment(other, "Before the archive").bodyAsJsonObject().getLong("id");
    events.moveTo(event, "archived");
    HttpResponse<Buffer> late = comment(other, "After the archive");
    assertEquals(409, late.statusCode());
    assertEquals("This event is archived and read-only. Comments are closed.", late.bodyAsJsonObject().getString("error"));
    assertEquals(409, deleteComment(organiser, id).statusCode());
    assertEquals(1, Fixture.count("SELECT count(*) FROM pitch_comments"));
    String page = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE).getPage("/pitches/" + pitch).bodyAsString();
    assertTrue(page.contains("Before the archive"), page);
    assertFalse(page.contains("id=\"comment-submit\"") || page.contains("/delete\""), page);
  }

  private static List<String> names(JsonArray people) {
    return people.stream().map(o -> ((JsonObject) o).getString("displayName")).toList();
  }
}
