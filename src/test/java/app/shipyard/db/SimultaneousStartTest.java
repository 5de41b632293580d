package app.shipyard.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.Shipyard;
import app.shipyard.support.TestInstances;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several instances share one database and each migrates it at start (see README, "Running several instances"). */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, timeUnit = TimeUnit.SECONDS)
@DisplayName("Migrations when several instances start at once")
class SimultaneousStartTest {

  @Test
  @DisplayName("Two instances started at the same moment on an empty database both come up, with each migration applied once")
  void startTogetherOnAnEmptyDatabase(Vertx vertx) throws Exception {
    String fresh = "shipyard_fresh_" + ProcessHandle.current().pid();
    TestShipyard.pool().query("DROP DATABASE IF EXISTS " + fresh + " WITH (FORCE)").execute().await();
    TestShipyard.pool().query("CREATE DATABASE " + fresh).execute().await();
    Map<String, String> onFresh = Map.of("DATABASE_URL", TestInstances.databaseUrl().replaceFirst("/[^/]+$", "/" + fresh));
    ExecutorService starters = Executors.newFixedThreadPool(2);
    List<Shipyard> started = new ArrayList<>();
    try {
      Callable<Shipyard> start = () -> TestInstances.start(onFresh);
      for (java.util.concurrent.Future<Shipyard> instance : starters.invokeAll(List.of(start, start))) {
        started.add(instance.get());
      }
      String applied = "SELECT string_agg(version || ':' || success, ' ' ORDER BY installed_rank) AS v "
          + "FROM flyway_schema_history WHERE version IS NOT NULL";
      String expected = TestShipyard.pool().query(applied).execute().await().iterator().next().getString("v");
      for (Shipyard instance : started) {
        assertEquals(expected, instance.pool().query(applied).execute().await().iterator().next().getString("v"));
        assertEquals(200, WebClient.create(vertx).get(instance.port(), "127.0.0.1", "/health").send().await()
            .statusCode());
      }
    } finally {
      starters.shutdownNow();
      started.forEach(Shipyard::stop);
      TestShipyard.pool().query("DROP DATABASE IF EXISTS " + fresh + " WITH (FORCE)").execute().await();
    }
  }
}
