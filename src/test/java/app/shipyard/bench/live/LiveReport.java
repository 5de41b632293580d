package app.shipyard.bench.live;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The live benchmark's figures beside the targets of issue 10, printed as a Markdown block and appended to
 * BENCHMARKS.md (unless {@code -Dbench.live.append=false}).
 */
final class LiveReport {

  static final String COMMAND = "mvn -B -q -Pbench-live test-compile exec:java";

  private final List<String> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  private final String loadAtStart = loadAverage();

  /** One figure: what was measured, where it landed, and the target (or "–"). */
  void row(String what, String measured, String target) {
    rows.add("| " + what + " | " + measured + " | " + target + " |");
    System.out.println("[bench-live] " + what + ": " + measured + "   (target: " + target + ")");
  }

  /** A line under the table: failures, refusals, the metrics the server exposes. */
  void note(String line) {
    notes.add(line);
    System.out.println("[bench-live] " + line);
  }

  String markdown(Knobs knobs, String outcome) {
    StringBuilder md = new StringBuilder();
    md.append("\n### ").append(started.substring(0, 10)).append(", live channel: ").append(knobs.connections())
        .append(" connections (").append(outcome).append(")\n\n");
    md.append("Started ").append(started).append(" on ").append(machine()).append(". Load average (1, 5, 15 min) ")
        .append(loadAtStart).append(" at the start, ").append(loadAverage()).append(" at the end.\n\n");
    md.append("Command: `").append(COMMAND).append(' ').append(systemProperties()).append("`  \nKnobs: `")
        .append(knobs.describe()).append("`\n\n");
    md.append("| Figure | Measured | Target |\n|---|---|---|\n");
    rows.forEach(r -> md.append(r).append('\n'));
    if (!notes.isEmpty()) {
      md.append('\n');
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    return md.toString();
  }

  void publish(Knobs knobs, String outcome) {
    String md = markdown(knobs, outcome);
    System.out.printf("%n--- appended to BENCHMARKS.md ---%n%s%n", md);
    if (Boolean.parseBoolean(System.getProperty("bench.live.append", "true"))) {
      try {
        Files.writeString(Path.of("BENCHMARKS.md"), md, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      } catch (IOException e) {
        System.err.println("Could not append to BENCHMARKS.md: " + e);
      }
    }
  }

  private static String systemProperties() {
    return System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("bench.live.")).sorted()
        .map(n -> "-D" + n + "=" + System.getProperty(n)).reduce((a, b) -> a + " " + b).orElse("").trim();
  }

  private static String machine() {
    long memoryMib = -1;
    try {
      memoryMib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    } catch (IOException e) {
      // not Linux: leave it out
    }
    return String.format("%d cores, %d MiB memory, Java %s, %s %s", Runtime.getRuntime().availableProcessors(),
        memoryMib, System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.version"));
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (IOException | RuntimeException e) {
      return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
