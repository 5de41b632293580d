package app.shipyard.bench.live;

import app.shipyard.config.AppConfig.DatabaseConfig;
import app.shipyard.db.Database;
import app.shipyard.db.EmbeddedPostgres;
import app.shipyard.support.ShipyardProcess;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The live channel's load generator (issue 10): Shipyard as its own process (or {@code servers} instances on one
 * database, workers spread over them) on the bench's own embedded PostgreSQL, with a GC log; voters on websockets from several {@link LoadWorker} processes; the runs of {@link LiveRuns}; the
 * figures printed and appended to BENCHMARKS.md. Run with {@value LiveReport#COMMAND} (knobs: {@link Knobs}).
 * Everything it starts is stopped at the end, also on failure or Ctrl-C.
 */
public final class LiveBench {

  private static final String IDP = "https://idp.bench-live.example";
  private static final String AUDIENCE = "shipyard-bench-live";
  private static final int POOL_SIZE = 16; // the server's (Shipyard.start): the ceiling is measured through the same

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  public static void main(String[] args) throws Exception {
    LiveBench bench = new LiveBench();
    Thread hook = new Thread(bench::stopAll, "bench-live-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    int status = 1;
    try {
      bench.run(Knobs.fromSystemProperties());
      status = 0;
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      bench.stopAll();
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    System.exit(status);
  }

  private void run(Knobs knobs) throws Exception {
    useTheProjectsClassPath();
    Path dir = Path.of("target", "bench-live").toAbsolutePath();
    Files.createDirectories(dir);
    String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
    String metricsToken = UUID.randomUUID().toString();
    System.out.println("[bench-live] " + knobs.describe());
    Path data = Files.createTempDirectory(dir, "run-");
    started.push(() -> deleteTree(data)); // after PostgreSQL stopped: its cluster is hundreds of MiB after a run
    EmbeddedPostgres pg = EmbeddedPostgres.start(data.resolve("postgres"));
    started.push(pg);
    List<ShipyardProcess> servers = new ArrayList<>();
    List<Path> gcLogs = new ArrayList<>();
    for (int i = 0; i < knobs.servers(); i++) {
      Path gcLog = dir.resolve(knobs.servers() == 1 ? "gc.log" : "gc-" + i + ".log");
      Files.deleteIfExists(gcLog);
      gcLogs.add(gcLog);
      ShipyardProcess server = ShipyardProcess.startWith("bench-live", List.of(),
          serverEnvironment(pg.connection(), data.resolve("server-" + i), gcLog, secret, metricsToken));
      started.push(server);
      servers.add(server);
      System.out.println("[bench-live] Shipyard (pid " + server.pid() + ") is up on port " + server.port()
          + "; its log: " + server.log());
    }
    ShipyardProcess server = servers.get(0);
    Vertx vertx = Vertx.vertx();
    started.push(() -> vertx.close().await());
    Pool pool = Database.pool(vertx, pg.connection(), POOL_SIZE);
    WebClient web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()));
    LiveSeed.Seeded seeded = LiveSeed.load(pool, knobs.connections(), knobs.pitches());
    VoterTokens tokens = new VoterTokens(vertx, IDP, AUDIENCE, secret);
    Organiser organiser = new Organiser(web, tokens.token(LiveSeed.ORGANISER), seeded.event());
    organiser.startDemos();
    Workers workers = Workers.start(knobs.workers(), servers.stream().map(ShipyardProcess::port).toList(),
        knobs.workerHeapMb(), List.of(IDP, AUDIENCE, secret), dir);
    started.push(workers);
    LiveReport report = new LiveReport();
    String outcome = "complete";
    try {
      ServerProbe probe = new ServerProbe(servers.stream().map(ShipyardProcess::pid).toList(), gcLogs);
      new LiveRuns(knobs, workers, organiser, pool, probe, new PageProbe(vertx, web, tokens.of(0), seeded.event()), report, seeded.event(), seeded.pitches()).run();
    } catch (RuntimeException e) {
      outcome = "stopped early: " + e.getMessage();
      throw e;
    } finally {
      try {
        ServerProbe.liveMetrics(web, metricsToken).forEach(line -> report.note("`" + line + "`"));
      } catch (RuntimeException e) {
        report.note("/metrics could not be read: " + e.getMessage());
      }
      report.note("Server logs: " + servers.stream().map(ShipyardProcess::log).toList() + "; GC logs: " + gcLogs
          + "; worker logs: " + dir + "/worker-*.log");
      report.publish(knobs, outcome);
    }
  }

  private static Map<String, String> serverEnvironment(DatabaseConfig db, Path data, Path gcLog, String secret,
                                                       String metricsToken) throws Exception {
    Map<String, String> env = new HashMap<>();
    for (String inherited : List.of("PATH", "HOME", "LANG", "TZ", "USER")) {
      String value = System.getenv(inherited);
      if (value != null) {
        env.put(inherited, value);
      }
    }
    env.put("DATABASE_URL", "postgres://" + encode(db.user()) + ":" + encode(db.password()) + "@" + db.host() + ":"
        + db.port() + "/" + db.database());
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", "0");
    env.put("SHIPYARD_DATA_DIR", Files.createDirectories(data).toString());
    env.put("SHIPYARD_SIGNING_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
    env.put("SAMPLE_DATA", "false");
    env.put("SSO_ISSUER", IDP);
    env.put("SSO_AUDIENCE", AUDIENCE);
    env.put("SSO_HS256_SECRET", secret);
    env.put("SHIPYARD_METRICS_TOKEN", metricsToken);
    env.put("JAVA_TOOL_OPTIONS", "-Xlog:gc*:file=" + gcLog);
    return env;
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }

  /**
   * {@code exec:java} runs the bench in a class loader of its own, with Maven's launcher as {@code java.class.path};
   * the server and workers are started with this, so it must name the project's classes and dependencies.
   */
  private static void useTheProjectsClassPath() {
    if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
      String path = Arrays.stream(loader.getURLs()).map(url -> new File(url.getPath()).getPath())
          .collect(Collectors.joining(File.pathSeparator));
      if (path.contains("test-classes")) {
        System.setProperty("java.class.path", path);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Stops what was started, newest first; safe to call twice (the shutdown hook and the normal end). */
  private synchronized void stopAll() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("[bench-live] while stopping: " + e);
      }
    }
  }
}
