package app.shipyard.voting;

import static app.shipyard.voting.VotingFixture.category;
import static app.shipyard.voting.VotingFixture.error;
import static app.shipyard.voting.VotingFixture.failure;
import static app.shipyard.voting.VotingFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.db.SqlErrors;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scheduler opens and closes rounds at their times; the database holds the window at commit, scheduler or not. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Scheduled voting rounds")
class ScheduleTest {

  private VotingFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new VotingFixture(vertx);
  }

  private static String in(long millis) {
    return OffsetDateTime.now(ZoneOffset.UTC).plusNanos(millis * 1_000_000).toString();
  }

  private String state(long round) {
    return f.events.get(f.emma, "/api/rounds/" + round).bodyAsJsonObject().getString("state");
  }

  /** Waits (at most 10 s) until the round is in {@code state}. */
  private void awaitState(long round, String state) {
    long until = System.currentTimeMillis() + 10_000;
    while (!state.equals(state(round))) {
      assertTrue(System.currentTimeMillis() < until, "round " + round + " never became " + state);
      sleep(100);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<Buffer> schedule(String token, long round, JsonObject times) {
    return f.events.post(token, "/api/rounds/" + round + "/schedule", times);
  }

  @Test
  @DisplayName("The scheduler opens a round at its opening time and closes it at its closing time, audited without an actor")
  void opensAndCloses() {
    JsonObject round = f.round(new JsonObject().put("opensAt", in(1500)));
    long id = round.getLong("id");
    assertEquals("draft", round.getString("state"));
    HttpResponse<Buffer> scheduled = schedule(f.organiser, id, new JsonObject().put("opensAt", round.getString("opensAt"))
        .put("closesAt", in(4000)));
    assertEquals(200, scheduled.statusCode(), scheduled.bodyAsString());
    assertTrue(scheduled.bodyAsJsonObject().getString("closesAt") != null);
    String ann = f.voter("Ann One");
    assertEquals("This round is not open for votes yet.", error(f.vote(ann, id, single(category(round, 0), f.bot))));
    awaitState(id, "open");
    assertEquals(200, f.vote(ann, id, single(category(round, 0), f.bot)).statusCode());
    awaitState(id, "closed");
    assertEquals("This round is closed; it no longer takes votes.",
        error(f.vote(f.voter("Ben Two"), id, single(category(round, 0), f.bot))));
    JsonArray trail = f.events.get(f.admin, "/api/rounds/" + id + "/audit").bodyAsJsonObject().getJsonArray("entries");
    assertEquals(List.of("round.created", "round.scheduled", "round.opened", "vote.recorded", "round.closed"),
        trail.stream().map(e -> ((JsonObject) e).getString("action")).toList());
    assertNull(trail.getJsonObject(2).getValue("actor"), "opened by the scheduler");
    assertNull(trail.getJsonObject(4).getValue("actor"), "closed by the scheduler");
    assertEquals("Olga Organiser", trail.getJsonObject(1).getJsonObject("actor").getString("displayName"));
    assertEquals(1, Fixture.count("SELECT count(*) FROM voting_rounds WHERE id = $1 AND closed_at = closes_at", id));
  }

  @Test
  @DisplayName("A ballot committed after the closing time is refused at commit even while the scheduler is held up; one before counts")
  void windowAtCommit() {
    JsonObject round = f.openRound(new JsonObject());
    long id = round.getLong("id");
    long category = category(round, 0);
    f.voter("Ann One");
    f.voter("Ben Two");
    assertEquals(200, schedule(f.organiser, id, new JsonObject().put("closesAt", in(1500))).statusCode());
    SqlConnection holder = TestShipyard.pool().getConnection().await();
    SqlConnection late = TestShipyard.pool().getConnection().await();
    try {
      Transaction held = holder.begin().await();
      // Holds the round row shared, as a vote's commit does: the scheduler's close waits behind it.
      holder.preparedQuery("SELECT 1 FROM voting_rounds WHERE id = $1 FOR SHARE").execute(Tuple.of(id)).await();
      assertEquals(null, commitBallot(TestShipyard.pool().getConnection().await(), id, category, "ann.one@test.example"),
          "before the closing time");
      Transaction tx = late.begin().await();
      writeBallot(late, id, category, "ben.two@test.example");
      sleep(2500);
      assertEquals("open", state(id), "the scheduler has not closed the round");
      assertTrue(SqlErrors.is(failure(tx.commit()), VoteRepository.OUTSIDE_WINDOW));
      held.commit().await();
    } finally {
      holder.close().await();
      late.close().await();
    }
    awaitState(id, "closed");
    assertEquals(1, Fixture.count("SELECT count(*) FROM ballots WHERE round_id = $1", id));
  }

  @Test
  @DisplayName("Votes racing a scheduled close over HTTP: every acknowledged vote counts, every other is refused as closed")
  void racingTheScheduledClose() {
    JsonObject round = f.openRound(new JsonObject());
    long id = round.getLong("id");
    List<String> voters = IntStream.range(0, 30).mapToObj(i -> f.voter("Racer " + i)).toList();
    assertEquals(200, schedule(f.organiser, id, new JsonObject().put("closesAt", in(700))).statusCode());
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (String voter : voters) {
      calls.add(f.wide.post("/api/rounds/" + id + "/votes").bearerTokenAuthentication(voter)
          .sendJsonObject(single(category(round, 0), f.bot).put("voteId", UUID.randomUUID().toString())));
      sleep(50);
    }
    Future.all(calls).await();
    long acknowledged = calls.stream().filter(c -> c.result().statusCode() == 200).count();
    long refused = calls.stream().filter(c -> c.result().statusCode() == 409
        && error(c.result()).equals("This round is closed; it no longer takes votes.")).count();
    assertEquals(voters.size(), acknowledged + refused);
    assertTrue(acknowledged > 0 && refused > 0, acknowledged + " acknowledged, " + refused + " refused");
    assertEquals(acknowledged, Fixture.count("SELECT count(*) FROM ballots WHERE round_id = $1", id));
    assertEquals(0, Fixture.count("""
        SELECT count(*) FROM ballots b JOIN voting_rounds r ON r.id = b.round_id
         WHERE r.id = $1 AND b.cast_at >= r.closes_at""", id));
  }

  @Test
  @DisplayName("A schedule is checked: times in order and ahead, no opening for an open round, nothing for a closed one")
  void refusals() {
    long id = f.round(new JsonObject()).getLong("id");
    HttpResponse<Buffer> past = schedule(f.organiser, id, new JsonObject().put("closesAt", "2020-01-01T00:00:00Z"));
    assertEquals(400, past.statusCode());
    assertEquals("must lie in the future", past.bodyAsJsonObject().getJsonObject("fields").getString("closesAt"));
    HttpResponse<Buffer> backwards = schedule(f.organiser, id, new JsonObject().put("opensAt", in(60_000))
        .put("closesAt", in(30_000)));
    assertEquals("must be after the opening time",
        backwards.bodyAsJsonObject().getJsonObject("fields").getString("closesAt"));
    assertEquals("must be a date and time like 2026-05-01T09:00", schedule(f.organiser, id,
        new JsonObject().put("opensAt", "soon")).bodyAsJsonObject().getJsonObject("fields").getString("opensAt"));
    assertEquals(403, schedule(f.emma, id, new JsonObject().put("closesAt", in(60_000))).statusCode());
    f.change(id, "open");
    HttpResponse<Buffer> reopen = schedule(f.organiser, id, new JsonObject().put("opensAt", in(60_000)));
    assertEquals(409, reopen.statusCode());
    assertEquals("This round is already open; only its closing time can be set.", error(reopen));
    f.change(id, "close");
    assertEquals("This round is closed; it has no schedule left to change.",
        error(schedule(f.organiser, id, new JsonObject().put("closesAt", in(60_000)))));
    assertEquals(0, Fixture.count("SELECT count(*) FROM voting_audit WHERE action = 'round.scheduled'"));
  }

  @Test
  @DisplayName("The round page's schedule form takes local times in the event's time zone and shows them")
  void scheduleForm() {
    long id = f.round(new JsonObject()).getLong("id");
    String page = "/rounds/" + id;
    var organiser = f.api.browser().signIn(TestShipyard.ORGANISER);
    assertTrue(organiser.getPage(page).bodyAsString().contains("id=\"schedule-form\""));
    HttpResponse<Buffer> saved = organiser.postForm(page, page + "/schedule", io.vertx.core.MultiMap
        .caseInsensitiveMultiMap().add("opensAt", "2030-06-01T12:00").add("closesAt", "2030-06-01T13:30"));
    assertEquals(303, saved.statusCode(), saved.bodyAsString());
    JsonObject round = f.events.get(f.emma, page.replace("/rounds", "/api/rounds")).bodyAsJsonObject();
    assertEquals("2030-06-01T10:00:00Z", round.getString("opensAt"), "12:00 in Berlin summer time");
    assertEquals("2030-06-01T11:30:00Z", round.getString("closesAt"));
    String html = organiser.getPage(page).bodyAsString();
    assertTrue(html.contains("value=\"2030-06-01T12:00\"") && html.contains("id=\"round-schedule\">Opens by itself "), html);
  }

  private static Throwable commitBallot(SqlConnection connection, long round, long category, String voter) {
    try {
      Transaction tx = connection.begin().await();
      writeBallot(connection, round, category, voter);
      return failure(tx.commit());
    } finally {
      connection.close().await();
    }
  }

  private static void writeBallot(SqlConnection c, long round, long category, String voter) {
    long pitch = Fixture.count("SELECT min(pitch_id) FROM voting_round_projects WHERE round_id = $1", round);
    VotingFixture.writeBallot(c, round, category, Fixture.personId(voter), pitch, 1);
  }
}
