package app.shipyard.db;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded postmaster, run as a child process of Shipyard and supervised: when it dies (killed, crashed), a
 * supervisor thread starts it again on the same port, so the pool's settings stay valid, with a growing pause
 * between attempts; PostgreSQL then recovers from its write-ahead log by itself. Process work happens on that
 * thread only, never on an event loop.
 */
final class SupervisedPostgres {

  private static final Logger LOG = LoggerFactory.getLogger(SupervisedPostgres.class);
  private static final long FIRST_PAUSE_MS = 100;
  private static final long LONGEST_PAUSE_MS = 5_000;
  private static final Duration STABLE_RUN = Duration.ofMinutes(1);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final PostgresCommands commands;
  private final Path cluster;
  private final Path log;
  private final int port;
  private final Object lock = new Object();
  private Process process;
  private boolean stopping;
  private long pauseMs = FIRST_PAUSE_MS;
  private Thread supervisor;

  SupervisedPostgres(PostgresCommands commands, Path cluster, Path log, int port) {
    this.commands = commands;
    this.cluster = cluster;
    this.log = log;
    this.port = port;
  }

  /** Blocking: starts the server, waits until it accepts connections, then supervises it. */
  void start() throws IOException, InterruptedException {
    launchAndAwaitReady();
    supervisor = new Thread(this::supervise, "embedded-postgres-supervisor");
    supervisor.setDaemon(true);
    supervisor.start();
  }

  /** Blocking: a fast shutdown (open transactions roll back), after which nothing restarts the server. */
  void stop() {
    Process current;
    synchronized (lock) {
      stopping = true;
      current = process;
    }
    if (supervisor != null) {
      supervisor.interrupt();
    }
    if (current == null || !current.isAlive()) {
      return;
    }
    try {
      commands.run(List.of(commands.bin("pg_ctl"), "-D", cluster.toString(), "-m", "fast", "-w", "-t", "30", "stop"), 40);
      current.waitFor(10, TimeUnit.SECONDS);
      LOG.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      LOG.warn("Could not stop embedded PostgreSQL cleanly ({}); terminating it", e.getMessage());
      current.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      current.destroyForcibly();
    }
  }

  private void supervise() {
    try {
      while (true) {
        Process current;
        synchronized (lock) {
          current = process;
        }
        long startedAt = System.nanoTime();
        int exit = current.waitFor();
        synchronized (lock) {
          if (stopping) {
            return;
          }
        }
        if (System.nanoTime() - startedAt > STABLE_RUN.toNanos()) {
          pauseMs = FIRST_PAUSE_MS;
        }
        LOG.warn("Embedded PostgreSQL exited unexpectedly ({}); restarting it on port {}", exitReason(exit), port);
        restart(System.nanoTime());
      }
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  private void restart(long exitedAt) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      Thread.sleep(pauseMs);
      pauseMs = Math.min(pauseMs * 2, LONGEST_PAUSE_MS);
      try {
        if (launchAndAwaitReady()) {
          LOG.info("Embedded PostgreSQL is running again on port {}, {} ms after it exited (attempt {})", port,
              (System.nanoTime() - exitedAt) / 1_000_000, attempt);
        }
        return;
      } catch (IOException e) {
        LOG.warn("Embedded PostgreSQL did not start again ({}); next attempt in {} ms", e.getMessage(), pauseMs);
      }
    }
  }

  /** False when Shipyard is stopping and nothing was started. */
  private boolean launchAndAwaitReady() throws IOException, InterruptedException {
    Process started;
    synchronized (lock) {
      if (stopping) {
        return false;
      }
      // Crash recovery first syncs the whole cluster: one syncfs() is much quicker than an fsync() per file.
      started = commands.launch(List.of(commands.bin("postgres"), "-D", cluster.toString(), "-p", String.valueOf(port),
          "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=on",
          "-c", "recovery_init_sync_method=syncfs", "-c", "max_connections=100"), log);
      process = started;
    }
    awaitReady(started);
    return true;
  }

  /** As {@code pg_ctl -w} does: the postmaster writes "ready" into line 8 of its pid file once it takes connections. */
  private void awaitReady(Process started) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    Path pidFile = cluster.resolve("postmaster.pid");
    while (System.nanoTime() < deadline) {
      if (!started.isAlive()) {
        throw new IOException("PostgreSQL exited while starting (" + exitReason(started.exitValue()) + "): "
            + lastLogLine());
      }
      if (ready(pidFile, started.pid())) {
        return;
      }
      Thread.sleep(50);
    }
    started.destroyForcibly();
    throw new IOException("PostgreSQL did not take connections within " + READY_TIMEOUT.toSeconds() + "s; see " + log);
  }

  private static boolean ready(Path pidFile, long pid) {
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      return lines.size() >= 8 && lines.get(0).strip().equals(Long.toString(pid)) && "ready".equals(lines.get(7).strip());
    } catch (IOException notWrittenYet) {
      return false;
    }
  }

  private String lastLogLine() {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long from = Math.max(0, file.length() - 2048);
      byte[] tail = new byte[(int) (file.length() - from)];
      file.seek(from);
      file.readFully(tail);
      List<String> lines = new String(tail, StandardCharsets.UTF_8).strip().lines().toList();
      return lines.isEmpty() ? "nothing logged" : lines.get(lines.size() - 1);
    } catch (IOException e) {
      return "see " + log;
    }
  }

  private static String exitReason(int exit) {
    return exit > 128 ? "killed by signal " + (exit - 128) : "exit code " + exit;
  }
}
