package app.shipyard.db;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the programs of the embedded PostgreSQL. PostgreSQL refuses to run as root, so when Shipyard runs as root
 * every program runs as the unprivileged user {@code nobody} (via {@code setpriv}), and the files it writes are
 * handed to that user first. Everything here blocks: call it from a worker or the supervisor thread.
 */
final class PostgresCommands {

  private static final int UNPRIVILEGED_ID = 65534;

  private final Path binaries;
  private final Path workDir;
  private final boolean asRoot;

  PostgresCommands(Path binaries, Path workDir, boolean asRoot) {
    this.binaries = binaries;
    this.workDir = workDir;
    this.asRoot = asRoot;
  }

  /** Runs a program to its end; fails with its output when it exits with an error or overruns the timeout. */
  void run(List<String> program, int timeoutSeconds) throws IOException, InterruptedException {
    Path output = Files.createTempFile("shipyard-pg", ".out");
    try {
      Process process = builder(program).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(program.get(0) + " did not finish in " + timeoutSeconds + "s");
      }
      if (process.exitValue() != 0) {
        throw new IOException(String.join(" ", program) + " failed (exit " + process.exitValue() + "): "
            + Files.readString(output, StandardCharsets.UTF_8).strip());
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /**
   * Starts a long-running program as a child of this JVM, in a session of its own so that a Ctrl-C meant for
   * Shipyard does not reach it; its output is appended to {@code log}.
   */
  Process launch(List<String> program, Path log) throws IOException {
    List<String> detached = new ArrayList<>(List.of("setsid"));
    detached.addAll(program);
    return builder(detached).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
        .redirectInput(Redirect.from(new java.io.File("/dev/null"))).start();
  }

  String bin(String name) {
    return binaries.resolve("bin").resolve(name).toString();
  }

  /** Gives a file or folder to the user the server runs as (a no-op unless Shipyard runs as root). */
  void handToServerUser(Path path) throws IOException {
    if (asRoot) {
      UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(path, users.lookupPrincipalByName("nobody"));
    }
  }

  private ProcessBuilder builder(List<String> program) {
    List<String> full = new ArrayList<>();
    if (asRoot) {
      full.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups", "--"));
    }
    full.addAll(program);
    ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile());
    builder.environment().put("LC_ALL", "C");
    return builder;
  }
}
