package app.shipyard.voting;

import static app.shipyard.voting.VotingFixture.category;
import static app.shipyard.voting.VotingFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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

/** Vote counters as a scraper reads them at {@code /metrics}; other tests vote too, so each test reads differences. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Vote metrics")
class VoteMetersTest {

  private static final String COMMITTED = "shipyard_votes_committed_total";
  private static final String ALREADY_VOTED = "shipyard_votes_refused_total{reason=\"already_voted\"}";
  private static final String ROUND_CLOSED = "shipyard_votes_refused_total{reason=\"round_closed\"}";
  private static final String FAILED = "shipyard_votes_failed_total";
  private static final String ACKS = "shipyard_votes_ack_seconds_count";

  private VotingFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new VotingFixture(vertx);
  }

  /** The value of one series, e.g. {@code shipyard_votes_committed_total} (0 when it is not there). */
  private double metric(String series) {
    HttpResponse<Buffer> metrics = f.api.get("/metrics").bearerTokenAuthentication(TestShipyard.METRICS_TOKEN)
        .send().await();
    assertEquals(200, metrics.statusCode(), metrics.bodyAsString());
    return metrics.bodyAsString().lines().filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).findFirst().orElse(0);
  }

  @Test
  @DisplayName("After one committed and one refused vote, the counters show 1 committed and 1 refused with its reason")
  void committedAndRefused() {
    JsonObject round = f.openRound(new JsonObject());
    long id = round.getLong("id");
    String ann = f.voter("Ann One");
    double committed = metric(COMMITTED);
    double alreadyVoted = metric(ALREADY_VOTED);
    double closed = metric(ROUND_CLOSED);
    double acks = metric(ACKS);

    assertEquals(200, f.vote(ann, id, single(category(round, 0), f.bot)).statusCode());
    assertEquals(409, f.vote(ann, id, single(category(round, 0), f.data)).statusCode());

    assertEquals(committed + 1, metric(COMMITTED));
    assertEquals(alreadyVoted + 1, metric(ALREADY_VOTED));
    assertEquals(closed, metric(ROUND_CLOSED), "only the refusal's own reason counts");
    assertEquals(acks + 1, metric(ACKS), "the committed vote was acknowledged and timed");
  }

  @Test
  @DisplayName("A re-sent vote is acknowledged again but counted once; a vote in a closed round counts as round_closed")
  void resentAndClosed() {
    JsonObject round = f.openRound(new JsonObject());
    long id = round.getLong("id");
    String ann = f.voter("Ann One");
    JsonObject vote = single(category(round, 0), f.bot).put("voteId", UUID.randomUUID().toString());
    double committed = metric(COMMITTED);
    double closed = metric(ROUND_CLOSED);
    double acks = metric(ACKS);

    assertEquals(200, f.events.post(ann, "/api/rounds/" + id + "/votes", vote).statusCode());
    assertEquals(200, f.events.post(ann, "/api/rounds/" + id + "/votes", vote).statusCode());
    f.change(id, "close");
    assertEquals(409, f.vote(f.voter("Ben Two"), id, single(category(round, 0), f.bot)).statusCode());

    assertEquals(committed + 1, metric(COMMITTED));
    assertEquals(acks + 2, metric(ACKS));
    assertEquals(closed + 1, metric(ROUND_CLOSED));
  }

  @Test
  @DisplayName("A vote that fails for another reason (a category of another round) counts as failed, not refused")
  void failed() {
    JsonObject round = f.openRound(new JsonObject());
    double failed = metric(FAILED);
    double committed = metric(COMMITTED);

    assertEquals(400, f.vote(f.voter("Ann One"), round.getLong("id"), single(987654, f.bot)).statusCode());

    assertEquals(failed + 1, metric(FAILED));
    assertEquals(committed, metric(COMMITTED));
  }
}
