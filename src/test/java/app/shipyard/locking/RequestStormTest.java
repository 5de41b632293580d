package app.shipyard.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 300, timeUnit = TimeUnit.SECONDS)
@DisplayName("Join requests, captaincy, moderation and stages while the event changes")
class RequestStormTest {

  private static final int PITCHES = 5;
  private static final int REQUESTERS = 15;
  private static final int REQUEST_STEPS = 8;
  private static final int CAPTAIN_STEPS = 10;
  private static final int MODERATIONS = 8;
  private static final int EVENT_EDITS = 10;
  private static final int PHASE_MOVES = 10;
  /** The pitch the organiser hides and shows again; the others keep their captains' hand-overs unambiguous. */
  private static final int MODERATED = 0;

  private Events events;
  private Storm storm;
  private LockWatch watch;
  private long event;
  private JsonArray locations;
  private final List<Captain> captains = new ArrayList<>();
  private final List<Requester> requesters = new ArrayList<>();
  private final Map<Long, String> tokens = new HashMap<>();
  /** Each request's status after the calls on it that succeeded. */
  private final Map<Long, String> decided = new ConcurrentHashMap<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    Api api = new Api(vertx);
    storm = new Storm(vertx, api.client());
    events = new Events(api);
    locations = new JsonArray().add(Fixture.locationId("Berlin")).add(Fixture.locationId("Remote"));
    event = events.create(new JsonObject().put("kind", "lab").put("teamMax", 5).put("joinByRequest", true));
    events.moveTo(event, "pitching");
    for (int i = 0; i < PITCHES; i++) {
      String email = "captain" + i + "@test.example";
      String token = Events.person(email, "Captain " + i, "Engineering", "Berlin");
      long pitch = events.pitch(token, event, new JsonObject().put("title", "Project " + i).put("capacity", 3));
      captains.add(new Captain(i, pitch, Fixture.personId(email), token, new Random(100 + i)));
    }
    for (int i = 0; i < REQUESTERS; i++) {
      String email = "requester" + i + "@test.example";
      String token = Events.person(email, "Requester " + i, "Design", "Remote");
      long id = Fixture.personId(email);
      tokens.put(id, token);
      requesters.add(new Requester(token, new Random(i)));
    }
    events.moveTo(event, "building");
    watch = LockWatch.start();
  }

  @AfterEach
  void tearDown() {
    watch.stop();
  }

  @Test
  @DisplayName("Requests filed, withdrawn, approved and declined, captaincy handed over and back, stage changes, "
      + "comments and hiding, while the organiser edits the event and moves it between Building and Demos: no 5xx, "
      + "no deadlock, the rules hold and every decision that succeeded is kept")
  void storm() {
    List<Future<Void>> actors = new ArrayList<>();
    requesters.forEach(r -> actors.add(Storm.repeat(REQUEST_STEPS, r::step)));
    captains.forEach(c -> actors.add(Storm.repeat(CAPTAIN_STEPS, c::step)));
    String organiser = events.organiserToken();
    long moderated = captains.get(MODERATED).pitch;
    boolean[] hidden = {false};
    actors.add(Storm.repeat(MODERATIONS, k -> storm.pause(30).compose(d -> storm.post(organiser,
            "/api/pitches/" + moderated + (k % 2 == 0 ? "/hide" : "/unhide"), new JsonObject().put("reason", "Check"),
            Set.of(200)))
        .map(r -> hidden[0] = r.statusCode() == 200 ? k % 2 == 0 : hidden[0])));
    actors.add(Storm.repeat(EVENT_EDITS, k -> storm.pause(20).compose(d -> storm.put(organiser, "/api/events/" + event,
        new JsonObject().put("kind", "lab").put("title", "Lab, edit " + k).put("startsAt", "2026-12-01T09:00:00Z")
            .put("endsAt", "2026-12-02T09:00:00Z").put("timeZone", "Europe/Berlin").put("teamMax", 5)
            .put("joinByRequest", true).put("locationIds", locations.copy()), Set.of(200)))));
    actors.add(storm.phaseMoves(organiser, event, PHASE_MOVES));
    storm.run(actors);

    watch.assertCalm(storm);

    Map<Long, String> statuses = new HashMap<>();
    TestShipyard.pool().preparedQuery("SELECT id, status FROM join_requests WHERE event_id = $1")
        .execute(Tuple.of(event)).await().forEach(r -> statuses.put(r.getLong("id"), r.getString("status")));
    decided.forEach((id, status) -> assertEquals(status, statuses.get(id), "request " + id));
    for (Captain c : captains) {
      assertEquals(c.members(), approvedFor(c.pitch), "the members of project " + c.index
          + " are its author and the people whose requests were approved");
      assertEquals(c.captainId, Fixture.count("SELECT captain_id FROM pitches WHERE id = $1", c.pitch));
      assertEquals(1, Fixture.count("SELECT count(*) FROM team_members WHERE pitch_id = $1 AND is_captain "
          + "AND person_id = $2", c.pitch, c.captainId), "one captain, the pitch's own");
      assertEquals(c.stageChanges, Fixture.count("SELECT count(*) FROM pitch_stage_changes WHERE pitch_id = $1", c.pitch));
      assertEquals(c.comments, Fixture.count("SELECT count(*) FROM pitch_comments WHERE pitch_id = $1", c.pitch));
    }
    assertEquals(hidden[0] ? 1 : 0, Fixture.count("SELECT count(*) FROM pitches WHERE id = $1 AND hidden_reason IS NOT NULL",
        moderated));
  }

  private Set<Long> approvedFor(long pitch) {
    Set<Long> members = new HashSet<>();
    TestShipyard.pool().preparedQuery("SELECT person_id FROM team_members WHERE pitch_id = $1").execute(Tuple.of(pitch))
        .await().forEach(r -> members.add(r.getLong("person_id")));
    return members;
  }

  /** Files requests to random projects and now and then withdraws the last one. */
  private final class Requester {
    final String token;
    final Random random;
    Long pending;

    Requester(String token, Random random) {
      this.token = token;
      this.random = random;
    }

    Future<?> step(int k) {
      if (pending != null && k % 3 == 2) {
        long request = pending;
        pending = null;
        return storm.post(token, "/api/join-requests/" + request + "/withdraw", new JsonObject(), Set.of(200, 409))
            .map(r -> r.statusCode() == 200 ? decided.put(request, "withdrawn") : null);
      }
      long pitch = captains.get(random.nextInt(captains.size())).pitch;
      return storm.post(token, "/api/pitches/" + pitch + "/join", new JsonObject().put("message", "Me, please"),
              Set.of(202, 404, 409))
          .map(r -> r.statusCode() == 202 ? pending = r.bodyAsJsonObject().getLong("id") : null);
    }
  }

  /**
   * Decides on the oldest pending request, changes the stage, comments, and hands captaincy to a member and back;
   * what its successful calls should have left behind.
   */
  private final class Captain {
    final int index;
    final long pitch;
    final long authorId;
    final String authorToken;
    final Random random;
    final Set<Long> approved = new HashSet<>();
    long captainId;
    String captainToken;
    int stageChanges;
    int comments;

    Captain(int index, long pitch, long authorId, String authorToken, Random random) {
      this.index = index;
      this.pitch = pitch;
      this.authorId = authorId;
      this.authorToken = authorToken;
      this.random = random;
      captainId = authorId;
      captainToken = authorToken;
    }

    Set<Long> members() {
      Set<Long> members = new HashSet<>(approved);
      members.add(authorId);
      return members;
    }

    Future<?> step(int k) {
      switch (k % 4) {
        case 0:
          return storm.post(captainToken, "/api/pitches/" + pitch + "/stage",
              new JsonObject().put("stage", k % 8 == 0 ? "prototype" : "pilot"), Set.of(200, 409))
              .map(r -> r.statusCode() == 200 ? ++stageChanges : 0);
        case 1:
          return storm.post(captainToken, "/api/pitches/" + pitch + "/comments",
              new JsonObject().put("body", "Step " + k), Set.of(201)).map(r -> r.statusCode() == 201 ? ++comments : 0);
        case 2:
          return index == MODERATED || approved.isEmpty() ? decide(k) : handOverAndBack();
        default:
          return decide(k);
      }
    }

    private Future<?> decide(int k) {
      return storm.get(captainToken, "/api/pitches/" + pitch + "/requests", Set.of(200, 404)).compose(r -> {
        if (r.statusCode() != 200 || r.bodyAsJsonArray().isEmpty()) {
          return Future.succeededFuture();
        }
        JsonObject oldest = r.bodyAsJsonArray().getJsonObject(0);
        long request = oldest.getLong("id");
        long person = oldest.getJsonObject("person").getLong("id");
        boolean approve = random.nextInt(4) > 0;
        return storm.post(captainToken, "/api/join-requests/" + request + (approve ? "/approve" : "/decline"),
            new JsonObject(), Set.of(200, 404, 409)).map(d -> {
              if (d.statusCode() == 200) {
                decided.put(request, approve ? "approved" : "declined");
                if (approve) {
                  approved.add(person);
                }
              }
              return d;
            });
      });
    }

    private Future<?> handOverAndBack() {
      long member = approved.iterator().next();
      return handOver(member, tokens.get(member)).compose(d -> captainId == member ? handOver(authorId, authorToken)
          : Future.succeededFuture());
    }

    private Future<?> handOver(long to, String toToken) {
      return storm.post(captainToken, "/api/pitches/" + pitch + "/captain", new JsonObject().put("personId", to),
          Set.of(200, 409)).map(r -> {
            if (r.statusCode() == 200) {
              captainId = to;
              captainToken = toToken;
            }
            return r;
          });
    }
  }
}
