package app.shipyard.bench.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * What the bench reads about the server processes (one, or several instances on one database): their resident memory
 * together, their GC pauses, their metrics.
 */
final class ServerProbe {

  private static final Pattern PAUSE = Pattern.compile("\\]\\[gc\\s*\\] GC\\(\\d+\\) (Pause .*?) (\\d+\\.\\d+)ms$");

  private final List<Long> pids;
  private final List<Path> gcLogs;

  ServerProbe(List<Long> pids, List<Path> gcLogs) {
    this.pids = List.copyOf(pids);
    this.gcLogs = List.copyOf(gcLogs);
  }

  /** VmRSS of the server processes together, in KiB. */
  long rssKib() {
    return pids.stream().mapToLong(ServerProbe::rssKib).sum();
  }

  private static long rssKib(long pid) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
      return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(-1L);
    } catch (IOException e) {
      return -1;
    }
  }

  /** Every stop-the-world pause in the servers' GC logs so far, in microseconds. */
  Histogram gcPauses() {
    Histogram pauses = Latencies.create();
    for (Path gcLog : gcLogs) {
      try (Stream<String> lines = Files.lines(gcLog)) {
        lines.map(PAUSE::matcher).filter(Matcher::find)
            .forEach(m -> Latencies.recordMicros(pauses, Math.round(Double.parseDouble(m.group(2)) * 1000), 1));
      } catch (IOException e) {
        // no log (yet): no pauses to report
      }
    }
    return pauses;
  }

  /** The {@code shipyard_live_*} and vote series from {@code /metrics} (not histogram buckets, not zeros), if any. */
  static List<String> liveMetrics(WebClient client, String token) {
    HttpResponse<Buffer> response = client.get("/metrics").bearerTokenAuthentication(token).send().await();
    if (response.statusCode() != 200) {
      return List.of("(/metrics answered " + response.statusCode() + ")");
    }
    return response.bodyAsString().lines().filter(l -> l.startsWith("shipyard_live_")
        || l.startsWith("shipyard_votes_")).filter(l -> !l.contains("_bucket{") && !l.endsWith(" 0.0")).limit(60).toList();
  }
}
