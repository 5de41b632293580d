package app.shipyard.live;

import static app.shipyard.live.CrashChecks.assertSnapshotsShow;
import static app.shipyard.live.CrashChecks.awaitSnapshotsShow;
import static app.shipyard.live.CrashChecks.awaitTotals;
import static app.shipyard.live.CrashChecks.noneLost;
import static app.shipyard.live.CrashChecks.resendAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.live.Crowd.Member;
import app.shipyard.live.StoredVotes.Receipt;
import app.shipyard.support.ShipyardProcess;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shipyard as its own process, killed with SIGKILL in the middle of a voting burst: every vote it acknowledged is in
 * the database, once; a vote re-sent with its {@code voteId} to the next instance is answered as the first time.
 */
@ExtendWith(VertxExtension.class)
@Timeout(300)
@DisplayName("Live at scale: a crash loses no acknowledged vote and counts none twice")
class CrashTest {

  private static final JsonObject LIVE_RESULTS = new JsonObject().put("visibility", "live");
  /** Between two voters' votes in a burst: the burst outlasts the first acknowledgements, so the kill lands in it. */
  private static final long PACE_MS = 8;
  /**
   * Holds the round's lock exclusively, as a close does: every vote's statement (one transaction) waits for it, and
   * commits by itself once it is let go, whether or not its server is still there to hear.
   */
  private static final String HOLD_ROUND =
      "SELECT pg_advisory_xact_lock(voting_lock_space(), ($1::bigint % 2147483647)::integer)";

  private final List<ShipyardProcess> processes = new ArrayList<>();
  private final List<Crowd> crowds = new ArrayList<>();
  private LiveFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new LiveFixture(vertx);
  }

  @AfterEach
  void tearDown() {
    crowds.forEach(Crowd::close);
    LiveClient.closeAll();
    processes.forEach(ShipyardProcess::kill);
  }

  @Test
  @DisplayName("Killed mid-burst of live votes, a restarted Shipyard holds every acknowledged vote once; resent votes get their first answer, and reconnected clients show the totals")
  void killMidBurstOverTheLiveChannel() {
    long round = f.openRound(LIVE_RESULTS);
    Crowd crowd = crowd(round, 90);
    ShipyardProcess first = start("crash");
    crowd.connect(f.vertx, first.port());
    Map<String, JsonObject> acked = killMidBurst(first, crowd, 30, crowd::send);
    Map<String, Receipt> committed = noneLost(round, acked);
    crowd.connect(f.vertx, start("restarted").port());
    assertSnapshotsShow(crowd, crowd.totalsOf(committed.keySet()));
    resendAndCheck(crowd, acked, committed, crowd::send);
    awaitSnapshotsShow(crowd, crowd.totalsOf(StoredVotes.receipts(round).keySet()));
  }

  @Test
  @DisplayName("A vote committed as its server died, its ack never sent, is answered on resend with that same ack, not a second ballot nor a refusal; a projector on another instance shows it though nobody announced it")
  void committedButNeverAcknowledged() {
    long round = f.openRound(LIVE_RESULTS);
    Crowd crowd = crowd(round, 30);
    ShipyardProcess first = start("ack-lost");
    LiveClient projector = LiveClient.connect(f.vertx, f.event, "?audience=public", f.organiser);
    projector.next("snapshot");
    crowd.connect(f.vertx, first.port());
    List<Member> early = crowd.members.subList(0, 10);
    early.forEach(crowd::send);
    Crowd.await(() -> early.stream().allMatch(m -> m.ack() != null), "the first ten votes acknowledged");
    SqlConnection holder = TestShipyard.pool().getConnection().await();
    try {
      Transaction hold = holder.begin().await();
      holder.preparedQuery(HOLD_ROUND).execute(Tuple.of(round)).await();
      crowd.members.subList(10, 30).forEach(crowd::send);
      Crowd.await(() -> StoredVotes.votesWaiting() >= 2, "vote statements waiting for the round's lock");
      long inCommit = StoredVotes.votesWaiting();
      first.kill();
      crowd.awaitClosed();
      hold.rollback().await();
      Crowd.await(StoredVotes::settled, "the dead server's last commits finished");
      Map<String, JsonObject> acked = crowd.acks();
      assertEquals(10, acked.size(), "only the first ten were acknowledged before the kill");
      Map<String, Receipt> committed = noneLost(round, acked);
      assertTrue(committed.size() - acked.size() >= inCommit, (committed.size() - acked.size())
          + " votes committed after their server died; " + inCommit + " statements of votes were waiting");
      awaitTotals(projector, crowd.totalsOf(committed.keySet()));
      crowd.connect(f.vertx, TestShipyard.port());
      assertSnapshotsShow(crowd, crowd.totalsOf(committed.keySet()));
      resendAndCheck(crowd, acked, committed, crowd::send);
    } finally {
      holder.close().await();
    }
  }

  @Test
  @DisplayName("Killed mid-burst of HTTP votes in a round that lets voters change their vote, it loses none it answered 200; resent with the same voteId to another instance, each is answered as before and counts once")
  void killMidBurstOverHttp() {
    long round = f.openRound(LIVE_RESULTS.copy().put("changesAllowed", true));
    Crowd crowd = crowd(round, 60);
    ShipyardProcess first = start("crash-http");
    WebClient toFirst = client(first.port());
    Map<String, JsonObject> acked = killMidBurst(first, crowd, 20, m -> crowd.sendOverHttp(toFirst, m));
    Map<String, Receipt> committed = noneLost(round, acked);
    WebClient toShared = client(TestShipyard.port());
    resendAndCheck(crowd, acked, committed, m -> crowd.sendOverHttp(toShared, m));
    crowd.connect(f.vertx, TestShipyard.port());
    assertSnapshotsShow(crowd, crowd.totalsOf(StoredVotes.receipts(round).keySet()));
  }

  private Crowd crowd(long round, int size) {
    Crowd crowd = new Crowd(f, round, size);
    crowds.add(crowd);
    return crowd;
  }

  private ShipyardProcess start(String name) {
    ShipyardProcess process = ShipyardProcess.start(name, List.of(), Map.of());
    processes.add(process);
    return process;
  }

  private WebClient client(int port) {
    return WebClient.create(f.vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
        new PoolOptions().setHttp1MaxSize(16));
  }

  /**
   * Voters vote one after another, {@link #PACE_MS} apart, until {@code enough} are acknowledged; then SIGKILL. Returns
   * the acknowledgements that got out (every socket closed, every request answered or cut off): more than none, fewer
   * than all, so the kill came mid-burst.
   */
  private static Map<String, JsonObject> killMidBurst(ShipyardProcess process, Crowd crowd, int enough,
                                                      Function<Member, Future<Void>> send) {
    List<Future<Void>> sent = new ArrayList<>();
    for (Member m : crowd.members) {
      if (crowd.acks().size() >= enough) {
        break;
      }
      sent.add(send.apply(m));
      Crowd.pause(PACE_MS);
    }
    Crowd.await(() -> crowd.acks().size() >= enough, enough + " votes acknowledged");
    process.kill();
    Future.join(sent).otherwiseEmpty().await();
    crowd.awaitClosed();
    Crowd.await(StoredVotes::settled, "the dead server's transactions ended");
    Map<String, JsonObject> acked = crowd.acks();
    int all = crowd.members.size();
    assertTrue(acked.size() >= enough && acked.size() < all, acked.size() + " of " + all
        + " acknowledged: not killed mid-burst");
    return acked;
  }
}
