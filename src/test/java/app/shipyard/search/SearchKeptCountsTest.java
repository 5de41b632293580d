package app.shipyard.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Without words and with no filter but the year, facet counts are sums of counts the database keeps per year
 * (migration V18); so are a chosen facet's own counts when its only other filters are years. Choosing both kinds
 * matches every project, but sends the same search through the pass over the matching projects: every other facet's
 * counts and the total must be the same either way, also after changes.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Archive search: the counts kept per year equal a pass over the projects, and follow changes")
class SearchKeptCountsTest {

  private static final String EVERY_KIND = "kind=day&kind=lab";
  private SearchArchive archive;

  @BeforeEach
  void setUp(Vertx vertx) {
    archive = SearchArchive.fresh(vertx);
  }

  /** The answer's total and facets, the kind facet left out (choosing both kinds marks them chosen). */
  private JsonObject counts(String query) {
    JsonObject found = archive.found(query);
    JsonObject facets = found.getJsonObject("facets").copy();
    facets.remove("kind");
    return new JsonObject().put("total", found.getLong("total")).put("facets", facets);
  }

  /** The search with these filters (kept counts where they serve) against the same also choosing every kind. */
  private void sameBothWays(String yearFilter) {
    String prefix = yearFilter.isEmpty() ? "" : yearFilter + "&";
    JsonObject kept = counts(yearFilter);
    JsonObject counted = counts(prefix + EVERY_KIND);
    assertEquals(counted.getLong("total"), kept.getLong("total"), yearFilter);
    for (String facet : kept.getJsonObject("facets").fieldNames()) {
      assertEquals(strip(counted.getJsonObject("facets").getJsonArray(facet)),
          strip(kept.getJsonObject("facets").getJsonArray(facet)), yearFilter + " " + facet);
    }
  }

  /** Values, labels, counts and chosen flags; the links differ (one keeps the kind filter). */
  private static io.vertx.core.json.JsonArray strip(io.vertx.core.json.JsonArray values) {
    io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
    values.stream().map(o -> (JsonObject) o).forEach(v -> out.add(new JsonObject().put("value", v.getValue("value"))
        .put("label", v.getString("label")).put("count", v.getLong("count")).put("chosen", v.getBoolean("chosen"))));
    return out;
  }

  @Test
  @DisplayName("The kept counts equal the counted ones on the known archive, for all years and for one")
  void keptEqualsCounted() {
    sameBothWays("");
    sameBothWays("year=2025");
    sameBothWays("year=2025&year=2026");
  }

  @Test
  @DisplayName("A chosen facet's own counts, summed from the kept ones, equal the counted ones, also within a year")
  void chosenFacetKept() {
    sameBothWays("outcome=shipped");
    sameBothWays("award=winner&year=2025");
    sameBothWays("award=prize&year=2025");
    sameBothWays("tag=ai&tag=climate");
    SearchArchive.award(archive.running, archive.lab2026, "prize", "Best demo");
    sameBothWays("award=prize&year=2025");
    sameBothWays("award=prize&year=2026");
  }

  @Test
  @DisplayName("An outcome, an award, a hidden pitch, a new tag and a published event move the kept counts exactly")
  void keptFollowChanges() {
    assertEquals(5, archive.found("").getLong("total"));
    SearchArchive.outcome(archive.tracker, "shipped", "Shipped after all");
    SearchArchive.award(archive.running, archive.lab2026, "prize", "Best demo");
    SearchArchive.sql("UPDATE pitches SET hidden_reason = 'Duplicate' WHERE id = $1", archive.carbon);
    SearchArchive.sql("UPDATE pitches SET tags = ARRAY['Ops', 'ai'] WHERE id = $1", archive.chatbot);
    archive.events.moveTo(archive.building, "results");

    JsonObject found = archive.found("");
    assertEquals(5, found.getLong("total"), "the cost explorer is in, the carbon dashboard out");
    sameBothWays("");
    sameBothWays("year=2026");
    assertEquals(2L, archive.found("outcome=shipped").getLong("total"));
    JsonObject tag = found.getJsonObject("facets").getJsonArray("tag").stream().map(o -> (JsonObject) o)
        .filter(v -> "ops".equals(v.getString("value"))).findFirst().orElseThrow();
    assertEquals("Ops", tag.getString("label"));
    assertEquals(1L, tag.getLong("count"));
  }
}
