package app.shipyard.voting;

import static app.shipyard.voting.VotingFixture.category;
import static app.shipyard.voting.VotingFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.shipyard.support.Fixture;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("The secret ballot")
class SecretBallotTest {

  @Test
  @DisplayName("No voting route tells anyone but the voter whom they voted for; the audit says who voted, never for whom")
  void secret(Vertx vertx) {
    VotingFixture f = new VotingFixture(vertx);
    String ann = f.voter("Ann Secret");
    String ben = f.voter("Ben Curious");
    JsonObject round = f.openRound(new JsonObject().put("visibility", "live"));
    long id = round.getLong("id");
    assertEquals(200, f.vote(ann, id, single(category(round, 0), f.docs)).statusCode());
    long annId = Fixture.personId("ann.secret@test.example");

    List<String> paths = List.of("/api/events/" + f.event + "/rounds", "/api/rounds/" + id, "/api/rounds/" + id + "/tally",
        "/api/rounds/" + id + "/ballots/me", "/events/" + f.event + "/rounds", "/rounds/" + id,
        "/api/events/" + f.event + "/awards", "/api/pitches/" + f.docs + "/awards", "/pitches/" + f.docs);
    for (String token : List.of(ben, f.organiser, f.admin)) {
      for (String path : paths) {
        HttpResponse<Buffer> response = f.api.client().get(path).bearerTokenAuthentication(token)
            .putHeader("Accept", path.startsWith("/api/") ? "application/json" : "text/html").send().await();
        assertEquals(200, response.statusCode(), path);
        String body = response.bodyAsString();
        assertFalse(body.contains("Ann Secret") || body.contains("ann.secret@") || body.contains("\"voterId\""),
            path + " names the voter: " + body);
      }
      assertEquals(new JsonArray(), f.events.get(token, "/api/rounds/" + id + "/ballots/me").bodyAsJsonObject()
          .getJsonArray("ballots"), "only one's own ballots");
    }
    JsonArray mine = f.events.get(ann, "/api/rounds/" + id + "/ballots/me").bodyAsJsonObject().getJsonArray("ballots");
    assertEquals(f.docs, mine.getJsonObject(0).getJsonArray("choices").getJsonObject(0).getLong("pitchId"));

    JsonArray trail = f.events.get(f.admin, "/api/rounds/" + id + "/audit").bodyAsJsonObject().getJsonArray("entries");
    JsonObject vote = trail.stream().map(e -> (JsonObject) e).filter(e -> e.getString("action").equals("vote.recorded"))
        .findFirst().orElseThrow();
    assertEquals(annId, vote.getJsonObject("actor").getLong("id"));
    assertEquals(Set.of("id", "at", "actor", "action", "roundId", "categoryId"), vote.fieldNames());
    assertFalse(trail.encode().contains("Docs"), "the audit never names the project voted for");
  }
}
