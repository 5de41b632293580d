package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What other Shipyard instances tell this one through PostgreSQL, played by notices sent straight to the database. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Live channel across instances: votes, turnout and catching up after the listener reconnects")
class LiveFeedTest extends LiveTestCase {

  private static void notifyFromElsewhere(JsonObject notice) {
    TestShipyard.pool().preparedQuery("SELECT pg_notify('shipyard_live', $1)")
        .execute(Tuple.of(notice.put("from", "another-instance").encode())).await();
  }

  /** A ballot committed by "another instance": written straight to the database, so this one heard nothing. */
  private void ballotElsewhere(long round, String email, long pitch) {
    Tuple ballot = Tuple.of(round, f.category(round), Fixture.personId(email));
    TestShipyard.pool().withTransaction(tx -> tx.preparedQuery(
            "INSERT INTO ballots (round_id, category_id, voter_id) VALUES ($1, $2, $3) RETURNING id")
        .execute(ballot)
        .compose(rows -> tx.preparedQuery("INSERT INTO ballot_choices (ballot_id, round_id, pitch_id, points) "
            + "VALUES ($1, $2, $3, 1)").execute(Tuple.of(rows.iterator().next().getLong(0), round, pitch)))).await();
  }

  @Test
  @DisplayName("Votes another instance announces are re-read here and sent as a tally frame")
  void votesFromAnotherInstance() {
    long round = f.openRound(new JsonObject().put("visibility", "live"));
    f.voter("Ann One");
    LiveClient projector = LiveClient.connect(f.vertx, f.event, "?audience=public", f.emma);
    projector.next("snapshot");
    ballotElsewhere(round, "ann.one@test.example", f.data);
    notifyFromElsewhere(new JsonObject().put("topic", "votes").put("rounds", new io.vertx.core.json.JsonArray()
        .add(round)));
    JsonObject tally = projector.next("tally").getJsonArray("categories").getJsonObject(0);
    assertEquals(1, tally.getLong("voters"));
    assertEquals(f.data, tally.getJsonArray("standings").getJsonObject(0).getLong("pitchId"));
  }

  @Test
  @DisplayName("Organisers' turnout counts the sockets of every instance and the voters per category; others get none")
  void turnoutAcrossInstances() {
    long round = f.openRound(new JsonObject());
    String ann = f.voter("Ann One");
    assertEquals(200, f.voteOverHttp(ann, f.vote(round, f.bot)).statusCode());
    LiveClient organiser = LiveClient.connect(f.vertx, f.event, f.organiser);
    LiveClient participant = LiveClient.connect(f.vertx, f.event, ann);
    organiser.next("snapshot");
    participant.next("snapshot");
    notifyFromElsewhere(new JsonObject().put("topic", "presence").put("counts", new JsonObject()
        .put(String.valueOf(f.event), 40)));
    JsonObject turnout = organiser.next(fr -> "turnout".equals(fr.getString("type"))
        && fr.getInteger("connected") == 42, "a turnout of 40 elsewhere and 2 here");
    JsonObject category = turnout.getJsonArray("rounds").getJsonObject(0).getJsonArray("categories").getJsonObject(0);
    assertEquals(1, category.getLong("voters"));
    assertNull(participant.during(2_500).stream().filter(fr -> "turnout".equals(fr.getString("type")))
        .findFirst().orElse(null), "turnout is for organisers only");
  }

  @Test
  @DisplayName("After the database drops the feed's LISTEN connection, what changed meanwhile reaches the sockets")
  void catchUpAfterReconnect() {
    long round = f.openRound(new JsonObject());
    LiveClient emma = LiveClient.connect(f.vertx, f.event, f.emma);
    emma.next("snapshot");
    TestShipyard.pool().query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        + "WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()").execute().await();
    TestShipyard.pool().preparedQuery("UPDATE voting_rounds SET state = 'closed', closed_at = now() WHERE id = $1")
        .execute(Tuple.of(round)).await();
    JsonObject closed = emma.next(fr -> "round".equals(fr.getString("type"))
        && "closed".equals(fr.getJsonObject("round").getString("state")), "the round closed while nobody listened");
    assertEquals(round, closed.getJsonObject("round").getLong("id"));
  }
}
