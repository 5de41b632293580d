package app.shipyard.voting;

import static app.shipyard.voting.VotingFixture.budget;
import static app.shipyard.voting.VotingFixture.category;
import static app.shipyard.voting.VotingFixture.error;
import static app.shipyard.voting.VotingFixture.ranked;
import static app.shipyard.voting.VotingFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Voting: ballots, tallies and refusals")
class VotingTest {

  private VotingFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new VotingFixture(vertx);
  }

  @Test
  @DisplayName("Single ballots in two categories count one point per voter per category")
  void singleTally() {
    JsonObject round = f.openRound(new JsonObject().put("categories", new JsonArray().add("People's Choice")
        .add("Most Innovative")));
    long id = round.getLong("id");
    String[] voters = {f.voter("Ann One"), f.voter("Ben Two"), f.voter("Cat Three")};
    for (String voter : voters) {
      assertEquals(200, f.vote(voter, id, single(category(round, 0), f.bot)).statusCode());
    }
    assertEquals(200, f.vote(voters[0], id, single(category(round, 1), f.docs)).statusCode());
    assertEquals(200, f.vote(voters[1], id, single(category(round, 1), f.data)).statusCode());
    assertEquals("Bot=3 Data=0 Docs=0", f.points(id, 0));
    assertEquals("Data=1 Docs=1 Bot=0", f.points(id, 1), "a tie is ordered by title only for reading");
    JsonObject tally = f.tally(f.organiser, id);
    JsonObject innovative = tally.getJsonArray("categories").getJsonObject(1);
    assertEquals(2, innovative.getLong("ballots"));
    assertEquals(new JsonArray().add(f.data).add(f.docs), innovative.getJsonArray("winners"));
    assertEquals(true, innovative.getJsonArray("standings").getJsonObject(0).getBoolean("tied"));
    assertEquals(1, innovative.getJsonArray("standings").getJsonObject(1).getInteger("place"));
  }

  @Test
  @DisplayName("Budget ballots add up on a known data set, and a ballot over the budget or the per-project limit is refused")
  void budgetTally() {
    JsonObject round = f.openRound(new JsonObject().put("ballot", "budget").put("budget", 5).put("maxPerProject", 3));
    long id = round.getLong("id");
    long c = category(round, 0);
    assertEquals(200, f.vote(f.voter("Ann One"), id, budget(c, f.bot, 3, f.data, 2)).statusCode());
    assertEquals(200, f.vote(f.voter("Ben Two"), id, budget(c, f.docs, 3, f.data, 1, f.bot, 0)).statusCode());
    assertEquals(200, f.vote(f.voter("Cat Three"), id, budget(c, f.data, 3, f.docs, 2)).statusCode());
    String dan = f.voter("Dan Four");
    HttpResponse<Buffer> over = f.vote(dan, id, budget(c, f.bot, 3, f.data, 3));
    assertEquals(409, over.statusCode());
    assertEquals("Your ballot gives 6 points; you have 5 to spread.", error(over));
    HttpResponse<Buffer> tooMany = f.vote(dan, id, budget(c, f.bot, 4));
    assertEquals(409, tooMany.statusCode());
    assertEquals("You may give at most 3 points to one project.", error(tooMany));
    assertEquals("Data=6 Docs=5 Bot=3", f.points(id, 0));
    assertEquals(3, f.tally(f.organiser, id).getJsonArray("categories").getJsonObject(0).getLong("ballots"));
  }

  @Test
  @DisplayName("Ranked ballots score by Borda count on a known data set (top 3: 3, 2 and 1 points)")
  void rankedTally() {
    JsonObject round = f.openRound(new JsonObject().put("ballot", "ranked").put("rankSize", 3));
    long id = round.getLong("id");
    long c = category(round, 0);
    assertEquals(200, f.vote(f.voter("Ann One"), id, ranked(c, f.bot, f.data, f.docs)).statusCode());
    assertEquals(200, f.vote(f.voter("Ben Two"), id, ranked(c, f.docs, f.bot)).statusCode());
    assertEquals(200, f.vote(f.voter("Cat Three"), id, ranked(c, f.data, f.docs, f.bot)).statusCode());
    assertEquals("Bot=6 Docs=6 Data=5", f.points(id, 0));
    HttpResponse<Buffer> twice = f.vote(f.voter("Dan Four"), id, ranked(c, f.bot, f.bot));
    assertEquals(400, twice.statusCode());
    assertEquals("names a project more than once", twice.bodyAsJsonObject().getJsonObject("fields").getString("ranking"));
  }

  @Test
  @DisplayName("Voting for your own team is refused, unless the round allows it")
  void ownTeam() {
    JsonObject refusing = f.openRound(new JsonObject());
    HttpResponse<Buffer> own = f.vote(f.emma, refusing.getLong("id"), single(category(refusing, 0), f.bot));
    assertEquals(409, own.statusCode());
    assertEquals("You cannot vote for your own team in this round.", error(own));
    assertEquals(200, f.vote(f.emma, refusing.getLong("id"), single(category(refusing, 0), f.data)).statusCode());
    JsonObject allowing = f.openRound(new JsonObject().put("ownTeamAllowed", true));
    assertEquals(200, f.vote(f.emma, allowing.getLong("id"), single(category(allowing, 0), f.bot)).statusCode());
  }

  @Test
  @DisplayName("Only people taking part vote, unless the round is open to every employee")
  void electorate() {
    String outsider = Events.person("out@test.example", "Olly Outside", "Finance", "Berlin");
    JsonObject participants = f.openRound(new JsonObject());
    HttpResponse<Buffer> refused = f.vote(outsider, participants.getLong("id"), single(category(participants, 0), f.bot));
    assertEquals(403, refused.statusCode());
    assertEquals("You are not taking part in this event, so you cannot vote in this round.", error(refused));
    JsonObject everyone = f.openRound(new JsonObject().put("electorate", "employees"));
    assertEquals(200, f.vote(outsider, everyone.getLong("id"), single(category(everyone, 0), f.bot)).statusCode());
  }

  @Test
  @DisplayName("The first vote stands unless the round allows changes; then the last vote counts, once")
  void changes() {
    String ann = f.voter("Ann One");
    JsonObject firstStands = f.openRound(new JsonObject());
    long first = firstStands.getLong("id");
    assertEquals("recorded", f.vote(ann, first, single(category(firstStands, 0), f.bot)).bodyAsJsonObject()
        .getString("outcome"));
    HttpResponse<Buffer> again = f.vote(ann, first, single(category(firstStands, 0), f.data));
    assertEquals(409, again.statusCode());
    assertEquals("You have already voted in this category, and your first vote stands.", error(again));
    assertEquals("Bot=1 Data=0 Docs=0", f.points(first, 0));

    JsonObject changing = f.openRound(new JsonObject().put("changesAllowed", true).put("ballot", "budget")
        .put("budget", 4).put("maxPerProject", 4));
    long second = changing.getLong("id");
    long c = category(changing, 0);
    assertEquals(200, f.vote(ann, second, budget(c, f.bot, 2, f.data, 2)).statusCode());
    HttpResponse<Buffer> changed = f.vote(ann, second, budget(c, f.docs, 4));
    assertEquals("changed", changed.bodyAsJsonObject().getString("outcome"));
    assertEquals("Docs=4 Bot=0 Data=0", f.points(second, 0));
    JsonObject mine = f.events.get(ann, "/api/rounds/" + second + "/ballots/me").bodyAsJsonObject();
    assertEquals(new JsonArray().add(new JsonObject().put("pitchId", f.docs).put("points", 4).put("rank", null)),
        mine.getJsonArray("ballots").getJsonObject(0).getJsonArray("choices"));
    assertEquals(2, Fixture.count("SELECT count(*) FROM voting_audit WHERE round_id = $1 AND action LIKE 'vote.%'", second));
  }

  @Test
  @DisplayName("A round takes votes only while open: not before it opens, not after it closes")
  void window() {
    String ann = f.voter("Ann One");
    JsonObject round = f.round(new JsonObject());
    long id = round.getLong("id");
    HttpResponse<Buffer> early = f.vote(ann, id, single(category(round, 0), f.bot));
    assertEquals(409, early.statusCode());
    assertEquals("This round is not open for votes yet.", error(early));
    f.change(id, "open");
    f.change(id, "close");
    HttpResponse<Buffer> late = f.vote(ann, id, single(category(round, 0), f.bot));
    assertEquals(409, late.statusCode());
    assertEquals("This round is closed; it no longer takes votes.", error(late));
    assertEquals(0, Fixture.count("SELECT count(*) FROM ballots WHERE round_id = $1", id));
  }

  @Test
  @DisplayName("Re-sending a vote with the same id gets the same answer, even after the round closed; reusing it for another vote is refused")
  void idempotent() {
    String ann = f.voter("Ann One");
    JsonObject round = f.openRound(new JsonObject().put("changesAllowed", true));
    long id = round.getLong("id");
    JsonObject vote = single(category(round, 0), f.bot).put("voteId", UUID.randomUUID().toString());
    HttpResponse<Buffer> first = f.vote(ann, id, vote);
    assertEquals(200, first.statusCode(), first.bodyAsString());
    HttpResponse<Buffer> resent = f.vote(ann, id, vote);
    assertEquals(200, resent.statusCode());
    assertEquals(first.bodyAsJsonObject(), resent.bodyAsJsonObject());
    assertEquals("recorded", resent.bodyAsJsonObject().getString("outcome"), "a re-send is not a change of vote");
    HttpResponse<Buffer> reused = f.vote(ann, id, single(category(round, 0), f.data).put("voteId", vote.getString("voteId")));
    assertEquals(409, reused.statusCode());
    assertEquals("That vote id was already used for a different vote; send a new one.", error(reused));
    HttpResponse<Buffer> someoneElse = f.vote(f.voter("Ben Two"), id, vote);
    assertEquals(409, someoneElse.statusCode());
    f.change(id, "close");
    assertEquals(first.bodyAsJsonObject(), f.vote(ann, id, vote).bodyAsJsonObject());
    assertEquals("Bot=1 Data=0 Docs=0", f.points(id, 0));
  }

  @Test
  @DisplayName("A malformed vote is refused with field messages and changes nothing")
  void malformed() {
    JsonObject round = f.openRound(new JsonObject());
    long id = round.getLong("id");
    String ann = f.voter("Ann One");
    HttpResponse<Buffer> bad = f.events.post(ann, "/api/rounds/" + id + "/votes",
        new JsonObject().put("voteId", "not-a-uuid").put("points", "lots"));
    assertEquals(400, bad.statusCode());
    JsonObject fields = bad.bodyAsJsonObject().getJsonObject("fields");
    assertEquals("is required", fields.getString("categoryId"));
    assertEquals(true, fields.getString("voteId").startsWith("must be a UUID"));
    assertEquals(true, fields.getString("points").startsWith("must be a list"));
    HttpResponse<Buffer> otherProject = f.vote(ann, id, single(category(round, 0), 987654));
    assertEquals("names a project that is not in this round",
        otherProject.bodyAsJsonObject().getJsonObject("fields").getString("pitchId"));
    HttpResponse<Buffer> otherCategory = f.vote(ann, id, single(987654, f.bot));
    assertEquals("is not a category of this round",
        otherCategory.bodyAsJsonObject().getJsonObject("fields").getString("categoryId"));
    assertEquals(404, f.vote(ann, 987654, single(1, f.bot)).statusCode());
    assertEquals(0, Fixture.count("SELECT count(*) FROM ballots"));
  }
}
