package app.shipyard.stage;

import static app.shipyard.stage.StageFixture.error;
import static app.shipyard.stage.StageFixture.field;
import static app.shipyard.stage.StageFixture.slotId;
import static app.shipyard.stage.StageFixture.slotIds;
import static app.shipyard.stage.StageFixture.states;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Demo session: arranging and driving the running order")
class RunningOrderApiTest {

  private StageFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new StageFixture(vertx);
  }

  @Test
  @DisplayName("Building the running order takes every team once, in pitch order, three minutes each")
  void build() {
    assertEquals("", states(f.order()));
    JsonObject order = f.done("build");
    assertEquals("Bot:pending Data:pending Docs:pending", states(order));
    assertEquals("Emma Employee", order.getJsonArray("slots").getJsonObject(0).getString("team"));
    assertEquals(180, order.getJsonArray("slots").getJsonObject(1).getInteger("seconds"));
    assertNull(order.getValue("onStage"));
    assertEquals("Bot", order.getJsonObject("nextUp").getString("title"));
    HttpResponse<Buffer> again = f.act("build", new JsonObject());
    assertEquals(409, again.statusCode());
    assertEquals("Every team of this event is in the running order already.", error(again));
  }

  @Test
  @DisplayName("A late team is added at the end, once; a pitch of another event or no team at all is refused")
  void lateTeam() {
    f.done("build");
    long late = f.lateTeam("Late bloomers");
    JsonObject order = f.done("add", new JsonObject().put("pitchId", late).put("seconds", 120));
    assertEquals("Bot:pending Data:pending Docs:pending Late bloomers:pending", states(order));
    assertEquals(4, order.getJsonArray("slots").getJsonObject(3).getInteger("position"));
    assertEquals(120, order.getJsonArray("slots").getJsonObject(3).getInteger("seconds"));
    HttpResponse<Buffer> twice = f.act("add", new JsonObject().put("pitchId", late));
    assertEquals(400, twice.statusCode());
    assertEquals("is already in the running order", field(twice, "pitchId"));
    long other = f.events.create(new JsonObject().put("title", "Other event"));
    f.events.moveTo(other, "pitching");
    long elsewhere = f.events.pitch(f.emma, other, new JsonObject().put("title", "Elsewhere"));
    HttpResponse<Buffer> foreign = f.act("add", new JsonObject().put("pitchId", elsewhere));
    assertEquals(400, foreign.statusCode());
    assertTrue(field(foreign, "pitchId").startsWith("must be a team of this event"), foreign.bodyAsString());
    assertEquals(400, f.act("add", new JsonObject()).statusCode(), "a pitch is required");
    assertEquals(4, Fixture.count("SELECT count(*) FROM demo_slots WHERE event_id = $1", f.event));
  }

  @Test
  @DisplayName("Reorder, lengths, skip and restore change the running order as asked")
  void arrange() {
    JsonObject order = f.done("build");
    List<Long> ids = slotIds(order);
    order = f.done("reorder", new JsonObject().put("slotIds", new JsonArray().add(ids.get(2)).add(ids.get(0))
        .add(ids.get(1))));
    assertEquals("Docs:pending Bot:pending Data:pending", states(order));
    order = f.done("length", new JsonObject().put("slotId", ids.get(0)).put("seconds", 300));
    assertEquals(300, order.getJsonArray("slots").getJsonObject(1).getInteger("seconds"));
    order = f.done("skip", new JsonObject().put("slotId", ids.get(1)));
    assertEquals("Docs:pending Bot:pending Data:skipped", states(order));
    order = f.done("restore", new JsonObject().put("slotId", ids.get(1)));
    assertEquals("Docs:pending Bot:pending Data:pending", states(order));
    assertEquals(withoutTimes(order), withoutTimes(f.order()), "what the actions answer is what everyone reads");
  }

  private static JsonObject withoutTimes(JsonObject order) {
    JsonObject copy = order.copy();
    copy.remove("serverTime");
    return copy.put("asOf", null);
  }

  @Test
  @DisplayName("Bad input is refused field by field, and refused changes write nothing")
  void refusals() {
    JsonObject order = f.done("build");
    List<Long> ids = slotIds(order);
    HttpResponse<Buffer> tooShort = f.act("length", new JsonObject().put("slotId", ids.get(0)).put("seconds", 29));
    assertEquals(400, tooShort.statusCode());
    assertEquals("must be a whole number from 30 to 1800", field(tooShort, "seconds"));
    HttpResponse<Buffer> tooLong = f.act("length", new JsonObject().put("slotId", ids.get(0)).put("seconds", 1801));
    assertEquals(400, tooLong.statusCode());
    HttpResponse<Buffer> noSlot = f.act("skip", new JsonObject());
    assertEquals("is required", field(noSlot, "slotId"));
    HttpResponse<Buffer> strange = f.act("skip", new JsonObject().put("slotId", 999_999));
    assertEquals(400, strange.statusCode());
    assertEquals("is not a slot of this running order", field(strange, "slotId"));
    HttpResponse<Buffer> partial = f.act("reorder", new JsonObject().put("slotIds", new JsonArray().add(ids.get(0))));
    assertEquals("must list every slot of the running order once", field(partial, "slotIds"));
    assertEquals(400, f.act("reorder", new JsonObject().put("slotIds", "all")).statusCode());
    assertEquals(400, f.act("length", new JsonObject().put("slotId", "x").put("seconds", 60)).statusCode());
    assertEquals(404, f.act("dance", new JsonObject()).statusCode());
    assertEquals(404, f.events.post(f.organiser, "/api/events/999999/running-order/build", new JsonObject())
        .statusCode());
    assertEquals("Bot:pending Data:pending Docs:pending", states(f.order()));
    assertEquals(180, f.order().getJsonArray("slots").getJsonObject(0).getInteger("seconds"));
  }

  @Test
  @DisplayName("The session is driven only in demos; it is arranged from building on, and not after the demos")
  void phases() {
    f.done("build");
    HttpResponse<Buffer> early = f.act("start", new JsonObject());
    assertEquals(409, early.statusCode());
    assertEquals("The demo session runs in the demos phase; this event is in Building.", error(early));
    f.events.moveTo(f.event, "results");
    HttpResponse<Buffer> late = f.act("skip", new JsonObject().put("slotId", slotIds(f.order()).get(0)));
    assertEquals(409, late.statusCode());
    assertTrue(error(late).startsWith("The running order is arranged in the building and demos phases"));
  }

  @Test
  @DisplayName("Start, pause, resume, next and previous move the stage; the clock runs on the server, frozen while paused")
  void drive() throws InterruptedException {
    f.done("build");
    f.events.moveTo(f.event, "demos");
    JsonObject order = f.done("start");
    assertEquals("Bot:on_stage Data:pending Docs:pending", states(order));
    assertTrue(order.getJsonObject("onStage").getBoolean("running"));
    long first = f.order().getJsonObject("onStage").getLong("elapsedMs");
    Thread.sleep(300);
    JsonObject later = f.order();
    assertTrue(later.getJsonObject("onStage").getLong("elapsedMs") >= first + 250, later.encode());
    assertTrue(later.getLong("serverTime") >= later.getLong("asOf") - 5);

    long paused = f.done("pause").getJsonObject("onStage").getLong("elapsedMs");
    Thread.sleep(300);
    JsonObject frozen = f.order().getJsonObject("onStage");
    assertEquals(paused, frozen.getLong("elapsedMs"));
    assertEquals(false, frozen.getBoolean("running"));
    assertEquals(409, f.act("pause", new JsonObject()).statusCode());

    f.done("resume");
    Thread.sleep(200);
    assertTrue(f.order().getJsonObject("onStage").getLong("elapsedMs") >= paused + 150);

    order = f.done("next");
    assertEquals("Bot:done Data:on_stage Docs:pending", states(order));
    assertTrue(order.getJsonObject("onStage").getLong("elapsedMs") < 200, "Data's clock starts at zero");
    order = f.done("previous");
    assertEquals("Bot:on_stage Data:pending Docs:pending", states(order));
    assertTrue(order.getJsonObject("onStage").getLong("elapsedMs") >= paused + 150, "Bot's clock carries on");
    f.done("next");
    f.done("next");
    order = f.done("next");
    assertEquals("Bot:done Data:done Docs:done", states(order));
    assertNull(order.getValue("onStage"));
    HttpResponse<Buffer> over = f.act("next", new JsonObject());
    assertEquals(409, over.statusCode());
    assertEquals("No slot is still to come: every team has been shown or skipped.", error(over));
  }

  @Test
  @DisplayName("Twenty organisers pressing start at once put exactly one slot on stage")
  void concurrentStarts(Vertx vertx) {
    JsonObject order = f.done("build");
    f.events.moveTo(f.event, "demos");
    WebClient wide = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(TestShipyard.port()), new PoolOptions().setHttp1MaxSize(32));
    List<Long> ids = slotIds(order);
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(wide.post(f.path("start")).bearerTokenAuthentication(f.organiser)
          .sendJsonObject(new JsonObject().put("slotId", ids.get(i % ids.size()))));
    }
    List<Integer> statuses = Future.all(calls).await().<HttpResponse<Buffer>>list().stream()
        .map(HttpResponse::statusCode).toList();
    assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    assertEquals(1, Fixture.count("SELECT count(*) FROM demo_slots WHERE event_id = $1 AND state = 'on_stage'",
        f.event));
  }

  @Test
  @DisplayName("The database itself refuses a second slot on stage, a team twice and a length out of bounds")
  void constraints() {
    JsonObject order = f.done("build");
    var pool = TestShipyard.pool();
    String onStage = "UPDATE demo_slots SET state = 'on_stage' WHERE id = $1";
    pool.preparedQuery(onStage).execute(io.vertx.sqlclient.Tuple.of(slotId(order, "Bot"))).await();
    assertRefused(() -> pool.preparedQuery(onStage).execute(io.vertx.sqlclient.Tuple.of(slotId(order, "Data")))
        .await());
    assertRefused(() -> pool.preparedQuery("INSERT INTO demo_slots (event_id, pitch_id, position) VALUES ($1, $2, 9)")
        .execute(io.vertx.sqlclient.Tuple.of(f.event, f.bot)).await());
    assertRefused(() -> pool.preparedQuery("UPDATE demo_slots SET seconds = 10 WHERE id = $1")
        .execute(io.vertx.sqlclient.Tuple.of(slotId(order, "Docs"))).await());
    assertRefused(() -> pool.preparedQuery("UPDATE demo_slots SET position = 1 WHERE id = $1")
        .execute(io.vertx.sqlclient.Tuple.of(slotId(order, "Docs"))).await());
  }

  private static void assertRefused(Runnable write) {
    try {
      write.run();
    } catch (io.vertx.pgclient.PgException refused) {
      assertTrue(refused.getSqlState().startsWith("23"), refused.getSqlState());
      return;
    }
    throw new AssertionError("The database accepted it");
  }
}
