package app.shipyard.voting;

import static app.shipyard.voting.VotingFixture.budget;
import static app.shipyard.voting.VotingFixture.category;
import static app.shipyard.voting.VotingFixture.addChoice;
import static app.shipyard.voting.VotingFixture.failure;
import static app.shipyard.voting.VotingFixture.single;
import static app.shipyard.voting.VotingFixture.writeBallot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.db.SqlErrors;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many votes at once, votes racing the close, and the database's own refusals when the application is bypassed. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, timeUnit = TimeUnit.SECONDS)
@DisplayName("Voting under concurrency, and integrity enforced by the database")
class VotingRacesTest {

  private VotingFixture f;
  private String ann;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new VotingFixture(vertx);
    ann = f.voter("Ann One");
  }

  private Future<HttpResponse<Buffer>> send(String token, long round, JsonObject vote) {
    return f.wide.post("/api/rounds/" + round + "/votes").bearerTokenAuthentication(token).sendJsonObject(vote);
  }

  private static List<HttpResponse<Buffer>> all(List<Future<HttpResponse<Buffer>>> calls) {
    Future.all(calls).await();
    return calls.stream().map(Future::result).toList();
  }

  private static long count(List<HttpResponse<Buffer>> responses, int status) {
    return responses.stream().filter(r -> r.statusCode() == status).count();
  }

  private static JsonObject withId(JsonObject vote) {
    return vote.copy().put("voteId", UUID.randomUUID().toString());
  }

  @Test
  @DisplayName("50 different votes at once from one person where the first vote stands: exactly one counts")
  void doubleVotes() {
    JsonObject round = f.openRound(new JsonObject());
    long id = round.getLong("id");
    long[] projects = {f.bot, f.data, f.docs};
    List<HttpResponse<Buffer>> responses = all(IntStream.range(0, 50)
        .mapToObj(i -> send(ann, id, withId(single(category(round, 0), projects[i % 3])))).toList());
    assertEquals(1, count(responses, 200), responses.stream().map(HttpResponse::bodyAsString).toList().toString());
    assertEquals(49, responses.stream().filter(r -> r.statusCode() == 409 && VotingFixture.error(r)
        .equals("You have already voted in this category, and your first vote stands.")).count());
    assertEquals(1, Fixture.count("SELECT count(*) FROM ballots WHERE round_id = $1", id));
    assertEquals(1, Fixture.count("SELECT coalesce(sum(points), 0) FROM ballot_choices WHERE round_id = $1", id));
    assertEquals(1, Fixture.count("SELECT count(*) FROM voting_audit WHERE round_id = $1 AND action LIKE 'vote.%'", id));
  }

  @Test
  @DisplayName("One vote re-sent 50 times at once is recorded once, and every re-send gets the same acknowledgement")
  void resentVotes() {
    JsonObject round = f.openRound(new JsonObject().put("changesAllowed", true));
    long id = round.getLong("id");
    JsonObject vote = withId(single(category(round, 0), f.data));
    List<HttpResponse<Buffer>> responses = all(IntStream.range(0, 50).mapToObj(i -> send(ann, id, vote)).toList());
    assertEquals(50, count(responses, 200), responses.stream().map(HttpResponse::bodyAsString).toList().toString());
    assertEquals(1, responses.stream().map(HttpResponse::bodyAsJsonObject).distinct().count());
    assertEquals("recorded", responses.get(0).bodyAsJsonObject().getString("outcome"));
    assertEquals(1, Fixture.count("SELECT version FROM ballots WHERE round_id = $1", id), "never counted as a change");
    assertEquals("Data=1 Bot=0 Docs=0", f.points(id, 0));
  }

  @Test
  @DisplayName("50 changes of vote at once from one person: all are acknowledged and one ballot counts, once")
  void concurrentChanges() {
    JsonObject round = f.openRound(new JsonObject().put("changesAllowed", true).put("ballot", "budget")
        .put("budget", 3).put("maxPerProject", 3));
    long id = round.getLong("id");
    long[] projects = {f.bot, f.data, f.docs};
    List<HttpResponse<Buffer>> responses = all(IntStream.range(0, 50)
        .mapToObj(i -> send(ann, id, withId(budget(category(round, 0), projects[i % 3], 2, projects[(i + 1) % 3], 1))))
        .toList());
    assertEquals(50, count(responses, 200), responses.stream().map(HttpResponse::bodyAsString).toList().toString());
    assertEquals(1, Fixture.count("SELECT count(*) FROM ballots WHERE round_id = $1", id));
    assertEquals(50, Fixture.count("SELECT version FROM ballots WHERE round_id = $1", id));
    assertEquals(3, Fixture.count("SELECT sum(points) FROM ballot_choices WHERE round_id = $1", id));
  }

  @Test
  @DisplayName("Votes racing the close: every acknowledged vote counts, every other is refused as closed, none after the close")
  void racingTheClose() {
    JsonObject round = f.openRound(new JsonObject());
    long id = round.getLong("id");
    List<String> voters = IntStream.range(0, 40).mapToObj(i -> f.voter("Racer " + i)).toList();
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    Future<HttpResponse<Buffer>> close = null;
    for (int i = 0; i < voters.size(); i++) {
      calls.add(send(voters.get(i), id, withId(single(category(round, 0), f.bot))));
      if (i == 15) {
        close = f.wide.post("/api/rounds/" + id + "/close").bearerTokenAuthentication(f.organiser).send();
      }
    }
    List<HttpResponse<Buffer>> responses = all(calls);
    assertEquals(200, close.await().statusCode());
    long acknowledged = count(responses, 200);
    assertEquals(voters.size(), acknowledged + responses.stream().filter(r -> r.statusCode() == 409
        && VotingFixture.error(r).equals("This round is closed; it no longer takes votes.")).count(),
        responses.stream().map(HttpResponse::bodyAsString).toList().toString());
    assertEquals(acknowledged, Fixture.count("SELECT count(*) FROM ballots WHERE round_id = $1", id));
    assertEquals(acknowledged, f.tally(f.organiser, id).getJsonArray("categories").getJsonObject(0).getLong("ballots"));
    assertEquals(0, Fixture.count("""
        SELECT count(*) FROM ballots b JOIN voting_rounds r ON r.id = b.round_id
         WHERE r.id = $1 AND b.cast_at >= r.closed_at""", id));
  }

  @Test
  @DisplayName("A ballot written while the round was open but committed after the close is refused at commit")
  void checkedAtCommit() {
    JsonObject round = f.openRound(new JsonObject());
    long id = round.getLong("id");
    SqlConnection connection = TestShipyard.pool().getConnection().await();
    try {
      Transaction tx = connection.begin().await();
      writeBallot(connection, id, category(round, 0), Fixture.personId("ann.one@test.example"), f.bot, 1);
      f.change(id, "close");
      assertTrue(SqlErrors.is(failure(tx.commit()), VoteRepository.OUTSIDE_WINDOW));
    } finally {
      connection.close().await();
    }
    assertEquals(0, Fixture.count("SELECT count(*) FROM ballots WHERE round_id = $1", id));
  }

  @Test
  @DisplayName("The database refuses, even without the application: a second ballot, too many points, another event's project")
  void databaseRefuses() {
    JsonObject round = f.openRound(new JsonObject().put("ballot", "budget").put("budget", 4).put("maxPerProject", 3));
    long id = round.getLong("id");
    long category = category(round, 0);
    long voter = Fixture.personId("ann.one@test.example");
    assertTrue(SqlErrors.is(inTransaction(c -> writeBallot(c, id, category, voter, f.bot, 4)), VoteRepository.OVER_POINTS),
        "more than the most per project");
    assertTrue(SqlErrors.is(inTransaction(c -> {
      long ballot = writeBallot(c, id, category, voter, f.bot, 3);
      addChoice(c, ballot, id, f.data, 2);
    }), VoteRepository.OVER_POINTS), "more than the budget");
    long other = f.events.create(new JsonObject().put("title", "Another event"));
    f.events.moveTo(other, "pitching");
    long foreign = f.events.pitch(f.emma, other, new JsonObject().put("title", "Elsewhere"));
    assertTrue(SqlErrors.isConstraint(inTransaction(c -> writeBallot(c, id, category, voter, foreign, 1)),
        "ballot_choices_project_in_round"));
    assertEquals(null, inTransaction(c -> writeBallot(c, id, category, voter, f.bot, 3)));
    assertTrue(SqlErrors.isConstraint(inTransaction(c -> writeBallot(c, id, category, voter, f.data, 1)),
        "ballots_one_per_voter"));
    assertEquals(1, Fixture.count("SELECT count(*) FROM ballots WHERE round_id = $1", id));
  }

  private interface Writes {
    void run(SqlConnection connection);
  }

  /** Runs the writes in one transaction and commits; the failure, or null when it committed. */
  private static Throwable inTransaction(Writes writes) {
    SqlConnection connection = TestShipyard.pool().getConnection().await();
    try {
      Transaction tx = connection.begin().await();
      try {
        writes.run(connection);
      } catch (RuntimeException e) {
        tx.rollback().otherwiseEmpty().await();
        return e;
      }
      return failure(tx.commit());
    } finally {
      connection.close().await();
    }
  }
}
