package app.shipyard.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Sample screenshots")
class SampleScreenshotsTest {

  private Events events;
  private String employee;
  private String other;
  private String third;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    Api api = new Api(vertx);
    events = new Events(api);
    employee = api.token(TestShipyard.EMPLOYEE);
    other = api.token(TestShipyard.OTHER_EMPLOYEE);
    third = Events.person("tia@test.example", "Tia Third", "Sales", "Berlin");
  }

  private static long attachments(long pitch) {
    return Fixture.count("SELECT count(*) FROM attachments WHERE pitch_id = $1 AND preview IS NOT NULL "
        + "AND media_type = 'image/png' AND width = 1280", pitch);
  }

  /** Runs the sample step as the sample loader does, on a Vert.x context of the running Shipyard. */
  private static void load() {
    Promise<Void> done = Promise.promise();
    TestShipyard.get().vertx().getOrCreateContext().runOnContext(v ->
        new SampleScreenshots(TestShipyard.pool()).load().onComplete(done));
    done.future().await();
  }

  @Test
  @DisplayName("Winners of archived events and the first two projects of a running event get one screenshot each, once")
  void screenshots() {
    long past = events.create(new JsonObject().put("title", "ShipIt 6"));
    events.moveTo(past, "pitching");
    long winner = events.pitch(employee, past, new JsonObject().put("title", "The winner"));
    long runnerUp = events.pitch(other, past, new JsonObject().put("title", "Runner-up"));
    events.moveTo(past, "archived");
    TestShipyard.pool().preparedQuery("INSERT INTO awards (event_id, pitch_id, kind, title, awarded_by) "
        + "VALUES ($1, $2, 'winner', 'People''s choice', $3)")
        .execute(Tuple.of(past, winner, Fixture.personId(TestShipyard.ORGANISER))).await();
    long current = events.create(new JsonObject());
    events.moveTo(current, "pitching");
    long first = events.pitch(employee, current, new JsonObject().put("title", "First"));
    long second = events.pitch(other, current, new JsonObject().put("title", "Second"));
    long last = events.pitch(third, current, new JsonObject().put("title", "Third"));

    load();
    assertEquals(1, attachments(winner));
    assertEquals(0, attachments(runnerUp), "only winners of archived events");
    assertEquals(1, attachments(first));
    assertEquals(1, attachments(second));
    assertEquals(0, attachments(last));
    load();
    assertEquals(3, Fixture.count("SELECT count(*) FROM attachments"), "a second run adds nothing");
  }
}
