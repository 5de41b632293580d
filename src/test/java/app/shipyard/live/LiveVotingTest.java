package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 180, timeUnit = TimeUnit.SECONDS)
@DisplayName("Live channel: votes over the websocket and coalesced tallies")
class LiveVotingTest extends LiveTestCase {

  @Test
  @DisplayName("A vote over the websocket is acknowledged as over HTTP, counts once, and a re-send of its vote id gets the same ack")
  void voteAndResend() {
    long round = f.openRound(new JsonObject());
    String ann = f.voter("Ann One");
    LiveClient live = LiveClient.connect(f.vertx, f.event, ann);
    live.next("snapshot");
    JsonObject vote = f.vote(round, f.data).put("ref", "v1");
    JsonObject ack = live.send(vote).answer("v1");
    assertEquals("ack", ack.getString("type"), ack.encode());
    assertEquals(vote.getString("voteId"), ack.getString("voteId"));
    assertEquals("recorded", ack.getString("outcome"));
    assertEquals(round, ack.getLong("roundId"));
    JsonObject again = live.send(vote.put("ref", "v2")).answer("v2");
    assertEquals(ack.copy().put("ref", "v2"), again, "the same acknowledgement, not a second vote");
    HttpResponse<Buffer> overHttp = f.voteOverHttp(ann, vote);
    assertEquals(200, overHttp.statusCode());
    assertEquals(ack.getString("recordedAt"), overHttp.bodyAsJsonObject().getString("recordedAt"));
    JsonArray mine = f.events.get(ann, "/api/rounds/" + round + "/ballots/me").bodyAsJsonObject()
        .getJsonArray("ballots");
    assertEquals(1, mine.size());
  }

  @Test
  @DisplayName("A vote that arrives before the channel heard of its round's opening is counted, not refused as unknown")
  void voteBeforeTheOpeningNotice() {
    long round = f.round(new JsonObject()).getLong("id");
    String ann = f.voter("Ann One");
    LiveClient live = LiveClient.connect(f.vertx, f.event, ann);
    live.next("snapshot");
    // Opened behind the channel's back: no NOTIFY, as when a vote overtakes the notice of the opening.
    TestShipyard.pool().preparedQuery("UPDATE voting_rounds SET state = 'open', opened_at = clock_timestamp() "
        + "WHERE id = $1").execute(io.vertx.sqlclient.Tuple.of(round)).await();
    JsonObject ack = live.send(f.vote(round, f.data).put("ref", "early")).answer("early");
    assertEquals("ack", ack.getString("type"), ack.encode());
    JsonObject unknown = live.send(f.vote(round, f.data).put("roundId", round + 1000).put("ref", "none"))
        .answer("none");
    assertEquals("not_found", unknown.getString("code"), unknown.encode());
  }

  @Test
  @DisplayName("Each refusal comes back over the websocket with its code and the same words as over HTTP")
  void refusalsInTheSameWords() {
    long budget = f.openRound(new JsonObject().put("title", "Budget").put("ballot", "budget").put("budget", 3)
        .put("maxPerProject", 3));
    long single = f.openRound(new JsonObject());
    String ann = f.voter("Ann One");
    String outsider = Events.person("out@test.example", "Olaf Outside", "Sales", "Berlin");
    assertEquals(200, f.voteOverHttp(ann, f.vote(single, f.bot)).statusCode());
    JsonObject overBudget = f.vote(budget, 0).put("pitchId", null).put("points", new JsonArray()
        .add(new JsonObject().put("pitchId", f.bot).put("points", 2)).add(new JsonObject().put("pitchId", f.data)
            .put("points", 2)));
    refused(ann, overBudget, "budget_exceeded");
    refused(ann, f.vote(single, f.data), "already_voted");
    refused(f.emma, f.vote(single, f.bot), "own_team");
    refused(outsider, f.vote(single, f.bot), "not_taking_part");
    refused(ann, f.vote(single, f.data).put("voteId", "not-a-uuid"), "invalid");
    f.change(single, "close");
    refused(f.otto, f.vote(single, f.bot), "round_closed");
  }

  /** The live error's code is {@code code}, and its message is the HTTP answer's error for the same vote. */
  private void refused(String token, JsonObject vote, String code) {
    LiveClient live = LiveClient.connect(f.vertx, f.event, token);
    live.next("snapshot");
    JsonObject error = live.error(vote);
    assertEquals(code, error.getString("code"), error.encode());
    String voteId = vote.getString("voteId").equals("not-a-uuid") ? "not-a-uuid" : UUID.randomUUID().toString();
    HttpResponse<Buffer> http = f.voteOverHttp(token, vote.copy().put("voteId", voteId));
    assertTrue(http.statusCode() >= 400, http.bodyAsString());
    assertEquals(http.bodyAsJsonObject().getString("error"), error.getString("message"));
    live.close();
  }

  @Test
  @DisplayName("A round of another event, or no round at all, is refused as not found or invalid")
  void roundOfAnotherEvent() {
    long round = f.openRound(new JsonObject());
    long other = f.events.create(new JsonObject().put("title", "Elsewhere"));
    f.events.moveTo(other, "pitching");
    LiveClient live = LiveClient.connect(f.vertx, other, f.voter("Ann One"));
    live.next("snapshot");
    assertEquals("not_found", live.error(f.vote(round, f.bot)).getString("code"));
    assertEquals("invalid", live.error(new JsonObject().put("type", "vote")).getString("code"));
  }

  @Test
  @DisplayName("Fifty sockets of one person voting at once in one category: exactly one vote counts, the others are already_voted")
  void fiftyConcurrentDoubleVotes() {
    long round = f.openRound(new JsonObject());
    String ann = f.voter("Ann One");
    WebSocketClient client = LiveClient.client(f.vertx);
    List<LiveClient> sockets = Future.all(IntStream.range(0, 50)
        .mapToObj(i -> LiveClient.open(client, f.event, "", ann)).toList()).await().list();
    sockets.forEach(s -> s.next("snapshot"));
    long category = f.category(round);
    List<JsonObject> votes = IntStream.range(0, 50).mapToObj(i -> new JsonObject().put("type", "vote")
        .put("ref", "r" + i).put("roundId", round).put("categoryId", category).put("voteId", UUID.randomUUID().toString())
        .put("pitchId", i % 2 == 0 ? f.bot : f.data)).toList();
    Future.all(IntStream.range(0, 50).mapToObj(i -> sockets.get(i).ws.writeTextMessage(votes.get(i).encode()))
        .toList()).await();
    List<JsonObject> answers = IntStream.range(0, 50).mapToObj(i -> sockets.get(i).answer("r" + i)).toList();
    assertEquals(1, answers.stream().filter(a -> a.getString("type").equals("ack")).count(), answers.toString());
    assertEquals(49, answers.stream().filter(a -> "already_voted".equals(a.getString("code"))).count());
    JsonObject tally = f.events.get(f.organiser, "/api/rounds/" + round + "/tally").bodyAsJsonObject();
    assertEquals(1, tally.getJsonArray("categories").getJsonObject(0).getLong("ballots"));
  }

  @Test
  @DisplayName("Sixty votes in a burst reach a watching socket as a few coalesced tally frames whose last one has every vote")
  void tallyFramesAreCoalesced() {
    long round = f.openRound(new JsonObject().put("visibility", "live"));
    List<String> voters = IntStream.range(0, 60).mapToObj(i -> f.voter("Voter " + i)).toList();
    LiveClient projector = LiveClient.connect(f.vertx, f.event, "?audience=public", f.organiser);
    long seq = projector.next("snapshot").getLong("seq");
    WebClient wide = WebClient.create(f.vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(TestShipyard.port()), new PoolOptions().setHttp1MaxSize(32));
    long category = f.category(round);
    Future.all(voters.stream().map(token -> wide.post("/api/rounds/" + round + "/votes")
        .bearerTokenAuthentication(token).sendJsonObject(new JsonObject().put("voteId", UUID.randomUUID().toString())
            .put("categoryId", category).put("pitchId", f.bot))).toList()).await();
    List<JsonObject> tallies = projector.during(2_500).stream().filter(fr -> fr.getString("type").equals("tally"))
        .toList();
    assertTrue(tallies.size() >= 1 && tallies.size() <= 15, tallies.size() + " tally frames for 60 votes");
    JsonObject last = tallies.get(tallies.size() - 1).getJsonArray("categories").getJsonObject(0);
    assertEquals(60, last.getLong("voters"));
    assertEquals(60, last.getJsonArray("standings").getJsonObject(0).getLong("points"));
    for (int i = 0; i < tallies.size(); i++) {
      assertEquals(seq + 1 + i, tallies.get(i).getLong("seq"));
    }
  }
}
