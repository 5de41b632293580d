package app.shipyard.search;

import static app.shipyard.search.SearchArchive.q;
import static app.shipyard.search.SearchArchive.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search answers are kept per data version (migration V20, {@code SearchCache}). A search asked again after any
 * change must answer the change; asked again with no change, it is answered from what was kept. The second is shown
 * by editing a search document behind the version's back (its triggers off for that session): the kept answer is
 * still served, until a real change moves the version.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, timeUnit = TimeUnit.SECONDS)
@DisplayName("Archive search: answers are kept until something they show changes, and never after")
class SearchCacheTest {

  private SearchArchive archive;

  @BeforeEach
  void setUp(Vertx vertx) {
    archive = SearchArchive.fresh(vertx);
  }

  /** Writes to project_search in a session whose triggers are off: the version does not move. */
  private static void behindTheVersion(String sql, Object... params) {
    TestShipyard.pool().withConnection(c -> c.query("SET session_replication_role = replica").execute()
        .compose(d -> c.preparedQuery(sql).execute(Tuple.from(params)))
        .compose(d -> c.query("SET session_replication_role = DEFAULT").execute())).await();
  }

  private long count(JsonObject found, String facet, String value) {
    return found.getJsonObject("facets").getJsonArray(facet).stream().map(o -> (JsonObject) o)
        .filter(v -> value.equals(v.getString("value"))).mapToLong(v -> v.getLong("count")).findFirst().orElse(0);
  }

  @Test
  @DisplayName("Counts, hits and labels change at once after an outcome, a hidden pitch, a renamed event or location")
  void changesAreAnswered() {
    String chatbot = q("chatbot");
    assertEquals(1L, count(archive.found(""), "outcome", "shipped"));
    assertEquals(List.of("Support chatbot"), archive.titles(chatbot));

    SearchArchive.outcome(archive.chatbot, "shipped", "Answers every ticket");
    assertEquals(2L, count(archive.found(""), "outcome", "shipped"));
    assertEquals(2L, archive.found("outcome=shipped").getLong("total"));

    sql("UPDATE pitches SET hidden_reason = 'Duplicate' WHERE id = $1", archive.chatbot);
    assertEquals(List.of(), archive.titles(chatbot));
    assertEquals(1L, archive.found("outcome=shipped").getLong("total"));

    sql("UPDATE events SET title = 'ShipIt Forty' WHERE id = $1", archive.shipIt40);
    JsonObject renamed = archive.found(q("autoscaler"));
    assertEquals("ShipIt Forty", renamed.getJsonArray("results").getJsonObject(0).getJsonObject("event")
        .getString("title"));
    assertEquals("ShipIt Forty", renamed.getJsonObject("facets").getJsonArray("event").getJsonObject(0)
        .getString("label"));

    sql("UPDATE locations SET name = 'Berlin Mitte' WHERE name = 'Berlin'");
    assertEquals(List.of("Berlin Mitte"), archive.found(q("autoscaler")).getJsonObject("facets")
        .getJsonArray("location").stream().map(o -> ((JsonObject) o).getString("label")).toList());
  }

  @Test
  @DisplayName("A search asked again with nothing changed is answered from what was kept, until the version moves")
  void keptUntilTheVersionMoves() {
    assertEquals(1L, archive.found("outcome=parked").getLong("total"));
    behindTheVersion("UPDATE project_search SET outcome = 'parked' WHERE pitch_id = $1", archive.running);
    assertEquals(1L, archive.found("outcome=parked").getLong("total"), "the kept answer");
    assertEquals(2L, archive.found("outcome=parked&limit=19").getLong("total"), "another query is counted anew");

    sql("UPDATE skills SET name = 'Golang' WHERE name = 'Go'");
    assertEquals(2L, archive.found("outcome=parked").getLong("total"), "any change moves the version");
  }

  @Test
  @DisplayName("After a database reset and the same writes again, an answer kept before the reset is not served")
  void resetStartsAgain(Vertx vertx) {
    assertEquals(1L, archive.found(q("analytics")).getLong("total"));
    archive = SearchArchive.fresh(vertx);
    behindTheVersion("DELETE FROM project_search WHERE pitch_id = $1", archive.running);
    assertEquals(0L, archive.found(q("analytics")).getLong("total"));
  }

  @Test
  @DisplayName("Many changes in a row are each answered, also when the version's rows are compacted")
  void manyChanges() {
    for (int i = 1; i <= 80; i++) {
      sql("UPDATE locations SET name = $1 WHERE name LIKE 'Sydney%'", "Sydney " + i);
      if (i % 20 == 0) {
        String expected = "Sydney " + i;
        assertEquals(1L, archive.found(q("running")).getJsonObject("facets").getJsonArray("location").stream()
            .map(o -> (JsonObject) o).filter(v -> expected.equals(v.getString("label"))).count(), expected);
      }
    }
    SearchArchive.outcome(archive.running, "shipped", "");
    assertEquals(2L, archive.found("outcome=shipped").getLong("total"));
  }
}
