package app.shipyard.support;

import app.shipyard.Shipyard;
import app.shipyard.config.AppConfig.DatabaseConfig;
import app.shipyard.config.ConfigLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * More Shipyard instances on the test database, as production runs several behind a load balancer: each has its own
 * Vert.x, pool, live feed and HTTP port, and shares only PostgreSQL with {@link TestShipyard}. The caller stops them.
 */
public final class TestInstances {

  private TestInstances() {}

  /** The test database as a {@code DATABASE_URL}. */
  public static String databaseUrl() {
    DatabaseConfig db = TestShipyard.get().database();
    return "postgres://" + encode(db.user()) + ":" + encode(db.password()) + "@" + db.host() + ":" + db.port() + "/"
        + db.database();
  }

  /** The environment another instance runs with: the tests' settings, on the test database. */
  public static Map<String, String> environment() {
    Map<String, String> env = TestShipyard.environment();
    env.put("DATABASE_URL", databaseUrl());
    return env;
  }

  /** Blocking: another instance in this JVM, with these settings over {@link #environment()}. */
  public static Shipyard start(Map<String, String> overrides) {
    try {
      Map<String, String> env = new HashMap<>(environment());
      env.put("SHIPYARD_DATA_DIR", Files.createTempDirectory(Path.of("target"), "instance-").toString());
      env.putAll(overrides);
      return Shipyard.start(new ConfigLoader(env).load());
    } catch (Exception e) {
      throw new IllegalStateException("Could not start another Shipyard instance", e);
    }
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
