package app.shipyard.search;

import static app.shipyard.search.SearchArchive.q;
import static app.shipyard.search.SearchArchive.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The search documents follow every change, in the writer's transaction, and only published projects are found. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Archive search: the index follows edits, and never shows what some may not see")
class SearchIndexTest {

  private SearchArchive archive;

  @BeforeEach
  void setUp(Vertx vertx) {
    archive = SearchArchive.fresh(vertx);
  }

  @Test
  @DisplayName("A renamed project is found by its new title and no longer by its old one")
  void rename() {
    sql("UPDATE pitches SET title = 'Quantum scheduler' WHERE id = $1", archive.running);
    assertEquals(List.of("Quantum scheduler"), archive.titles(q("quantum")));
    assertEquals(List.of(), archive.titles(q("analytics")));
  }

  @Test
  @DisplayName("A new outcome is searchable and becomes the project's outcome in the facet")
  void outcome() {
    SearchArchive.outcome(archive.running, "shipped", "Rolled out to every demo room");
    assertEquals(List.of("Running analytics"), archive.titles(q("rolled out")));
    assertEquals(List.of("Kubernetes autoscaler", "Running analytics"),
        archive.titles("outcome=shipped").stream().sorted().toList());
    SearchArchive.outcome(archive.running, "parked", "");
    assertEquals(List.of("Kubernetes autoscaler"), archive.titles("outcome=shipped"));
  }

  @Test
  @DisplayName("A new member is found by name, and brings their department and location to the facets")
  void member() {
    Events.person("ines@test.example", "Ines Moreau", "Finance", "Singapore");
    long ines = Fixture.personId("ines@test.example");
    sql("INSERT INTO event_participants (event_id, person_id) VALUES ($1, $2)", archive.lab2026, ines);
    sql("INSERT INTO team_members (pitch_id, person_id, event_id) VALUES ($1, $2, $3)", archive.carbon, ines,
        archive.lab2026);
    assertEquals(List.of("Carbon dashboard"), archive.titles(q("moreau")));
    assertEquals(List.of("Carbon dashboard"), archive.titles("department=finance&location="
        + Fixture.locationId("Singapore")));
    sql("UPDATE people SET display_name = 'Ines Laurent' WHERE id = $1", ines);
    assertEquals(List.of("Carbon dashboard"), archive.titles(q("laurent")));
  }

  @Test
  @DisplayName("A project hidden after its event was published disappears, words and counts, and comes back unhidden")
  void hiddenLater() {
    String organiser = archive.events.organiserToken();
    assertEquals(200, archive.events.post(organiser, "/api/pitches/" + archive.chatbot + "/hide",
        new JsonObject().put("reason", "Duplicate")).statusCode());
    JsonObject found = archive.found(q("chatbot"));
    assertEquals(0, found.getLong("total"));
    assertEquals(0, archive.found(q("chatbto")).getLong("total"));
    assertEquals(4, archive.found("").getLong("total"));
    assertEquals(200, archive.events.post(organiser, "/api/pitches/" + archive.chatbot + "/unhide", new JsonObject())
        .statusCode());
    assertEquals(List.of("Support chatbot"), archive.titles(q("chatbot")));
  }

  @Test
  @DisplayName("Projects of an event appear when it reaches results, and leave when it moves back to demos")
  void phases() {
    assertEquals(List.of(), archive.titles(q("explorer")));
    archive.events.moveTo(archive.building, "results");
    assertEquals(List.of("Kubernetes cost explorer"), archive.titles(q("explorer")));
    assertEquals(200, archive.events.post(archive.events.organiserToken(), "/api/events/" + archive.building
        + "/phase", new JsonObject().put("phase", "demos")).statusCode());
    assertEquals(List.of(), archive.titles(q("explorer")));
  }

  @Test
  @DisplayName("Everyone signed in sees the same results: employees, leadership alone, organisers and admins")
  void roles() {
    String board = Events.person("board@test.example", "Bo Board", "Board", "Berlin");
    sql("UPDATE person_roles SET role = 'leadership' WHERE person_id = $1",
        Fixture.personId("board@test.example"));
    JsonObject asEmployee = archive.found(q("kubernetes"));
    for (String token : List.of(board, archive.events.organiserToken(), archive.api.token(TestShipyard.ADMIN),
        archive.api.token(TestShipyard.LEADERSHIP))) {
      var response = archive.search(token, q("kubernetes"));
      assertEquals(200, response.statusCode(), response.bodyAsString());
      assertEquals(asEmployee.getJsonArray("results"), response.bodyAsJsonObject().getJsonArray("results"));
    }
    assertEquals(401, archive.api.get("/api/showcase/search?q=kubernetes").send().await().statusCode());
    assertTrue(archive.titles(q("secret")).isEmpty());
  }
}
