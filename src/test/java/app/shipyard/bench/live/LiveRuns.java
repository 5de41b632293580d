package app.shipyard.bench.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The runs of the live benchmark, in order: connect and hold, a burst of voters, steady voting at many connections,
 * a saturating burst against the raw insert ceiling, steady voting at few connections; then the server's memory, GC
 * pauses and metrics. Each figure goes to the report beside its target.
 */
final class LiveRuns {

  /** Longer than the server's slowest tick (2 s): every vote's tally frame has arrived by then. */
  private static final long SETTLE_MS = 5_000;

  private final Knobs knobs;
  private final Workers workers;
  private final Organiser organiser;
  private final Pool pool;
  private final ServerProbe server;
  private final PageProbe pages;
  private final LiveReport report;
  private final long event;
  private final JsonArray pitches;

  LiveRuns(Knobs knobs, Workers workers, Organiser organiser, Pool pool, ServerProbe server, PageProbe pages,
           LiveReport report, long event, JsonArray pitches) {
    this.knobs = knobs;
    this.workers = workers;
    this.organiser = organiser;
    this.pool = pool;
    this.server = server;
    this.pages = pages;
    this.report = report;
    this.event = event;
    this.pitches = pitches;
  }

  void run() {
    int open = new ConnectRun(knobs, workers, server, report, event).run();
    pages.start(knobs.pageRate());
    hold(open);
    burst(Math.min(knobs.burstVoters(), open));
    int steady = shrink(knobs.steadyConnections());
    steady("Steady", steady, "vote-to-screen p50 ≤ 200 ms, p99 ≤ 400 ms at 10,000 while 2,000 votes/s arrive");
    saturate(steady);
    int small = shrink(knobs.smallConnections());
    steady("Small", small, "vote-to-screen p99 ≤ 100 ms at 1,000");
    pages.stop();
    report.row("Projector page (GET during every run)", Latencies.summary(pages.projector()), "p99 ≤ 100 ms");
    report.row("Voting page (GET during every run)", Latencies.summary(pages.votingPage()), "p99 ≤ 100 ms");
    report.row("Unexpected drops over the whole run", Long.toString(status().get("drops")), "0");
    Histogram gc = server.gcPauses();
    report.row("Server GC pauses", String.format("%d pauses, total %.0f ms, p99 %s ms, max %.1f ms",
        gc.getTotalCount(), gc.getTotalCount() == 0 ? 0 : gc.getMean() * gc.getTotalCount() / 1000,
        Latencies.ms(gc, 99), gc.getMaxValue() / 1000.0), "–");
  }

  private void hold(int open) {
    long until = System.currentTimeMillis() + knobs.holdSeconds() * 1000L;
    while (System.currentTimeMillis() < until) {
      pause(Math.min(10_000, Math.max(0, until - System.currentTimeMillis())));
      status();
    }
    Map<String, Long> now = status();
    report.row("Connections held for " + knobs.holdSeconds() + " s" + (knobs.servers() > 1 ? " on " + knobs.servers()
        + " instances" : ""), String.format("%d of %d still open, %d dropped", now.get("open"), open,
        now.get("drops")), knobs.servers() > 1 ? "24,000 together on two instances" : "15,000 for 5 min, 0 drops");
  }

  private void burst(int voters) {
    VotingRound burst = VotingRound.run(workers, opened("Burst", 1), pitches, voters,
        voters / (double) knobs.burstSeconds());
    report.row("Burst: " + voters + " voters within " + knobs.burstSeconds() + " s", String.format(
        "%d acked in %.1f s, refused: %s", burst.acked.size(), burst.seconds(), burst.refusals()),
        "every vote committed");
    report.row("Burst: ack latency", Latencies.summary(burst.ack), "p99 ≤ 100 ms");
    checked("Burst", burst);
  }

  private void steady(String name, int connections, String target) {
    int votesEach = (int) Math.ceil((double) knobs.steadyRate() * knobs.steadySeconds() / Math.max(1, connections));
    VotingRound steady = VotingRound.run(workers, opened(name, votesEach), pitches, connections,
        knobs.steadyRate());
    pause(SETTLE_MS);
    VotingRound.Screen screen = steady.screen(workers);
    String label = name + ": " + connections + " connections, " + knobs.steadyRate() + " votes/s";
    report.row(label + ", ack latency", Latencies.summary(steady.ack) + String.format(
        "; %.0f votes/s achieved over %.1f s, refused: %s", steady.committedPerSecond(), steady.seconds(),
        steady.refusals()), "–");
    report.row(label + ", vote-to-screen (every client)", Latencies.summary(screen.latency())
        + (screen.unseen() > 0 ? "; " + screen.unseen() + " (vote, screen) pairs never shown" : ""), target);
    checked(name, steady);
  }

  private void saturate(int connections) {
    VotingRound saturate = VotingRound.run(workers, opened("Saturate", knobs.saturateVotes()), pitches,
        connections, 0);
    double ceiling = InsertCeiling.measure(pool, Math.max(1000, saturate.acked.size()));
    report.row("Saturating burst: committed votes/s", String.format("%.0f/s (%d votes in %.1f s, ack %s), %.0f%% of "
            + "the raw insert ceiling %.0f rows/s", saturate.committedPerSecond(), saturate.acked.size(),
        saturate.seconds(), Latencies.summary(saturate.ack), 100 * saturate.committedPerSecond() / ceiling, ceiling),
        "≥ 50% of the ceiling");
    checked("Saturate", saturate);
  }

  /**
   * Rounds opened for a run, once every instance's channel has heard of them: a vote for a round the channel does not
   * know yet is refused {@code not_found} (seen in a run when votes followed the opening within milliseconds).
   */
  private JsonArray opened(String name, int votesEach) {
    JsonArray slots = organiser.openRounds(name, votesEach);
    pause(SETTLE_MS);
    return slots;
  }

  private void checked(String name, VotingRound round) {
    VoteCheck.Result check = VoteCheck.check(pool, round.roundIds(), round.acked);
    report.row(name + ": against the database", check.describe(), "0 lost, 0 duplicated");
  }

  private int shrink(int keep) {
    int per = (keep + workers.size() - 1) / workers.size();
    int open = workers.all(i -> new JsonObject().put("op", "shrink").put("keep", Math.max(0, Math.min(per,
        keep - i * per))), Duration.ofMinutes(2)).stream().mapToInt(a -> a.getInteger("open")).sum();
    pause(SETTLE_MS);
    return open;
  }

  private Map<String, Long> status() {
    long open = 0;
    long dropped = 0;
    for (JsonObject s : workers.all(i -> new JsonObject().put("op", "status"), Duration.ofSeconds(30))) {
      open += s.getLong("open");
      dropped += s.getLong("drops");
    }
    return Map.of("open", open, "drops", dropped);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
