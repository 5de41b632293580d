package app.shipyard.bench;

import app.shipyard.Shipyard;
import app.shipyard.config.ConfigLoader;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Load benchmarks against a real Shipyard on its own embedded PostgreSQL. Run with the command in BENCHMARKS.md;
 * results go to standard output as a Markdown table. The client runs in the same JVM and shares the machine's cores
 * with the server and the database, so the numbers are a floor, not a ceiling.
 */
public final class Bench {

  private static final String IDP = "https://idp.bench.example";
  private static final String IDP_SECRET = "bench-identity-provider-secret-0123456789abcdef";
  static final int PEOPLE = Integer.getInteger("bench.people", 2000);
  static final int PITCHES = Integer.getInteger("bench.pitches", 300);
  static final int BIG_PITCHES = Integer.getInteger("bench.bigPitches", 2000);
  static final int REQUESTS = Integer.getInteger("bench.requests", 3000);
  static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
  static final int SEQUENTIAL = Integer.getInteger("bench.sequential", 500);

  private final Shipyard shipyard;
  private final WebClient client;
  private final List<String> tokens = new ArrayList<>();
  private final List<Result> results = new ArrayList<>();

  private Bench(Shipyard shipyard) {
    this.shipyard = shipyard;
    this.client = WebClient.create(shipyard.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(shipyard.port()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(CONCURRENCY));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HTTP_PORT", "0");
    env.put("SHIPYARD_DATA_DIR", Path.of("target", "bench-data", String.valueOf(System.nanoTime())).toString());
    env.put("SAMPLE_DATA", "false");
    env.put("SSO_ISSUER", IDP);
    env.put("SSO_AUDIENCE", "shipyard-bench");
    env.put("SSO_HS256_SECRET", IDP_SECRET);
    Shipyard shipyard = Shipyard.start(new ConfigLoader(env).load());
    try {
      new Bench(shipyard).run();
    } finally {
      shipyard.stop();
      System.exit(0);
    }
  }

  private void run() {
    String started = loadAverage();
    Seed.Events seeded = Seed.load(shipyard.pool(), PEOPLE, PITCHES, BIG_PITCHES);
    long eventId = seeded.event();
    long bigId = seeded.bigEvent();
    JWTAuth idp = JWTAuth.create(shipyard.vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(IDP_SECRET)));
    for (int i = 0; i < PEOPLE; i++) {
      String email = Seed.email(i);
      tokens.add(idp.generateToken(new JsonObject().put("sub", email).put("email", email).put("name", email),
          new JWTOptions().setAlgorithm("HS256").setIssuer(IDP).setAudience(List.of("shipyard-bench")).setExpiresInMinutes(60)));
    }
    String small = PITCHES + " pitches";
    String big = BIG_PITCHES + " pitches";
    // Each list scenario for both events side by side, so that both see the same load on a shared machine.
    List<List<String>> kinds = List.of(
        List.of("GET /api/events/{id}/pitches (first page of 20, %s)", "/api/events/%d/pitches"),
        List.of("GET /events/{id}/pitches?sort=interest (HTML, first page of 20, %s)", "/events/%d/pitches?sort=interest"),
        List.of("GET /api/events/{id}/pitches?skill=Kafka&open=true (%s)", "/api/events/%d/pitches?skill=Kafka&open=true"));
    Map<String, String> lists = new LinkedHashMap<>();
    for (List<String> kind : kinds) {
      lists.put(String.format(kind.get(0), small), String.format(kind.get(1), eventId));
      lists.put(String.format(kind.get(0), big), String.format(kind.get(1), bigId));
    }
    lists.put("GET /api/events/{id}/pitches?sort=open&cursor= (page 51, " + big + ")",
        "/api/events/" + bigId + "/pitches?sort=open&cursor=" + deepCursor(bigId, "open", 50));
    List<String> paths = List.copyOf(lists.values());
    // Warm-up: every person signs in once (links their identity), and the JIT sees the list handlers and queries.
    measure("warm-up: GET /api/me (first sign-in of each person)", PEOPLE, i -> get("/api/me", i));
    measure("warm-up: the pitch lists below, in turn", REQUESTS / 3, i -> get(paths.get(i % paths.size()), i));
    measure("GET /api/events/{id} (event JSON, " + small + ")", REQUESTS, i -> get("/api/events/" + eventId, i));
    lists.forEach((name, path) -> measure(name, REQUESTS, i -> get(path, i)));
    // One request at a time: the latency of a page itself, with no queue in front of it; 2,000 first this time.
    for (List<String> kind : kinds.subList(0, 2)) {
      for (long event : List.of(bigId, eventId)) {
        String name = String.format(kind.get(0), event == eventId ? small : big) + ", one at a time";
        String path = String.format(kind.get(1), event);
        measure(name, SEQUENTIAL, 1, i -> get(path, i));
      }
    }
    measure("GET /pitches/{id} (HTML pitch page)", REQUESTS, i -> get("/pitches/" + (1 + i % PITCHES), i));
    measure("GET /api/events/{id}/matches/me (matching for a person)", REQUESTS,
        i -> get("/api/events/" + eventId + "/matches/me", i));
    Random random = new Random(42);
    int[] targets = random.ints(PEOPLE, 1, PITCHES + 1).toArray();
    AtomicInteger joined = new AtomicInteger();
    AtomicInteger full = new AtomicInteger();
    measure("POST /api/pitches/{id}/join (join storm, every non-captain once)", PEOPLE - PITCHES, i -> {
      int person = PITCHES + i;
      return client.post("/api/pitches/" + targets[person] + "/join").bearerTokenAuthentication(tokens.get(person)).send()
          .map(r -> {
            (r.statusCode() == 200 ? joined : full).incrementAndGet();
            return new Reply(r.statusCode() == 200 || r.statusCode() == 409 ? 200 : r.statusCode(), r.body());
          });
    });
    long overfull = shipyard.pool().query("SELECT count(*) FROM pitches p WHERE (SELECT count(*) FROM team_members m "
        + "WHERE m.pitch_id = p.id) > p.capacity").execute().await().iterator().next().getLong(0);
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    String finished = loadAverage();
    System.out.printf("%n--- paste into BENCHMARKS.md ---%n%n");
    System.out.printf("Measured %s: %d cores, Java %s, max heap %d MiB; %d people, events of %d and %d pitches, "
            + "%d requests per scenario, %d in flight. Load average (1, 5, 15 min) %s at the start, %s at the end.%n%n",
        LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), PEOPLE, PITCHES, BIG_PITCHES, REQUESTS, CONCURRENCY,
        started, finished);
    System.out.println(Result.HEADER);
    results.forEach(r -> System.out.println(r.row()));
    System.out.printf("%n- Join storm: %d joined, %d refused (full or already on a team), %d teams over capacity.%n",
        joined.get(), full.get(), overfull);
    System.out.printf("- Heap used after the run and a GC (server, database pool and client in one JVM): %d MiB.%n",
        heap / (1024 * 1024));
  }

  /** A cursor {@code pages} pages of 20 into the event's list in {@code sort} order, found by following next. */
  private String deepCursor(long event, String sort, int pages) {
    String cursor = null;
    for (int page = 0; page < pages; page++) {
      String query = "/api/events/" + event + "/pitches?sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor);
      HttpResponse<Buffer> response = client.get(query).bearerTokenAuthentication(tokens.get(0)).send().await();
      cursor = response.bodyAsJsonObject().getString("next");
      if (cursor == null) {
        throw new IllegalStateException("The list has fewer than " + (pages + 1) + " pages of 20");
      }
    }
    return cursor;
  }

  /** The system's load average over 1, 5 and 15 minutes, as the operating system reports it. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (IOException | RuntimeException e) {
      return String.format("%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** What a request brought back: its status (the join storm counts a refusal as served) and its body. */
  private record Reply(int status, Buffer body) {
    int bytes() {
      return body == null ? 0 : body.length();
    }
  }

  private Future<Reply> get(String path, int i) {
    HttpRequest<Buffer> request = client.get(path).bearerTokenAuthentication(tokens.get(i % tokens.size()));
    return request.send().map(r -> new Reply(r.statusCode(), r.body()));
  }

  /** Sends {@code count} requests with at most {@link #CONCURRENCY} in flight and records their latencies. */
  private void measure(String name, int count, IntFunction<Future<Reply>> call) {
    measure(name, count, CONCURRENCY, call);
  }

  /** Sends {@code count} requests with at most {@code inFlight} at a time and records their latencies. */
  private void measure(String name, int count, int inFlight, IntFunction<Future<Reply>> call) {
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    LongAdder bytes = new LongAdder();
    long start = System.nanoTime();
    List<Future<Void>> workers = new ArrayList<>();
    for (int w = 0; w < Math.min(inFlight, count); w++) {
      workers.add(worker(next, count, latencies, errors, bytes, call));
    }
    Future.all(workers).await();
    Result result = new Result(name, count, Math.min(inFlight, count), System.nanoTime() - start, latencies,
        errors.get(), bytes.sum() / count,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    results.add(result);
    System.out.println(result.row());
  }

  private Future<Void> worker(AtomicInteger next, int count, long[] latencies, AtomicInteger errors, LongAdder bytes,
                              IntFunction<Future<Reply>> call) {
    int i = next.getAndIncrement();
    if (i >= count) {
      return Future.succeededFuture();
    }
    long sent = System.nanoTime();
    return call.apply(i).transform(ar -> {
      latencies[i] = System.nanoTime() - sent;
      if (ar.failed() || ar.result().status() != 200) {
        errors.incrementAndGet();
      } else {
        bytes.add(ar.result().bytes());
      }
      return worker(next, count, latencies, errors, bytes, call);
    });
  }

  private record Result(String name, int count, int inFlight, long nanos, long[] latencies, int errors,
                        long meanBytes, double load) {
    static final String HEADER = """
        | Scenario | Requests | In flight | Throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | Errors | Body (KB) | Load (1 min) |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|""";

    String row() {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return String.format("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %d | %.1f | %.1f |", name, count,
          inFlight, count / (nanos / 1e9), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), errors,
          meanBytes / 1024.0, load);
    }

    static double pct(long[] sorted, int p) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
  }
}
