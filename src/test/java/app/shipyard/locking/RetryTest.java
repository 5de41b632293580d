package app.shipyard.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database is made to roll joins back as it would for a deadlock or a serialization failure: a trigger raises
 * that SQLSTATE when the join ends the person's free-agent listing, its last write, after the team row is written.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Transactions the database rolls back for a deadlock or a serialization failure")
class RetryTest {

  private static final String FAIL = """
      CREATE SEQUENCE contention_attempts;
      CREATE FUNCTION contention() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('contention_attempts') <= %d THEN
          RAISE EXCEPTION 'rolled back by the test' USING ERRCODE = '%s';
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER contention AFTER DELETE ON free_agents FOR EACH ROW EXECUTE FUNCTION contention();
      """;
  private static final String HEAL = """
      DROP TRIGGER IF EXISTS contention ON free_agents;
      DROP FUNCTION IF EXISTS contention();
      DROP SEQUENCE IF EXISTS contention_attempts;
      """;

  private Api api;
  private Events events;
  private long pitch;
  private String otto;
  private long ottoId;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    long event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    pitch = events.pitch(api.token(TestShipyard.EMPLOYEE), event, new JsonObject().put("title", "Retried"));
    otto = api.token(TestShipyard.OTHER_EMPLOYEE);
    ottoId = Fixture.personId(TestShipyard.OTHER_EMPLOYEE);
    HttpResponse<Buffer> listed = api.client().put("/api/events/" + event + "/free-agents/me")
        .bearerTokenAuthentication(otto).sendJsonObject(new JsonObject().put("wants", "a team")).await();
    assertEquals(200, listed.statusCode(), listed.bodyAsString());
  }

  @AfterEach
  void tearDown() {
    TestShipyard.pool().query(HEAL).execute().await();
  }

  private void rollBack(int times, String sqlState) {
    TestShipyard.pool().query(HEAL + FAIL.formatted(times, sqlState)).execute().await();
  }

  private HttpResponse<Buffer> join() {
    return events.post(otto, "/api/pitches/" + pitch + "/join", new JsonObject());
  }

  private long attempts() {
    return Fixture.count("SELECT last_value FROM contention_attempts");
  }

  @Test
  @DisplayName("A join rolled back once for a deadlock runs again and succeeds: the person is on the team once and "
      + "no longer listed as a free agent")
  void deadlockIsRetried() {
    rollBack(1, "40P01");
    LockWatch watch = LockWatch.start();
    HttpResponse<Buffer> joined;
    try {
      joined = join();
      assertEquals(1, watch.logLines().size(), "the retry is logged, as the storm tests expect: " + watch.logLines());
    } finally {
      watch.stop();
    }
    assertEquals(200, joined.statusCode(), joined.bodyAsString());
    assertEquals(2, attempts());
    assertEquals(1, Fixture.count("SELECT count(*) FROM team_members WHERE pitch_id = $1 AND person_id = $2", pitch, ottoId));
    assertEquals(0, Fixture.count("SELECT count(*) FROM free_agents WHERE person_id = $1", ottoId));
  }

  @Test
  @DisplayName("A join that keeps losing to serialization failures is tried four times, then answered 503 "
      + "\"busy, try again\" with nothing written")
  void lastingContentionIsBusy() {
    rollBack(Integer.MAX_VALUE, "40001");
    HttpResponse<Buffer> refused = join();
    assertEquals(503, refused.statusCode(), refused.bodyAsString());
    assertEquals("Shipyard is busy right now and saved nothing; please try again.",
        refused.bodyAsJsonObject().getString("error"));
    assertEquals(4, attempts());
    assertEquals(0, Fixture.count("SELECT count(*) FROM team_members WHERE person_id = $1", ottoId));
    assertEquals(1, Fixture.count("SELECT count(*) FROM free_agents WHERE person_id = $1", ottoId));
  }

  @Test
  @DisplayName("The join form answers a lasting deadlock with the busy page, not an error page with a cause")
  void lastingDeadlockPage() {
    rollBack(Integer.MAX_VALUE, "40P01");
    Api.Browser browser = api.browser().signIn(TestShipyard.OTHER_EMPLOYEE);
    HttpResponse<Buffer> page = browser.postForm("/pitches/" + pitch, "/pitches/" + pitch + "/join",
        MultiMap.caseInsensitiveMultiMap());
    assertEquals(503, page.statusCode());
    assertTrue(page.bodyAsString().contains("Shipyard is busy right now and saved nothing; please try again."),
        page.bodyAsString());
    assertTrue(!page.bodyAsString().contains("40P01") && !page.bodyAsString().contains("PgException"));
    assertEquals(0, Fixture.count("SELECT count(*) FROM team_members WHERE person_id = $1", ottoId));
  }
}
