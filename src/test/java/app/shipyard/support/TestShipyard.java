package app.shipyard.support;

import app.shipyard.Shipyard;
import app.shipyard.config.AppConfig;
import app.shipyard.config.ConfigLoader;
import app.shipyard.db.Retry;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One real Shipyard (HTTP server + real PostgreSQL, embedded unless {@code DATABASE_URL} is set) shared by
 * every test in the JVM. {@link #reset()} empties the database and loads a small known fixture.
 */
public final class TestShipyard {

  public static final String PASSWORD = "correct horse battery";
  public static final String SSO_ISSUER = "https://idp.test.example";
  public static final String SSO_AUDIENCE = "shipyard-test";
  public static final String SSO_SECRET = "identity-provider-test-secret-0123456789abcdef";
  public static final String ADMIN = "admin@test.example";
  public static final String ORGANISER = "organiser@test.example";
  public static final String LEADERSHIP = "leadership@test.example";
  public static final String EMPLOYEE = "employee@test.example";
  public static final String OTHER_EMPLOYEE = "other@test.example";
  /** Where a proxy in front of the test server would serve it (it accepts form posts from this Origin). */
  public static final String PUBLIC_ORIGIN = "https://shipyard.test.example";
  /** What a Prometheus scraper presents to read {@code /metrics} without signing in. */
  public static final String METRICS_TOKEN = "metrics-scraper-test-token-0123456789abcdef";

  private static Shipyard shipyard;
  private static String passwordHash;

  private TestShipyard() {}

  public static synchronized Shipyard get() {
    if (shipyard == null) {
      try {
        Path data = Path.of("target", "test-data");
        deleteTree(data);
        Map<String, String> env = environment();
        env.put("SHIPYARD_DATA_DIR", data.toString());
        AppConfig config = new ConfigLoader(env).load();
        shipyard = Shipyard.start(config);
        passwordHash = Password.hash(PASSWORD).addRandomSalt(16)
            .with(Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID)).getResult();
        Runtime.getRuntime().addShutdownHook(new Thread(shipyard::stop));
      } catch (Exception e) {
        throw new IllegalStateException("Could not start Shipyard for tests", e);
      }
    }
    return shipyard;
  }

  /**
   * The settings every test instance runs with (the first one's embedded database aside): the identity provider,
   * origins, tokens and limits the tests rely on. A second instance ({@link TestInstances}) adds the database's URL.
   */
  static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HTTP_PORT", "0");
    env.put("HTTP_INSTANCES", "1");
    env.put("SAMPLE_DATA", "false");
    env.put("SIGN_IN_MAX_FAILURES_PER_ACCOUNT", "5");
    env.put("SIGN_IN_MAX_FAILURES_PER_ADDRESS", "40");
    env.put("SSO_ISSUER", SSO_ISSUER);
    env.put("SHIPYARD_PUBLIC_ORIGINS", PUBLIC_ORIGIN);
    env.put("SSO_AUDIENCE", SSO_AUDIENCE);
    env.put("SSO_HS256_SECRET", SSO_SECRET);
    env.put("SHIPYARD_METRICS_TOKEN", METRICS_TOKEN);
    env.putIfAbsent("SHIPYARD_SIGNING_SECRET", "test-signing-secret-0123456789abcdef0123456789");
    return env;
  }

  public static int port() {
    return get().port();
  }

  public static Pool pool() {
    return get().pool();
  }

  /** Empties every table and loads the fixture: five locations and one person per role (plus a second employee). */
  public static void reset() {
    Pool pool = pool();
    String tables = "SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables "
        + "WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'";
    pool.query(tables).execute()
        // Run again if chosen to break a deadlock: the server's background work (the insights' minutely refresh)
        // may hold some of these tables while the TRUNCATE takes them all.
        .compose(rows -> Retry.transaction(pool, tx -> tx.query("TRUNCATE " + rows.iterator().next().getString(0)
            + " RESTART IDENTITY CASCADE").execute()))
        .compose(done -> pool.preparedQuery("INSERT INTO locations (name, time_zone, remote) VALUES ($1, $2, $3)")
            .executeBatch(List.of(Tuple.of("Berlin", "Europe/Berlin", false), Tuple.of("New York", "America/New_York", false),
                Tuple.of("Singapore", "Asia/Singapore", false), Tuple.of("Sydney", "Australia/Sydney", false),
                Tuple.of("Remote", "UTC", true))))
        .compose(done -> Future.all(List.of(
            person(ADMIN, "Ada Admin", "People", "admin"),
            person(ORGANISER, "Olga Organiser", "Product", "organiser"),
            person(LEADERSHIP, "Leo Leader", "Engineering", "leadership"),
            person(EMPLOYEE, "Emma Employee", "Engineering", null),
            person(OTHER_EMPLOYEE, "Otto Other", "Design", null))))
        .await();
  }

  private static Future<Void> person(String email, String name, String department, String extraRole) {
    Pool pool = pool();
    return pool.preparedQuery("INSERT INTO people (email, display_name, department, location_id, password_hash) "
            + "VALUES ($1, $2, $3, 1, $4) RETURNING id")
        .execute(Tuple.of(email, name, department, passwordHash))
        .compose(rows -> {
          long id = rows.iterator().next().getLong(0);
          String[] roles = extraRole == null ? new String[] {"employee"} : new String[] {"employee", extraRole};
          return pool.preparedQuery("INSERT INTO person_roles (person_id, role) SELECT $1, unnest($2::text[])")
              .execute(Tuple.of(id).addArrayOfString(roles));
        }).mapEmpty();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
