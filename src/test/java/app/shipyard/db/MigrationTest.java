package app.shipyard.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.config.AppConfig.DatabaseConfig;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Database migrations")
class MigrationTest {

  @BeforeEach
  void setUp() {
    TestShipyard.reset();
  }

  private static DatabaseConfig testDatabase(String database) throws IOException {
    Row row = TestShipyard.pool().query("SELECT current_database(), inet_server_port()").execute().await()
        .iterator().next();
    String password = Files.readString(Path.of("target", "test-data", "embedded", "postgres-password")).trim();
    return new DatabaseConfig("127.0.0.1", row.getInteger(1), database == null ? row.getString(0) : database,
        "postgres", password);
  }

  private static long migrationFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("sql"))) {
      return files.filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
    }
  }

  @Test
  @DisplayName("Running the migrations again on the already migrated test database applies none (restart is safe)")
  void idempotent(Vertx vertx) throws IOException {
    long before = Fixture.count("SELECT count(*) FROM flyway_schema_history");
    int applied = Database.migrate(vertx, testDatabase(null)).await();
    assertEquals(0, applied);
    assertEquals(before, Fixture.count("SELECT count(*) FROM flyway_schema_history"));
    assertEquals(migrationFiles(), Fixture.count("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"));
    // The data is untouched.
    assertEquals(5, Fixture.count("SELECT count(*) FROM people"));
  }

  @Test
  @DisplayName("On an empty database every migration applies, and a second run applies none")
  void freshDatabase(Vertx vertx) throws IOException {
    var pool = TestShipyard.pool();
    pool.query("DROP DATABASE IF EXISTS migration_check").execute().await();
    pool.query("CREATE DATABASE migration_check").execute().await();
    try {
      DatabaseConfig fresh = testDatabase("migration_check");
      int first = Database.migrate(vertx, fresh).await();
      assertEquals(migrationFiles(), first);
      assertTrue(first >= 1);
      assertEquals(0, Database.migrate(vertx, fresh).await());
    } finally {
      pool.query("DROP DATABASE IF EXISTS migration_check WITH (FORCE)").execute().await();
    }
  }
}
