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
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
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
  static final int REQUESTS = Integer.getInteger("bench.requests", 3000);
  static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);

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
    long eventId = Seed.load(shipyard.pool(), PEOPLE, PITCHES);
    JWTAuth idp = JWTAuth.create(shipyard.vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(IDP_SECRET)));
    for (int i = 0; i < PEOPLE; i++) {
      String email = Seed.email(i);
      tokens.add(idp.generateToken(new JsonObject().put("sub", email).put("email", email).put("name", email),
          new JWTOptions().setAlgorithm("HS256").setIssuer(IDP).setAudience(List.of("shipyard-bench")).setExpiresInMinutes(60)));
    }
    // Warm-up: every person signs in once (links their identity) and the JIT sees every handler.
    measure("warm-up: GET /api/me (first sign-in of each person)", PEOPLE, i -> get("/api/me", i));
    measure("GET /api/events/{id} (event with " + PITCHES + " pitches, JSON)", REQUESTS, i -> get("/api/events/" + eventId, i));
    measure("GET /events/{id}/pitches?sort=interest (HTML list)", REQUESTS,
        i -> get("/events/" + eventId + "/pitches?sort=interest", i));
    measure("GET /api/events/{id}/pitches?skill=Kafka&open=true", REQUESTS,
        i -> get("/api/events/" + eventId + "/pitches?skill=Kafka&open=true", i));
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
            return r.statusCode() == 200 || r.statusCode() == 409 ? 200 : r.statusCode();
          });
    });
    long overfull = shipyard.pool().query("SELECT count(*) FROM pitches p WHERE (SELECT count(*) FROM team_members m "
        + "WHERE m.pitch_id = p.id) > p.capacity").execute().await().iterator().next().getLong(0);
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.println();
    System.out.println("| Scenario | Requests | Concurrency | Throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | Errors |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    results.forEach(r -> System.out.println(r.row()));
    System.out.printf("%nJoin storm: %d joined, %d refused (full or already on a team), %d teams over capacity.%n",
        joined.get(), full.get(), overfull);
    System.out.printf("Heap used after the run and a GC (server, database pool and client in one JVM): %d MiB%n",
        heap / (1024 * 1024));
    System.out.printf("Cores: %d, max heap: %d MiB, Java %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"));
  }

  private Future<Integer> get(String path, int i) {
    HttpRequest<Buffer> request = client.get(path).bearerTokenAuthentication(tokens.get(i % tokens.size()));
    return request.send().map(HttpResponse::statusCode);
  }

  /** Sends {@code count} requests with at most {@link #CONCURRENCY} in flight and records their latencies. */
  private void measure(String name, int count, IntFunction<Future<Integer>> call) {
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<Void>> workers = new ArrayList<>();
    for (int w = 0; w < Math.min(CONCURRENCY, count); w++) {
      workers.add(worker(next, count, latencies, errors, call));
    }
    Future.all(workers).await();
    Result result = new Result(name, count, System.nanoTime() - start, latencies, errors.get());
    results.add(result);
    System.out.println(result.row());
  }

  private Future<Void> worker(AtomicInteger next, int count, long[] latencies, AtomicInteger errors,
                              IntFunction<Future<Integer>> call) {
    int i = next.getAndIncrement();
    if (i >= count) {
      return Future.succeededFuture();
    }
    long sent = System.nanoTime();
    return call.apply(i).transform(ar -> {
      latencies[i] = System.nanoTime() - sent;
      if (ar.failed() || ar.result() != 200) {
        errors.incrementAndGet();
      }
      return worker(next, count, latencies, errors, call);
    });
  }

  private record Result(String name, int count, long nanos, long[] latencies, int errors) {
    String row() {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return String.format("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %d |", name, count, Math.min(CONCURRENCY, count),
          count / (nanos / 1e9), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), errors);
    }

    static double pct(long[] sorted, int p) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
  }
}
