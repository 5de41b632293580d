package app.shipyard.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Kills the embedded PostgreSQL of a Shipyard of its own while clients keep calling, as an operator's bad day would.
 * A second Shipyard uses the same PostgreSQL as an external database, so that both kinds of set-up live through it.
 */
@Timeout(180)
@DisplayName("When the embedded database is killed under load")
class DatabaseOutageTest {

  private static final int CLIENTS = 6;
  private static final Path DATA = Path.of("target", "outage-test-data", String.valueOf(System.nanoTime()));
  private static final String ORGANISER = "organiser@test.example";
  private static OwnShipyard embedded;
  private static OwnShipyard external;
  private static List<Target> targets;

  /** A Shipyard the clients call, with the organiser's token for it. */
  private record Target(String name, OwnShipyard shipyard, String token) {}

  /** One answered call: to which Shipyard, what, when it started and ended (nanoTime), and what came back. */
  private record Call(Target target, String kind, String title, long startedAt, long endedAt, int status,
                      String retryAfter, String contentType, String body) {
    long millis() {
      return (endedAt - startedAt) / 1_000_000;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    embedded = OwnShipyard.start(DATA);
    String password = Files.readString(OwnShipyard.cluster(DATA).resolveSibling("postgres-password")).trim();
    external = OwnShipyard.onDatabase("postgres://postgres:" + password + "@127.0.0.1:" + serverPort() + "/shipyard");
    targets = List.of(new Target("embedded", embedded, embedded.tokenOfNew(ORGANISER, "employee", "organiser")),
        new Target("external", external, external.signIn(ORGANISER)));
  }

  @AfterAll
  static void stop() throws Exception {
    if (external != null) {
      external.close();
    }
    if (embedded != null) {
      embedded.close();
    }
    OwnShipyard.deleteData(DATA);
  }

  @Test
  @DisplayName("it answers only 503s with Retry-After while the database is down, restarts it on the same port, "
      + "serves again within seconds without a restart of Shipyard (and so does one using it as an external "
      + "database), loses no acknowledged write, and logs a few lines instead of a stack trace per request")
  void killedUnderLoad() throws Exception {
    int portBefore = serverPort();
    long pidBefore = postmasterPid();
    ListAppender<ILoggingEvent> log = captureLog();
    ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.submit(() -> {
        for (int i = 0; running.get(); i++) {
          calls.add(call(targets.get(client % targets.size()), client, i));
        }
        return null;
      });
    }
    try {
      waitUntil(() -> acknowledged(calls).size() >= 20, 30);
      long killedAt = System.nanoTime();
      ProcessHandle.of(pidBefore).orElseThrow().destroyForcibly();
      waitUntil(() -> targets.stream().allMatch(target -> recoveredAt(calls, target) > 0), 30);
      Thread.sleep(500);
      running.set(false);
      clients.shutdown();
      assertTrue(clients.awaitTermination(20, TimeUnit.SECONDS));

      List<Call> all = new ArrayList<>(calls);
      List<Call> refused = all.stream().filter(call -> call.status() == 503).toList();
      assertEquals(List.of(), all.stream().filter(call -> call.status() >= 300 && call.status() != 503)
          .map(call -> call.kind() + " " + call.status() + " " + call.body()).toList(), "only 503s while it was down");
      for (Target target : targets) {
        assertTrue(refused.stream().anyMatch(call -> call.target() == target), target.name() + " met the outage");
        long recoveredInMs = (recoveredAt(all, target) - killedAt) / 1_000_000;
        assertTrue(recoveredInMs < 15_000, target.name() + " served again " + recoveredInMs + " ms after the kill");
      }
      for (Call call : refused) {
        if (call.kind().equals("health")) {
          assertEquals(new JsonObject().put("status", "down").put("database", "down"), new JsonObject(call.body()));
          continue;
        }
        assertTrue(Integer.parseInt(call.retryAfter()) > 0, call.toString());
        if (call.kind().equals("page")) {
          assertTrue(call.contentType().startsWith("text/html") && call.body().contains("Temporarily unavailable"), call.body());
        } else {
          // A write says that nothing of it was recorded; a read, only that the database is away.
          assertEquals(new JsonObject().put("error", call.kind().equals("write") ? DatabaseUnavailable.NOT_RECORDED
              : DatabaseUnavailable.UNREACHABLE).put("code", DatabaseUnavailable.CODE), new JsonObject(call.body()));
        }
      }
      List<Long> refusedMillis = refused.stream().map(Call::millis).sorted().toList();
      assertTrue(refusedMillis.get(refusedMillis.size() / 2) < 250, "503s are quick: " + refusedMillis);
      assertTrue(refusedMillis.get(refusedMillis.size() * 9 / 10) < 1000, "503s are quick: " + refusedMillis);

      List<String> titles = acknowledged(all);
      long stored = embedded.shipyard().pool().preparedQuery("SELECT count(*) FROM events WHERE title = ANY($1)")
          .execute(Tuple.of(titles.toArray(String[]::new))).await().iterator().next().getLong(0);
      assertEquals(titles.size(), stored, "every acknowledged write survived the crash");
      assertEquals(portBefore, serverPort(), "restarted on the same port");
      assertNotEquals(pidBefore, postmasterPid(), "a new postmaster runs");

      // A slow shared machine may stall an event loop; that warning is not about the outage.
      List<ILoggingEvent> lines = log.list.stream().filter(e -> !e.getLoggerName().endsWith("BlockedThreadChecker")).toList();
      assertEquals(List.of(), lines.stream().filter(e -> e.getThrowableProxy() != null)
          .map(ILoggingEvent::getFormattedMessage).toList(), "no stack traces");
      assertTrue(lines.size() <= 12, lines.size() + " log lines for " + refused.size() + " refused calls: "
          + lines.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n")));
      assertTrue(lines.stream().anyMatch(e -> e.getLoggerName().equals(SupervisedPostgres.class.getName())
          && e.getLevel() == Level.INFO), "the restart is logged");
      assertTrue(lines.stream().filter(e -> e.getLoggerName().equals(DatabaseWatch.class.getName())).count() >= 4,
          "each Shipyard logs the database going away and coming back");
    } finally {
      running.set(false);
      clients.shutdownNow();
      ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }
  }

  /** Writes (new events), API reads and pages as the organiser, and health checks as a monitor, in turn. */
  private static Call call(Target target, int client, int i) {
    String title = "Outage check " + client + "-" + i;
    WebClient web = target.shipyard().client();
    HttpRequest<Buffer> request;
    String kind;
    switch (i % 4) {
      case 0 -> {
        kind = "write";
        request = web.post("/api/events");
      }
      case 1 -> {
        kind = "read";
        request = web.get("/api/events");
      }
      case 2 -> {
        kind = "page";
        request = web.get("/events").putHeader("Accept", "text/html");
      }
      default -> {
        kind = "health";
        request = web.get("/health");
      }
    }
    if (!kind.equals("health")) {
      request.bearerTokenAuthentication(target.token());
    }
    request.timeout(20_000);
    long started = System.nanoTime();
    HttpResponse<Buffer> response = kind.equals("write")
        ? request.sendJsonObject(new JsonObject().put("kind", "day").put("title", title)
            .put("startsAt", "2026-12-01T09:00:00Z").put("endsAt", "2026-12-02T09:00:00Z")).await()
        : request.send().await();
    return new Call(target, kind, title, started, System.nanoTime(), response.statusCode(),
        response.getHeader("Retry-After"), String.valueOf(response.getHeader("Content-Type")), response.bodyAsString());
  }

  private static List<String> acknowledged(Collection<Call> calls) {
    return calls.stream().filter(call -> call.kind().equals("write") && call.status() == 201).map(Call::title).toList();
  }

  /** When a target's first success ended among its calls started after its first 503 (0 while there is none). */
  private static long recoveredAt(Collection<Call> calls, Target target) {
    List<Call> mine = calls.stream().filter(call -> call.target() == target).toList();
    long firstRefusal = mine.stream().filter(call -> call.status() == 503).mapToLong(Call::endedAt).min().orElse(0);
    return firstRefusal == 0 ? 0 : mine.stream()
        .filter(call -> call.status() < 300 && call.startedAt() > firstRefusal)
        .mapToLong(Call::endedAt).min().orElse(0);
  }

  private static int serverPort() {
    return embedded.shipyard().pool().query("SELECT inet_server_port()").execute().await().iterator().next().getInteger(0);
  }

  private static long postmasterPid() throws Exception {
    return Long.parseLong(Files.readAllLines(OwnShipyard.cluster(DATA).resolve("postmaster.pid")).get(0).strip());
  }

  private static ListAppender<ILoggingEvent> captureLog() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
    return appender;
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + seconds + " s");
      }
      Thread.sleep(50);
    }
  }
}
