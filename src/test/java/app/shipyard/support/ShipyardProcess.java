package app.shipyard.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shipyard as a separate operating-system process (its own JVM, started with {@code app.shipyard.Main} on the tests'
 * class path) on the test database: for what cannot happen inside the test JVM, such as {@code kill -9} or a lowered
 * open-file limit. Its output goes to a log file under {@code target/}, named in every failure.
 */
public final class ShipyardProcess implements AutoCloseable {

  private static final Pattern UP = Pattern.compile("Shipyard is up at http://localhost:(\\d+)");

  private final Process process;
  private final Path log;
  private final int port;

  private ShipyardProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts one and waits (up to a minute) until it serves HTTP. {@code prefix} goes before {@code java} on the command
   * line (e.g. {@code prlimit --nofile=512:512 --}); {@code overrides} go over {@link TestInstances#environment()}.
   */
  public static ShipyardProcess start(String name, List<String> prefix, Map<String, String> overrides) {
    try {
      Map<String, String> env = new HashMap<>(TestInstances.environment());
      env.put("SHIPYARD_DATA_DIR", Files.createTempDirectory(Path.of("target"), name + "-").toString());
      env.putAll(overrides);
      return startWith(name, prefix, env);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start a Shipyard process", e);
    }
  }

  /**
   * Starts one with exactly this environment (nothing of the tests' settings: the live benchmark runs its own
   * database) and waits (up to a minute) until it serves HTTP. JVM options can come in {@code JAVA_TOOL_OPTIONS}.
   */
  public static ShipyardProcess startWith(String name, List<String> prefix, Map<String, String> env) {
    try {
      Path log = Files.createTempFile(Path.of("target"), "process-" + name + "-", ".log");
      List<String> command = new ArrayList<>(prefix);
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), "app.shipyard.Main"));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      return new ShipyardProcess(process, log, awaitPort(process, log, Duration.ofMinutes(1)));
    } catch (IOException e) {
      throw new IllegalStateException("Could not start a Shipyard process", e);
    }
  }

  private static int awaitPort(Process process, Path log, Duration patience) throws IOException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher up = UP.matcher(Files.readString(log));
      if (up.find()) {
        return Integer.parseInt(up.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("The Shipyard process exited with " + process.exitValue() + "; see " + log);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("The Shipyard process did not come up in " + patience + "; see " + log);
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** Where its output goes. */
  public Path log() {
    return log;
  }

  /** SIGKILL: no shutdown hook, no graceful stop; waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM: the graceful stop; waits until it is gone. */
  @Override
  public void close() {
    process.destroy();
    waitFor();
  }

  private void waitFor() {
    try {
      if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
