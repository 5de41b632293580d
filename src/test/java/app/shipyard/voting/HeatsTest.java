package app.shipyard.voting;

import static app.shipyard.voting.VotingFixture.category;
import static app.shipyard.voting.VotingFixture.error;
import static app.shipyard.voting.VotingFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.db.SqlErrors;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Heats per office: only that office votes; the top projects of each heat are carried into the final. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Heats and the final")
class HeatsTest {

  private VotingFixture f;
  private long sydneyPitch;
  private long sydneyOther;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new VotingFixture(vertx);
    TestShipyard.pool().preparedQuery("INSERT INTO event_locations (event_id, location_id) VALUES ($1, $2)")
        .execute(Tuple.of(f.event, Fixture.locationId("Sydney"))).await();
    sydneyPitch = pitch("Reef");
    sydneyOther = pitch("Surf");
  }

  private long pitch(String title) {
    long id = Fixture.count("""
        INSERT INTO pitches (event_id, captain_id, title, summary, problem, idea, capacity)
        VALUES ($1, $2, $3, 'A summary', '', '', 4) RETURNING id""", f.event, Fixture.personId("sam@test.example"), title);
    return id;
  }

  /** A person of {@code location} taking part in the event. */
  private String voter(String name, String location) {
    String email = name.toLowerCase().replace(' ', '.') + "@test.example";
    String token = Events.person(email, name, "Sales", location);
    TestShipyard.pool().preparedQuery("INSERT INTO event_participants (event_id, person_id) VALUES ($1, $2)")
        .execute(Tuple.of(f.event, Fixture.personId(email))).await();
    return token;
  }

  private JsonObject heat(String location, long... pitches) {
    JsonArray ids = new JsonArray();
    for (long p : pitches) {
      ids.add(p);
    }
    return f.openRound(new JsonObject().put("title", location + " heat").put("locationId", Fixture.locationId(location))
        .put("pitchIds", ids));
  }

  private HttpResponse<Buffer> carry(String token, long finalRound, int top, long... heats) {
    JsonArray ids = new JsonArray();
    for (long h : heats) {
      ids.add(h);
    }
    return f.events.post(token, "/api/rounds/" + finalRound + "/carry", new JsonObject().put("heatIds", ids).put("top", top));
  }

  @Test
  @DisplayName("In a heat only people of its location vote; the database refuses anyone else too")
  void heatVoters() {
    JsonObject heat = heat("Berlin", f.bot, f.data);
    long id = heat.getLong("id");
    assertEquals(200, f.vote(voter("Bea Berlin", "Berlin"), id, single(category(heat, 0), f.bot)).statusCode());
    HttpResponse<Buffer> sydney = f.vote(voter("Syd Ney", "Sydney"), id, single(category(heat, 0), f.bot));
    assertEquals(403, sydney.statusCode());
    assertEquals("This round is a heat of another location; only people of that location vote in it.", error(sydney));
    long syd = Fixture.personId("syd.ney@test.example");
    var connection = TestShipyard.pool().getConnection().await();
    try {
      var tx = connection.begin().await();
      VotingFixture.writeBallot(connection, id, category(heat, 0), syd, f.bot, 1);
      Throwable refused = VotingFixture.failure(tx.commit());
      assertTrue(SqlErrors.is(refused, VoteRepository.OUTSIDE_HEAT), String.valueOf(refused));
    } finally {
      connection.close().await();
    }
    assertEquals(1, Fixture.count("SELECT count(*) FROM ballots WHERE round_id = $1", id));
  }

  @Test
  @DisplayName("The top N of each heat are carried into the final in one action; a tie at the cut-off carries every tied project")
  void carryToFinal() {
    JsonObject berlin = heat("Berlin", f.bot, f.data, f.docs);
    JsonObject sydney = heat("Sydney", sydneyPitch, sydneyOther);
    String b1 = voter("Bea One", "Berlin");
    String b2 = voter("Bea Two", "Berlin");
    String b3 = voter("Bea Three", "Berlin");
    assertEquals(200, f.vote(b1, berlin.getLong("id"), single(category(berlin, 0), f.bot)).statusCode());
    assertEquals(200, f.vote(b2, berlin.getLong("id"), single(category(berlin, 0), f.data)).statusCode());
    assertEquals(200, f.vote(b3, berlin.getLong("id"), single(category(berlin, 0), f.docs)).statusCode());
    String s1 = voter("Syd One", "Sydney");
    String s2 = voter("Syd Two", "Sydney");
    assertEquals(200, f.vote(s1, sydney.getLong("id"), single(category(sydney, 0), sydneyPitch)).statusCode());
    assertEquals(200, f.vote(s2, sydney.getLong("id"), single(category(sydney, 0), sydneyPitch)).statusCode());
    long finalRound = f.round(new JsonObject().put("title", "Grand final")).getLong("id");
    f.change(berlin.getLong("id"), "close");
    assertEquals("Sydney heat is not closed yet.",
        error(carry(f.organiser, finalRound, 1, berlin.getLong("id"), sydney.getLong("id"))));
    f.change(sydney.getLong("id"), "close");
    assertEquals(403, carry(f.emma, finalRound, 1, berlin.getLong("id")).statusCode());

    HttpResponse<Buffer> carried = carry(f.organiser, finalRound, 1, berlin.getLong("id"), sydney.getLong("id"));
    assertEquals(200, carried.statusCode(), carried.bodyAsString());
    assertEquals(List.of("Bot", "Data", "Docs", "Reef"), titles(carried.bodyAsJsonObject()),
        "Berlin's three-way tie for first all go through; Sydney's winner alone");
    assertEquals(List.of("Bot", "Data", "Docs", "Reef"), finalists());

    assertEquals(200, f.events.post(f.organiser, "/api/rounds/" + berlin.getLong("id") + "/categories/"
        + category(berlin, 0) + "/tie-break", new JsonObject().put("pitchId", f.data).put("reason", "Judges")).statusCode());
    JsonObject again = carry(f.organiser, finalRound, 1, berlin.getLong("id"), sydney.getLong("id")).bodyAsJsonObject();
    assertEquals(List.of("Data", "Reef"), titles(again), "with the tie decided, only its winner is the top one");
    assertEquals(List.of("Data", "Reef"), finalists(), "carrying again replaces the finalists");
    assertEquals(List.of("Reef"), titles(carry(f.organiser, finalRound, 2, sydney.getLong("id")).bodyAsJsonObject()),
        "a project without a vote is never carried");
    assertEquals(3, Fixture.count("SELECT count(*) FROM voting_audit WHERE action = 'round.carried' AND round_id = $1",
        finalRound));
  }

  @Test
  @DisplayName("Only a draft round for every location takes finalists, and only from closed heats of its event")
  void carryRefusals() {
    JsonObject berlin = heat("Berlin", f.bot, f.data);
    f.change(berlin.getLong("id"), "close");
    JsonObject notAHeat = f.openRound(new JsonObject());
    f.change(notAHeat.getLong("id"), "close");
    long finalRound = f.round(new JsonObject().put("title", "Final")).getLong("id");
    assertEquals("No project of these heats got a vote: there is nobody to carry.",
        error(carry(f.organiser, finalRound, 2, berlin.getLong("id"))));
    assertEquals("Demo round is not a heat: it has no location.",
        error(carry(f.organiser, finalRound, 2, notAHeat.getLong("id"))));
    long anotherHeat = f.round(new JsonObject().put("locationId", Fixture.locationId("Berlin"))).getLong("id");
    assertEquals("A heat cannot be a final: carry into a round for every location.",
        error(carry(f.organiser, anotherHeat, 2, berlin.getLong("id"))));
    assertEquals("names a round that does not exist", carry(f.organiser, finalRound, 2, 987654).bodyAsJsonObject()
        .getJsonObject("fields").getString("heatIds"));
    JsonObject fields = f.events.post(f.organiser, "/api/rounds/" + finalRound + "/carry", new JsonObject())
        .bodyAsJsonObject().getJsonObject("fields");
    assertEquals(List.of("must name at least one heat", "is required"),
        List.of(fields.getString("heatIds"), fields.getString("top")));
    f.change(finalRound, "open");
    assertEquals("Projects are carried into a final while it is still a draft.",
        error(carry(f.organiser, finalRound, 1, berlin.getLong("id"))));
  }

  @Test
  @DisplayName("The final's page offers the closed heats to carry from, and its form carries them")
  void carryForm() {
    JsonObject berlin = heat("Berlin", f.bot, f.data);
    assertEquals(200, f.vote(voter("Bea One", "Berlin"), berlin.getLong("id"), single(category(berlin, 0), f.data))
        .statusCode());
    f.change(berlin.getLong("id"), "close");
    long finalRound = f.round(new JsonObject().put("title", "Final")).getLong("id");
    String page = "/rounds/" + finalRound;
    var organiser = f.api.browser().signIn(TestShipyard.ORGANISER);
    String html = organiser.getPage(page).bodyAsString();
    assertTrue(html.contains("id=\"carry-form\"") && html.contains("value=\"" + berlin.getLong("id") + "\" checked> "
        + "Berlin heat"), html);
    assertEquals(false, organiser.getPage("/rounds/" + berlin.getLong("id")).bodyAsString().contains("carry-form"),
        "a heat is no final");
    HttpResponse<Buffer> carried = organiser.postForm(page, page + "/carry", io.vertx.core.MultiMap
        .caseInsensitiveMultiMap().add("heatIds", String.valueOf(berlin.getLong("id"))).add("top", "1"));
    assertEquals(303, carried.statusCode(), carried.bodyAsString());
    assertEquals(List.of("Data"), finalists());
  }

  private static List<String> titles(JsonObject round) {
    return round.getJsonArray("projects").stream().map(p -> ((JsonObject) p).getString("title")).toList();
  }

  private List<String> finalists() {
    return f.events.get(f.emma, "/api/events/" + f.event + "/awards").bodyAsJsonObject().getJsonArray("awards").stream()
        .map(a -> (JsonObject) a).filter(a -> a.getString("kind").equals("finalist"))
        .map(a -> a.getJsonObject("pitch").getString("title")).sorted().toList();
  }
}
