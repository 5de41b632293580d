package app.shipyard.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.db.LiveNotice;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Demo session: every committed change tells the live feed, a refused one does not")
class StageNoticeTest {

  private static final String LISTENER = "stage_notice_listener";
  private static final String PASSWORD = "listener-password-for-tests";

  private StageFixture f;
  private PgConnection listener;
  private final LinkedBlockingQueue<String> notices = new LinkedBlockingQueue<>();

  /** A plain connection of its own (not the server's pool) that LISTENs on the live channel. */
  @BeforeEach
  void setUp(Vertx vertx) {
    f = new StageFixture(vertx);
    Row db = TestShipyard.pool().query("SELECT current_database() AS db, inet_server_port() AS port").execute()
        .await().iterator().next();
    TestShipyard.pool().query("DO $$ BEGIN CREATE ROLE " + LISTENER + " LOGIN PASSWORD '" + PASSWORD + "'; "
        + "EXCEPTION WHEN duplicate_object THEN NULL; END $$").execute().await();
    listener = PgConnection.connect(vertx, new PgConnectOptions().setHost("127.0.0.1")
        .setPort(db.getInteger("port")).setDatabase(db.getString("db")).setUser(LISTENER).setPassword(PASSWORD))
        .await();
    // Only the stage's notices: phase moves, votes and presence share the channel with their own topics.
    listener.notificationHandler(n -> {
      if (n.getPayload().contains("\"topic\":\"stage\"")) {
        notices.add(n.getChannel() + " " + n.getPayload());
      }
    });
    listener.query("LISTEN " + LiveNotice.CHANNEL).execute().await();
  }

  @AfterEach
  void tearDown() {
    if (listener != null) {
      listener.close().await();
    }
  }

  @Test
  @DisplayName("A NOTIFY with the event and topic stage arrives for each change, and none for a refused one")
  void notices() throws InterruptedException {
    f.done("build");
    String expected = LiveNotice.CHANNEL + " " + new JsonObject().put("eventId", f.event).put("topic", "stage")
        .encode();
    assertEquals(expected, notices.poll(5, TimeUnit.SECONDS));
    assertEquals(409, f.act("build", new JsonObject()).statusCode());
    assertEquals(400, f.act("length", new JsonObject().put("slotId", 1).put("seconds", 5)).statusCode());
    f.events.moveTo(f.event, "demos");
    assertEquals(409, f.act("pause", new JsonObject()).statusCode());
    f.done("start");
    assertEquals(expected, notices.poll(5, TimeUnit.SECONDS), "the refusals before it sent nothing");
    assertTrue(notices.poll(500, TimeUnit.MILLISECONDS) == null, "one notice per change");
  }
}
