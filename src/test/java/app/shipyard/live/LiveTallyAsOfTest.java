package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The moment a tally frame was read ({@code asOf}), which the live load generator times vote-to-screen with. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Live channel: a tally frame says when its tally was read")
class LiveTallyAsOfTest {

  @AfterEach
  void closeClients() {
    LiveClient.closeAll();
  }

  @Test
  @DisplayName("Every vote acknowledged before a tally frame's asOf is counted in it, and asOf is not after the frame")
  void asOfIsTakenBeforeTheRead(Vertx vertx) throws InterruptedException {
    LiveFixture f = new LiveFixture(vertx);
    long round = f.openRound(new JsonObject().put("visibility", "live"));
    List<String> voters = List.of(f.voter("Ann One"), f.voter("Bo Two"), f.voter("Cy Three"), f.voter("Di Four"));
    LiveClient projector = LiveClient.connect(f.vertx, f.event, "?audience=public", f.organiser);
    projector.next("snapshot");
    List<Long> acknowledged = new ArrayList<>();
    for (String voter : voters) {
      assertEquals(200, f.voteOverHttp(voter, f.vote(round, f.bot)).statusCode());
      acknowledged.add(System.currentTimeMillis());
      Thread.sleep(300); // more than a tick apart, so that the votes land in different frames
    }
    List<JsonObject> tallies = projector.during(3_000).stream().filter(fr -> "tally".equals(fr.getString("type")))
        .toList();
    assertFalse(tallies.isEmpty(), "no tally frame after four votes");
    for (JsonObject frame : tallies) {
      Long asOf = frame.getLong("asOf");
      assertNotNull(asOf, frame.encode());
      assertTrue(asOf <= frame.getLong("serverTime"), frame.encode());
      long before = acknowledged.stream().filter(at -> at < asOf).count();
      long counted = frame.getJsonArray("categories").getJsonObject(0).getLong("voters");
      assertTrue(counted >= before, before + " votes were acknowledged before asOf, the frame counts " + counted);
    }
    assertEquals(4, tallies.get(tallies.size() - 1).getJsonArray("categories").getJsonObject(0).getLong("voters"));
  }
}
