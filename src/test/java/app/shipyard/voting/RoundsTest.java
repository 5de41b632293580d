package app.shipyard.voting;

import static app.shipyard.voting.VotingFixture.category;
import static app.shipyard.voting.VotingFixture.error;
import static app.shipyard.voting.VotingFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
@DisplayName("Voting rounds: organisers create, open, close and reveal them")
class RoundsTest {

  private VotingFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new VotingFixture(vertx);
  }

  @Test
  @DisplayName("A new round is a draft with its rules, its categories in order and every visible project of the event")
  void create() {
    TestShipyard.pool().preparedQuery("UPDATE pitches SET hidden_reason = 'Off topic' WHERE id = $1")
        .execute(io.vertx.sqlclient.Tuple.of(f.docs)).await();
    int berlin = Fixture.locationId("Berlin");
    JsonObject round = f.round(new JsonObject().put("title", "Berlin heat").put("ballot", "budget").put("budget", 8)
        .put("maxPerProject", 3).put("categories", new JsonArray().add("People's Choice").add("Best Customer Impact"))
        .put("electorate", "employees").put("changesAllowed", true).put("visibility", "on_reveal")
        .put("locationId", berlin));
    assertEquals("draft", round.getString("state"));
    assertEquals(List.of("budget", 8, 3, "employees", true, false, "on_reveal", berlin),
        List.of(round.getString("ballot"), round.getInteger("budget"), round.getInteger("maxPerProject"),
            round.getString("electorate"), round.getBoolean("changesAllowed"), round.getBoolean("ownTeamAllowed"),
            round.getString("visibility"), round.getInteger("locationId")));
    assertNull(round.getValue("rankSize"));
    assertEquals(List.of("People's Choice", "Best Customer Impact"), round.getJsonArray("categories").stream()
        .map(c -> ((JsonObject) c).getString("name")).toList());
    assertEquals(new JsonArray().add(new JsonObject().put("pitchId", f.bot).put("title", "Bot"))
        .add(new JsonObject().put("pitchId", f.data).put("title", "Data")), round.getJsonArray("projects"));
    JsonArray listed = f.events.get(f.emma, "/api/events/" + f.event + "/rounds").bodyAsJsonArray();
    assertEquals(round, listed.getJsonObject(0));
    assertEquals(1, Fixture.count("SELECT count(*) FROM voting_audit WHERE action = 'round.created'"));
  }

  @Test
  @DisplayName("Every problem with a new round is reported at once; projects must be this event's")
  void invalid() {
    HttpResponse<Buffer> bad = f.events.post(f.organiser, "/api/events/" + f.event + "/rounds", new JsonObject()
        .put("ballot", "approval").put("visibility", "sometimes")
        .put("categories", new JsonArray().add("Best").add("best")));
    assertEquals(400, bad.statusCode());
    JsonObject fields = bad.bodyAsJsonObject().getJsonObject("fields");
    assertEquals("is required", fields.getString("title"));
    assertEquals("must be one of single, budget, ranked", fields.getString("ballot"));
    assertEquals("must be one of live, after_voting, after_close, on_reveal, never", fields.getString("visibility"));
    assertEquals("names a category twice", fields.getString("categories"));
    HttpResponse<Buffer> budget = f.events.post(f.organiser, "/api/events/" + f.event + "/rounds", new JsonObject()
        .put("title", "T").put("ballot", "budget").put("budget", 4).put("maxPerProject", 5)
        .put("categories", new JsonArray().add("Best")));
    assertEquals("must be a whole number from 1 to 4",
        budget.bodyAsJsonObject().getJsonObject("fields").getString("maxPerProject"));

    long other = f.events.create(new JsonObject().put("title", "Another event"));
    f.events.moveTo(other, "pitching");
    long foreign = f.events.pitch(f.emma, other, new JsonObject().put("title", "Elsewhere"));
    HttpResponse<Buffer> mixed = f.events.post(f.organiser, "/api/events/" + f.event + "/rounds", new JsonObject()
        .put("title", "T").put("ballot", "single").put("categories", new JsonArray().add("Best"))
        .put("pitchIds", new JsonArray().add(f.bot).add(foreign)));
    assertEquals(400, mixed.statusCode());
    assertEquals("must be approved, visible pitches of this event",
        mixed.bodyAsJsonObject().getJsonObject("fields").getString("pitchIds"));
    HttpResponse<Buffer> sydney = f.events.post(f.organiser, "/api/events/" + f.event + "/rounds", new JsonObject()
        .put("title", "T").put("ballot", "single").put("categories", new JsonArray().add("Best"))
        .put("locationId", Fixture.locationId("Sydney")));
    assertEquals("is not a location of this event",
        sydney.bodyAsJsonObject().getJsonObject("fields").getString("locationId"));
    HttpResponse<Buffer> all = f.events.post(f.organiser, "/api/events/" + other + "/rounds", new JsonObject()
        .put("title", "T").put("ballot", "single").put("categories", new JsonArray().add("Best"))
        .put("pitchIds", new JsonArray()));
    assertEquals(201, all.statusCode(), "no pitch ids means every project of the event");
    long bare = f.events.create(new JsonObject().put("title", "No pitches yet"));
    HttpResponse<Buffer> nothing = f.events.post(f.organiser, "/api/events/" + bare + "/rounds", new JsonObject()
        .put("title", "T").put("ballot", "single").put("categories", new JsonArray().add("Best")));
    assertEquals(409, nothing.statusCode());
    assertEquals("This event has no approved, visible pitches to vote on yet.", error(nothing));
    assertEquals(404, f.events.post(f.organiser, "/api/events/987654/rounds", new JsonObject()
        .put("title", "T").put("ballot", "single").put("categories", new JsonArray().add("Best"))).statusCode());
    assertEquals(0, Fixture.count("SELECT count(*) FROM voting_rounds WHERE event_id = $1", f.event));
  }

  @Test
  @DisplayName("A round opens, closes and (when it waits for one) is revealed, once each; other moves are refused in words")
  void lifecycle() {
    long id = f.round(new JsonObject().put("visibility", "on_reveal")).getLong("id");
    HttpResponse<Buffer> early = f.events.post(f.organiser, "/api/rounds/" + id + "/close", new JsonObject());
    assertEquals(409, early.statusCode());
    assertEquals("This round has not been opened yet, so it cannot be closed.", error(early));
    JsonObject opened = f.events.post(f.organiser, "/api/rounds/" + id + "/open", new JsonObject()).bodyAsJsonObject();
    assertEquals("open", opened.getString("state"));
    assertNotNull(opened.getString("openedAt"));
    assertEquals("Results are revealed once the round is closed.",
        error(f.events.post(f.organiser, "/api/rounds/" + id + "/reveal", new JsonObject())));
    f.change(id, "close");
    assertEquals("A closed round cannot be opened again.",
        error(f.events.post(f.organiser, "/api/rounds/" + id + "/open", new JsonObject())));
    JsonObject revealed = f.events.post(f.organiser, "/api/rounds/" + id + "/reveal", new JsonObject()).bodyAsJsonObject();
    assertNotNull(revealed.getString("revealedAt"));
    assertEquals("This round's results are already revealed.",
        error(f.events.post(f.organiser, "/api/rounds/" + id + "/reveal", new JsonObject())));
    long plain = f.openRound(new JsonObject().put("visibility", "live")).getLong("id");
    f.change(plain, "close");
    assertEquals("Only a round whose results wait for an organiser's reveal can be revealed.",
        error(f.events.post(f.organiser, "/api/rounds/" + plain + "/reveal", new JsonObject())));
  }

  @Test
  @DisplayName("Only organisers and admins create and change rounds; everyone signed in reads them")
  void access() {
    long id = f.round(new JsonObject()).getLong("id");
    JsonObject body = new JsonObject().put("title", "T").put("ballot", "single")
        .put("categories", new JsonArray().add("Best"));
    assertEquals(403, f.events.post(f.emma, "/api/events/" + f.event + "/rounds", body).statusCode());
    String leader = f.api.token(TestShipyard.LEADERSHIP);
    for (String action : List.of("open", "close", "reveal")) {
      assertEquals(403, f.events.post(f.emma, "/api/rounds/" + id + "/" + action, new JsonObject()).statusCode());
      assertEquals(403, f.events.post(leader, "/api/rounds/" + id + "/" + action, new JsonObject()).statusCode());
    }
    assertEquals(201, f.events.post(f.admin, "/api/events/" + f.event + "/rounds", body).statusCode());
    assertEquals(200, f.events.get(leader, "/api/rounds/" + id).statusCode());
    assertEquals(401, f.api.get("/api/rounds/" + id).send().await().statusCode());
    assertEquals(401, f.api.client().post("/api/rounds/" + id + "/votes").sendJsonObject(new JsonObject()).await()
        .statusCode());
    assertEquals(403, f.events.get(f.organiser, "/api/rounds/" + id + "/audit").statusCode());
    assertEquals(404, f.events.get(f.emma, "/api/rounds/987654").statusCode());
    assertEquals(404, f.events.get(f.emma, "/api/rounds/abc/tally").statusCode());
    assertEquals(404, f.events.get(f.emma, "/api/events/987654/rounds").statusCode());
  }

  @Test
  @DisplayName("Admins read the audit trail: every organiser action and every vote, with who and when, never for whom")
  void audit() {
    JsonObject round = f.openRound(new JsonObject().put("changesAllowed", true));
    long id = round.getLong("id");
    String ann = f.voter("Ann One");
    f.vote(ann, id, single(category(round, 0), f.bot));
    f.vote(ann, id, single(category(round, 0), f.data));
    f.change(id, "close");
    JsonObject trail = f.events.get(f.admin, "/api/rounds/" + id + "/audit").bodyAsJsonObject();
    JsonArray entries = trail.getJsonArray("entries");
    assertEquals(List.of("round.created", "round.opened", "vote.recorded", "vote.changed", "round.closed"),
        entries.stream().map(e -> ((JsonObject) e).getString("action")).toList());
    JsonObject vote = entries.getJsonObject(2);
    assertEquals("Ann One", vote.getJsonObject("actor").getString("displayName"));
    assertEquals(category(round, 0), vote.getLong("categoryId"));
    assertNotNull(vote.getString("at"));
    assertEquals(java.util.Set.of("id", "at", "actor", "action", "roundId", "categoryId"), vote.fieldNames());
    assertEquals("Olga Organiser", entries.getJsonObject(0).getJsonObject("actor").getString("displayName"));
    assertNull(trail.getValue("next"));
    long after = entries.getJsonObject(2).getLong("id");
    assertEquals(2, f.events.get(f.admin, "/api/rounds/" + id + "/audit?after=" + after).bodyAsJsonObject()
        .getJsonArray("entries").size());
  }
}
