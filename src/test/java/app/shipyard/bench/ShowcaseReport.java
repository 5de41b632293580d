package app.shipyard.bench;

import app.shipyard.bench.LoadRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The showcase benchmark's section of BENCHMARKS.md: the machine, the seed, one row per scenario with its target. */
final class ShowcaseReport {

  private static final String HEADER = """
      | Scenario | Requests | In flight | Throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | 200 | 304 | Errors \
      | Body (KB) | Target |
      |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|""";
  private final List<ShowcaseSeed.Step> seed;
  private final List<String> rows = new ArrayList<>();
  private final String loadAtStart = Bench.loadAverage();

  ShowcaseReport(List<ShowcaseSeed.Step> seed) {
    this.seed = seed;
  }

  void add(Result r, String target) {
    String row = String.format("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %d | %d | %d | %.1f | %s |", r.name(),
        r.count(), r.connections(), r.perSecond(), r.pct(50), r.pct(95), r.pct(99), r.full(), r.notModified(),
        r.errors(), r.full() == 0 ? 0 : r.bytes() / 1024.0 / r.full(), target);
    rows.add(row);
    System.out.println(row);
  }

  /** Appends the section to {@code file} and prints it. */
  void append(Path file) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%n### %s, showcase benchmark (issue 11)%n%n", LocalDate.now()));
    out.append(String.format("Command: `mvn -B -q -Pbench-showcase test-compile exec:java`. Machine: %d cores, "
            + "Java %s, %s %s, max heap %d MiB; server, load generator (Vert.x HttpClient, same JVM) and PostgreSQL on "
            + "the same cores. Load average (1, 5, 15 min) %s at the start, %s at the end.%n%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), System.getProperty("os.name"),
        System.getProperty("os.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAtStart,
        Bench.loadAverage()));
    out.append(String.format("Data: %,d people, %,d published events of %,d projects (ShowcaseSeed). ",
        ShowcaseSeed.PEOPLE, ShowcaseSeed.EVENTS, ShowcaseSeed.EVENTS * ShowcaseSeed.PER_EVENT));
    if (seed.isEmpty()) {
      out.append("The seeded database of an earlier run was reused.\n\n");
    } else {
      out.append(String.format("Seeded in this run, in %,d ms: %s.%n%n",
          seed.stream().mapToLong(ShowcaseSeed.Step::millis).sum(),
          String.join("; ", seed.stream().map(s -> s.name() + " " + String.format("%,d ms", s.millis())).toList())));
    }
    out.append(HEADER).append('\n');
    rows.forEach(r -> out.append(r).append('\n'));
    System.out.printf("%n--- appended to %s ---%n%s", file, out);
    Files.writeString(file, out, StandardOpenOption.APPEND);
  }
}
