package app.shipyard.bench;

import app.shipyard.Shipyard;
import app.shipyard.bench.LoadRun.Bearer;
import app.shipyard.bench.LoadRun.Call;
import app.shipyard.bench.LoadRun.Result;
import app.shipyard.config.ConfigLoader;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The showcase benchmark (issue 11, "Performance"): seeds {@link ShowcaseSeed} into {@code target/bench-showcase-data/}
 * (or reuses it), starts Shipyard on it, measures the archive search, the showcase home and a project page (full and
 * conditional answers apart) and the insights dashboard for a year at the HTTP level, and appends the figures to
 * BENCHMARKS.md ({@link ShowcaseReport}). The command and the knobs are in BENCHMARKS.md.
 */
public final class ShowcaseBench {

  private static final String IDP = "https://idp.showcase-bench.example";
  private static final String IDP_SECRET = "showcase-bench-identity-provider-secret-0123456789";
  static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);
  static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
  static final int SEARCH_ROUNDS = Integer.getInteger("bench.searchRounds", 5);
  static final int INSIGHT_ROUNDS = Integer.getInteger("bench.insightRounds", 10);
  /** Queries of every kind the archive answers: words, prefixes, typos, names, filters alone and together, pages. */
  static final List<String> SEARCHES = List.of("q=invoice", "q=invoic", "q=invoise+tracker", "q=energy+dashboard",
      "q=onboarding&year=2024", "tag=ai&outcome=shipped", "award=winner&year=2023", "skill=kotlin&location=@2",
      "department=design&kind=lab", "q=customer+support&award=finalist", "q=m%C3%BCller", "q=zimmerman",
      "q=chatbot&page=3", "q=smart&year=2019&tag=security", "outcome=shipped", "q=warehouse+scanner&skill=python",
      "q=predictive+forecast&department=finance", "year=2025&kind=day&award=prize", "q=accesibility",
      "q=voice&tag=accessibility&location=@3", "", "page=40", "q=payroll+planner&outcome=roadmap", "q=greener+energy");

  private final Shipyard shipyard;
  private final HttpClient client;
  private final List<String> tokens = new ArrayList<>();
  private final String leader;

  private ShowcaseBench(Shipyard shipyard) {
    this.shipyard = shipyard;
    this.client = shipyard.vertx().createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(shipyard.port()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(CONNECTIONS));
    JWTAuth idp = JWTAuth.create(shipyard.vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(IDP_SECRET)));
    // person1 is leadership (ShowcaseSeed gives every 500th person that role); the callers are employees.
    for (int i = 2; i < 2 + CONNECTIONS; i++) {
      tokens.add(token(idp, i));
    }
    this.leader = token(idp, 1);
  }

  private static String token(JWTAuth idp, int person) {
    String email = "person" + person + "@showcase.example";
    return idp.generateToken(new JsonObject().put("sub", email).put("email", email).put("name", email),
        new JWTOptions().setAlgorithm("HS256").setIssuer(IDP).setAudience(List.of("shipyard-bench"))
            .setExpiresInMinutes(120));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HTTP_PORT", "0");
    env.put("SHIPYARD_DATA_DIR", System.getProperty("bench.dataDir", Path.of("target", "bench-showcase-data").toString()));
    env.put("SAMPLE_DATA", "false");
    env.put("SSO_ISSUER", IDP);
    env.put("SSO_AUDIENCE", "shipyard-bench");
    env.put("SSO_HS256_SECRET", IDP_SECRET);
    Shipyard shipyard = Shipyard.start(new ConfigLoader(env).load());
    int status = 1;
    try {
      List<ShowcaseSeed.Step> seed = List.of();
      if (!ShowcaseSeed.seeded(shipyard.pool()).await()) {
        seed = ShowcaseSeed.load(shipyard.pool()).await();
      }
      ShowcaseReport report = new ShowcaseReport(seed);
      new ShowcaseBench(shipyard).run(report);
      report.append(Path.of("BENCHMARKS.md"));
      status = 0;
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      shipyard.stop();
      System.exit(status);
    }
  }

  private void run(ShowcaseReport report) {
    LoadRun load = new LoadRun(client, tokens.get(0));
    // Warm-up: every caller signs in once (links their identity), and the JIT sees every handler.
    tokens.forEach(t -> load.etag("/api/me", t, null));
    // Ids as the seed got them (sequences move on even when a seed is rolled back): @n is the n-th location.
    long firstLocation = first("locations");
    long firstPitch = first("pitches");
    List<Call> searches = new ArrayList<>();
    for (int round = 0; round < SEARCH_ROUNDS; round++) {
      SEARCHES.stream().map(q -> located(q, firstLocation))
          .forEach(q -> searches.add(new Call("/api/showcase/search" + (q.isEmpty() ? "" : "?" + q), null)));
    }
    load.sequence("warm-up: the searches once", searches.subList(0, SEARCHES.size()));
    report.add(load.sequence("GET /api/showcase/search (" + SEARCHES.size() + " queries and filters, facet counts), "
        + "one at a time", searches), "p95 ≤ 30 ms");
    if (Boolean.getBoolean("bench.searchCold")) {
      // The same searches with no answer kept: a change recorded before each moves the search version (V20).
      report.add(load.sequence("GET /api/showcase/search, the same, none kept (the search version moved before each)",
          searches, () -> shipyard.pool().query("INSERT INTO search_changes DEFAULT VALUES").execute()), "p95 ≤ 30 ms");
    }
    String year = "/insights?from=2025-01-01&to=2025-12-31";
    List<Call> insights = new ArrayList<>();
    for (int i = 0; i < INSIGHT_ROUNDS; i++) {
      insights.add(new Call(year, null));
    }
    LoadRun leadership = new LoadRun(client, leader);
    leadership.etag("/api/me", leader, null);
    leadership.sequence("warm-up: the dashboard", insights.subList(0, 2));
    report.add(leadership.sequence("GET /insights for 2025 (leadership, HTML), one at a time", insights), "p95 ≤ 200 ms");
    throughput(report, load, "GET /showcase (the showcase home, HTML)", List.of("/showcase"));
    List<String> projects = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      projects.add("/projects/" + (firstPitch + i * 4999L));
    }
    throughput(report, load, "GET /projects/{id} (a project page, HTML, 20 projects)", projects);
  }

  private long first(String table) {
    return shipyard.pool().query("SELECT min(id) FROM " + table).execute().await().iterator().next().getLong(0);
  }

  private static String located(String query, long firstLocation) {
    return java.util.regex.Pattern.compile("@(\\d+)").matcher(query)
        .replaceAll(m -> String.valueOf(firstLocation + Long.parseLong(m.group(1)) - 1));
  }

  /**
   * Full answers, then the same callers with the ETag they already hold (answered 304), {@link #CONNECTIONS} at once.
   * Each caller sends back the cookies its first answer set (the form token), as a browser does.
   */
  private void throughput(ShowcaseReport report, LoadRun load, String name, List<String> paths) {
    List<String> cookies = new ArrayList<>();
    for (int c = 0; c < CONNECTIONS; c++) {
      cookies.add(load.cookies(paths.get(0), tokens.get(c)));
    }
    load.closedLoop("warm-up", CONNECTIONS, 3, (c, n) -> full(paths, cookies, c, n));
    report.add(load.closedLoop(name + ", full answers", CONNECTIONS, SECONDS, (c, n) -> full(paths, cookies, c, n)),
        "≥ 5,000 req/s, p99 ≤ 50 ms");
    Map<String, String> etags = new HashMap<>();
    for (int c = 0; c < CONNECTIONS; c++) {
      for (String path : paths) {
        etags.put(c + " " + path, load.etag(path, tokens.get(c), cookies.get(c)));
      }
    }
    report.add(load.closedLoop(name + ", conditional (If-None-Match)", CONNECTIONS, SECONDS, (c, n) -> {
      String path = paths.get((c + n) % paths.size());
      return new Bearer(new Call(path, etags.get(c + " " + path)), tokens.get(c), cookies.get(c));
    }), "≥ 5,000 req/s, p99 ≤ 50 ms");
  }

  private Bearer full(List<String> paths, List<String> cookies, int caller, int n) {
    return new Bearer(new Call(paths.get((caller + n) % paths.size()), null), tokens.get(caller), cookies.get(caller));
  }
}
