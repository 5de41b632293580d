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
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** Kills the embedded PostgreSQL of a Shipyard of its own while clients keep calling, as an operator's bad day would. */
@Timeout(180)
@DisplayName("When the embedded database is killed under load")
class DatabaseOutageTest {

  private static final int CLIENTS = 6;
  private static final Path DATA = Path.of("target", "outage-test-data", String.valueOf(System.nanoTime()));
  private static OwnShipyard own;
  private static String organiser;

  /** One answered call: which, when it started and ended (nanoTime), its status and what came with it. */
  private record Call(String kind, String title, long startedAt, long endedAt, int status, String retryAfter,
                      String contentType, String body) {
    long millis() {
      return (endedAt - startedAt) / 1_000_000;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    own = OwnShipyard.start(DATA);
    organiser = own.tokenOfNew("organiser@test.example", "employee", "organiser");
  }

  @AfterAll
  static void stop() throws Exception {
    if (own != null) {
      own.close();
    }
    OwnShipyard.deleteData(DATA);
  }

  @Test
  @DisplayName("it answers only 503s with Retry-After while the database is down, restarts it on the same port, "
      + "serves again within seconds without a restart of Shipyard, loses no acknowledged write, "
      + "and logs a few lines instead of a stack trace per request")
  void killedUnderLoad() throws Exception {
    int portBefore = serverPort();
    long pidBefore = postmasterPid();
    ListAppender<ILoggingEvent> log = captureLog();
    ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    long[] stopAt = {Long.MAX_VALUE};
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.submit(() -> {
        for (int i = 0; System.nanoTime() < stopAt[0]; i++) {
          calls.add(call(client, i));
        }
        return null;
      });
    }
    try {
      waitUntil(() -> acknowledged(calls).size() >= 20, 30);
      long killedAt = System.nanoTime();
      ProcessHandle.of(pidBefore).orElseThrow().destroyForcibly();
      waitUntil(() -> recoveredAt(calls) > 0, 30);
      Thread.sleep(500);
      stopAt[0] = System.nanoTime();
      clients.shutdown();
      assertTrue(clients.awaitTermination(20, TimeUnit.SECONDS));

      List<Call> all = new ArrayList<>(calls);
      List<Call> refused = all.stream().filter(call -> call.status() == 503).toList();
      assertEquals(List.of(), all.stream().filter(call -> call.status() >= 300 && call.status() != 503)
          .map(call -> call.kind() + " " + call.status() + " " + call.body()).toList(), "only 503s while it was down");
      assertFalse(refused.isEmpty(), "the outage was met by clients");
      for (Call call : refused) {
        if (call.kind().equals("health")) {
          assertEquals(new JsonObject().put("status", "down").put("database", "down"), new JsonObject(call.body()));
          continue;
        }
        assertTrue(Integer.parseInt(call.retryAfter()) > 0, call.toString());
        if (call.kind().equals("page")) {
          assertTrue(call.contentType().startsWith("text/html") && call.body().contains("Temporarily unavailable"), call.body());
        } else {
          assertEquals("The database cannot be reached just now. Please try again in a few seconds.",
              new JsonObject(call.body()).getString("error"));
        }
      }
      List<Long> refusedMillis = refused.stream().map(Call::millis).sorted().toList();
      assertTrue(refusedMillis.get(refusedMillis.size() / 2) < 250, "503s are quick: " + refusedMillis);
      assertTrue(refusedMillis.get(refusedMillis.size() * 9 / 10) < 1000, "503s are quick: " + refusedMillis);
      long recoveredInMs = (recoveredAt(calls) - killedAt) / 1_000_000;
      assertTrue(recoveredInMs < 15_000, "served again " + recoveredInMs + " ms after the kill");

      List<String> titles = acknowledged(all);
      long stored = own.shipyard().pool().preparedQuery("SELECT count(*) FROM events WHERE title = ANY($1)")
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
      assertTrue(lines.stream().filter(e -> e.getLoggerName().equals(DatabaseWatch.class.getName())).count() >= 2,
          "going down and coming back are logged");
    } finally {
      stopAt[0] = 0;
      clients.shutdownNow();
      ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }
  }

  /** Writes (new events), API reads and pages as the organiser, and health checks as a monitor, in turn. */
  private static Call call(int client, int i) {
    String title = "Outage check " + client + "-" + i;
    HttpRequest<Buffer> request;
    String kind;
    switch (i % 4) {
      case 0 -> {
        kind = "write";
        request = own.client().post("/api/events");
      }
      case 1 -> {
        kind = "read";
        request = own.client().get("/api/events");
      }
      case 2 -> {
        kind = "page";
        request = own.client().get("/events").putHeader("Accept", "text/html");
      }
      default -> {
        kind = "health";
        request = own.client().get("/health");
      }
    }
    if (!kind.equals("health")) {
      request.bearerTokenAuthentication(organiser);
    }
    request.timeout(20_000);
    long started = System.nanoTime();
    HttpResponse<Buffer> response = kind.equals("write")
        ? request.sendJsonObject(new JsonObject().put("kind", "day").put("title", title)
            .put("startsAt", "2026-12-01T09:00:00Z").put("endsAt", "2026-12-02T09:00:00Z")).await()
        : request.send().await();
    return new Call(kind, title, started, System.nanoTime(), response.statusCode(), response.getHeader("Retry-After"),
        String.valueOf(response.getHeader("Content-Type")), response.bodyAsString());
  }

  private static List<String> acknowledged(java.util.Collection<Call> calls) {
    return calls.stream().filter(call -> call.kind().equals("write") && call.status() == 201).map(Call::title).toList();
  }

  /** When the first success ended among calls started after the first 503 (0 while there is none). */
  private static long recoveredAt(java.util.Collection<Call> calls) {
    long firstRefusal = calls.stream().filter(call -> call.status() == 503).mapToLong(Call::endedAt).min().orElse(0);
    return firstRefusal == 0 ? 0 : calls.stream()
        .filter(call -> call.status() < 300 && call.startedAt() > firstRefusal)
        .map(Call::endedAt).min(Comparator.naturalOrder()).orElse(0L);
  }

  private static int serverPort() {
    return own.shipyard().pool().query("SELECT inet_server_port()").execute().await().iterator().next().getInteger(0);
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
