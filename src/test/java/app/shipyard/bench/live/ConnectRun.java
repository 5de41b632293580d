package app.shipyard.bench.live;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The first run of the live benchmark: every voter connects; connect time and the server's RSS per connection. */
final class ConnectRun {

  private static final long SETTLE_MS = 5_000;

  private final Knobs knobs;
  private final Workers workers;
  private final ServerProbe server;
  private final LiveReport report;
  private final long event;

  ConnectRun(Knobs knobs, Workers workers, ServerProbe server, LiveReport report, long event) {
    this.knobs = knobs;
    this.workers = workers;
    this.server = server;
    this.report = report;
    this.event = event;
  }

  /**
   * Connects every voter in two steps: a first tenth (at most 500 per worker) warms the server up (classes, JIT, pools),
   * so that the RSS per idle connection is measured over the rest.
   */
  int run() {
    int per = (knobs.connections() + workers.size() - 1) / workers.size();
    int warm = Math.max(1, Math.min(500, per / 10));
    Histogram connect = Latencies.create();
    Map<String, Integer> failures = new TreeMap<>();
    long rssBefore = server.rssKib();
    long started = System.nanoTime();
    int warmed = connect(per, 0, warm, connect, failures);
    long warmSeconds = System.nanoTime() - started;
    LiveRuns.pause(SETTLE_MS);
    long rssWarm = server.rssKib();
    started = System.nanoTime();
    int open = connect(per, warm, per, connect, failures);
    double seconds = (System.nanoTime() - started + warmSeconds) / 1e9;
    LiveRuns.pause(SETTLE_MS);
    long rssAfter = server.rssKib();
    report.row("Connections opened (snapshot received)", String.format("%d of %d in %.1f s (%.0f/s), from %d "
        + "load-generator processes%s", open, knobs.connections(), seconds, open / seconds, workers.size(),
        knobs.servers() > 1 ? ", to " + knobs.servers() + " instances" : ""),
        knobs.servers() > 1 ? "24,000 together on two instances" : "15,000 held");
    report.row("Connect time per socket (handshake to snapshot)", Latencies.summary(connect), "–");
    report.row("Server RSS per idle connection", String.format("%.1f KiB over the last %d connections (VmRSS %d MiB "
            + "before any, %d after %d warm-up connections, %d after all %d)",
        (rssAfter - rssWarm) / (double) Math.max(1, open - warmed), open - warmed, rssBefore / 1024, rssWarm / 1024,
        warmed, rssAfter / 1024, open), "≤ 30 KiB at 15,000");
    if (!failures.isEmpty()) {
      report.note("Connections refused or failed: " + failures);
    }
    return open;
  }

  /** Worker i connects its voters i * per + from .. i * per + to - 1 (no further than the last voter). */
  private int connect(int per, int from, int to, Histogram connect, Map<String, Integer> failures) {
    List<JsonObject> answers = workers.all(i -> {
      int first = i * per + from;
      int last = Math.min(i * per + to, knobs.connections());
      return new JsonObject().put("op", "connect").put("event", event).put("first", first)
          .put("count", Math.max(0, last - first)).put("inFlight", knobs.connectsInFlight());
    }, Duration.ofSeconds(120 + knobs.connections() / 10)); // bounded, and generous: 25 min for 15,000
    int open = 0;
    for (JsonObject answer : answers) {
      Latencies.add(connect, answer.getString("connectUs"));
      open += answer.getInteger("open");
      answer.getJsonObject("failures", new JsonObject()).forEach(e -> failures.merge(e.getKey(),
          ((Number) e.getValue()).intValue(), Integer::sum));
    }
    return open;
  }
}
