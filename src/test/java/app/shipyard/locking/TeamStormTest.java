package app.shipyard.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 300, timeUnit = TimeUnit.SECONDS)
@DisplayName("Teams, pitches and the event changing at once")
class TeamStormTest {

  private static final int PITCHES = 6;
  private static final int JOINERS = 24;
  private static final int TEAM_STEPS = 12;
  private static final int PITCH_EDITS = 10;
  private static final int EVENT_EDITS = 14;
  private static final int PHASE_MOVES = 12;

  private Api api;
  private Events events;
  private LockWatch watch;
  private long event;
  private JsonArray locations;
  private final List<Captain> captains = new ArrayList<>();
  private final List<Joiner> joiners = new ArrayList<>();
  private Storm storm;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    storm = new Storm(vertx, api.client());
    events = new Events(api);
    event = events.create(new JsonObject().put("teamMax", 5));
    locations = new JsonArray().add(Fixture.locationId("Berlin")).add(Fixture.locationId("Remote"));
    events.moveTo(event, "pitching");
    for (int i = 0; i < PITCHES; i++) {
      String token = Events.person("captain" + i + "@test.example", "Captain " + i, "Engineering", "Berlin");
      String title = "Pitch " + i;
      captains.add(new Captain(token, events.pitch(token, event, new JsonObject().put("title", title)
          .put("capacity", 3)), title));
    }
    for (int i = 0; i < JOINERS; i++) {
      String email = "joiner" + i + "@test.example";
      String token = Events.person(email, "Joiner " + i, "Design", "Remote");
      joiners.add(new Joiner(token, Fixture.personId(email), new Random(i)));
    }
    events.moveTo(event, "building");
    watch = LockWatch.start();
  }

  @AfterEach
  void tearDown() {
    watch.stop();
  }

  @Test
  @DisplayName("Joins, leaves, free-agent listings and pitch edits while the organiser edits the event and moves it "
      + "between Building and Demos: no 5xx, no deadlock, capacity and phase rules hold and nothing is lost")
  void storm() {
    List<Future<Void>> actors = new ArrayList<>();
    joiners.forEach(j -> actors.add(Storm.repeat(TEAM_STEPS, j::step)));
    captains.forEach(c -> actors.add(Storm.repeat(PITCH_EDITS, c::edit)));
    String organiser = events.organiserToken();
    String[] eventTitle = {"ShipIt 7"};
    actors.add(Storm.repeat(EVENT_EDITS, k -> storm.pause(15).compose(d -> storm.put(organiser, "/api/events/" + event,
            eventDetails("ShipIt 7, edit " + k, 5 + k % 2), Set.of(200, 409)))
        .map(r -> r.statusCode() == 200 ? eventTitle[0] = "ShipIt 7, edit " + k : null)));
    actors.add(storm.phaseMoves(organiser, event, PHASE_MOVES));
    storm.run(actors);

    watch.assertCalm(storm);

    JsonObject after = events.get(events.organiserToken(), "/api/events/" + event).bodyAsJsonObject();
    assertEquals("building", after.getString("phase"));
    assertEquals(eventTitle[0], after.getString("title"), "the last event edit that succeeded is the one kept");
    assertEquals(PHASE_MOVES + 3, Fixture.count("SELECT count(*) FROM event_phase_changes WHERE event_id = $1", event));
    for (Captain c : captains) {
      JsonObject pitch = events.get(c.token, "/api/pitches/" + c.pitch).bodyAsJsonObject();
      assertEquals(c.title, pitch.getString("title"), "the last pitch edit that succeeded is the one kept");
      assertEquals(c.edits, pitch.getInteger("revisionCount"), "every successful pitch edit kept a revision");
      assertTrue(pitch.getJsonArray("members").size() <= pitch.getInteger("capacity"), pitch.encode());
    }
    Map<Long, Long> teams = new HashMap<>();
    TestShipyard.pool().preparedQuery("SELECT person_id, pitch_id FROM team_members WHERE event_id = $1 AND NOT is_captain")
        .execute(Tuple.of(event)).await()
        .forEach(r -> teams.put(r.getLong("person_id"), r.getLong("pitch_id")));
    for (Joiner j : joiners) {
      assertEquals(j.team, teams.get(j.id), "the team of person " + j.id + " after their own successful calls");
    }
    assertEquals(0, Fixture.count("SELECT count(*) FROM free_agents f JOIN team_members m "
        + "ON m.event_id = f.event_id AND m.person_id = f.person_id WHERE f.event_id = $1", event),
        "nobody is both on a team and listed as a free agent");
  }

  private JsonObject eventDetails(String title, int teamMax) {
    return new JsonObject().put("kind", "day").put("title", title).put("description", "Build **anything**")
        .put("startsAt", "2026-12-01T09:00:00Z").put("endsAt", "2026-12-02T09:00:00Z")
        .put("timeZone", "Europe/Berlin").put("teamMax", teamMax)
        .put("locationIds", locations.copy());
  }

  /** A pitch's captain, editing it again and again; what the last successful edit wrote. */
  private final class Captain {
    final String token;
    final long pitch;
    String title;
    int edits;

    Captain(String token, long pitch, String title) {
      this.token = token;
      this.pitch = pitch;
      this.title = title;
    }

    Future<?> edit(int k) {
      String next = "Pitch " + pitch + ", edit " + k;
      JsonObject details = new JsonObject().put("title", next).put("summary", "Edited " + k).put("capacity", 3 + k % 2);
      return storm.put(token, "/api/pitches/" + pitch, details, Set.of(200, 400, 409)).map(r -> {
        if (r.statusCode() == 200) {
          title = next;
          edits++;
        }
        return r;
      });
    }
  }

  /** A person joining and leaving teams, now and then listing themselves as a free agent; the team they are on. */
  private final class Joiner {
    final String token;
    final long id;
    final Random random;
    Long team;

    Joiner(String token, long id, Random random) {
      this.token = token;
      this.id = id;
      this.random = random;
    }

    Future<?> step(int k) {
      if (team != null) {
        long leaving = team;
        return storm.post(token, "/api/pitches/" + leaving + "/leave", new JsonObject(), Set.of(200, 409))
            .map(r -> r.statusCode() == 200 ? team = null : null);
      }
      if (k % 3 == 2) {
        return storm.put(token, "/api/events/" + event + "/free-agents/me", new JsonObject().put("wants", "any team"),
            Set.of(200, 409));
      }
      long pitch = captains.get(random.nextInt(captains.size())).pitch;
      return storm.post(token, "/api/pitches/" + pitch + "/join", new JsonObject(), Set.of(200, 409))
          .map(r -> r.statusCode() == 200 ? team = pitch : null);
    }
  }
}
