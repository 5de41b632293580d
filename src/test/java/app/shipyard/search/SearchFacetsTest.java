package app.shipyard.search;

import static app.shipyard.search.SearchArchive.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Narrowing the archive by facets, their exact counts, paging and the refusals of bad input. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Archive search: filters, facet counts, paging and bad input")
class SearchFacetsTest {

  private SearchArchive archive;

  @BeforeEach
  void setUp(Vertx vertx) {
    archive = SearchArchive.fresh(vertx);
  }

  /** One facet's counts as label (lower-cased) to count, in the answer's order. */
  private static Map<String, Long> counts(JsonObject found, String facet) {
    Map<String, Long> counts = new LinkedHashMap<>();
    found.getJsonObject("facets").getJsonArray(facet).stream().map(o -> (JsonObject) o)
        .forEach(v -> counts.put(v.getString("label").toLowerCase(Locale.ROOT), v.getLong("count")));
    return counts;
  }

  @Test
  @DisplayName("Without filters every facet counts the whole archive exactly, hidden and unpublished projects left out")
  void allCounts() {
    JsonObject found = archive.found("");
    assertEquals(5, found.getLong("total"));
    assertEquals(Map.of("2026", 2L, "2025", 3L), counts(found, "year"));
    assertEquals(List.of("2026", "2025"), List.copyOf(counts(found, "year").keySet()));
    assertEquals(Map.of("lab 2026", 2L, "shipit 40", 3L), counts(found, "event"));
    assertEquals(Map.of("shipit day", 3L, "innovation lab", 2L), counts(found, "kind"));
    assertEquals(Map.of("berlin", 3L, "sydney", 2L, "new york", 1L), counts(found, "location"));
    assertEquals(Map.of("design", 2L, "engineering", 2L, "data", 2L, "marketing", 1L), counts(found, "department"));
    assertEquals(Map.of("ai", 3L, "infra", 1L, "security", 1L, "climate", 1L), counts(found, "tag"));
    assertEquals(Map.of("kubernetes", 1L, "go", 1L, "python", 2L, "react", 2L), counts(found, "skill"));
    assertEquals(Map.of("winner", 1L, "finalist", 1L), counts(found, "award"));
    assertEquals(Map.of("shipped", 1L, "on a roadmap", 1L, "parked", 1L), counts(found, "outcome"));
  }

  @Test
  @DisplayName("A filter narrows the results; its own facet still counts the alternatives, the others count within it")
  void oneFilter() {
    JsonObject found = archive.found("year=2025");
    assertEquals(3, found.getLong("total"));
    assertEquals(Map.of("2026", 2L, "2025", 3L), counts(found, "year"));
    JsonObject chosen = found.getJsonObject("facets").getJsonArray("year").stream().map(o -> (JsonObject) o)
        .filter(v -> v.getBoolean("chosen")).findFirst().orElseThrow();
    assertEquals("2025", chosen.getString("value"));
    assertEquals("/showcase/search", chosen.getString("href"));
    assertEquals(Map.of("shipit day", 3L), counts(found, "kind"));
    assertEquals(Map.of("kubernetes", 1L, "go", 1L, "python", 1L), counts(found, "skill"));
    assertEquals(Map.of("ai", 1L, "infra", 1L, "security", 1L), counts(found, "tag"));
  }

  @Test
  @DisplayName("Filters combine: values of one facet are alternatives, facets must all hold, with words too")
  void combined() {
    assertEquals(List.of("Support chatbot"), archive.titles("year=2025&skill=python"));
    assertEquals(List.of("Carbon dashboard", "Running analytics", "Support chatbot"),
        archive.titles("tag=ai&tag=climate").stream().sorted().toList());
    int sydney = Fixture.locationId("Sydney");
    assertEquals(List.of("Running analytics", "Support chatbot"),
        archive.titles("location=" + sydney + "&department=Data").stream().sorted().toList());
    assertEquals(List.of("Kubernetes autoscaler"), archive.titles("award=winner&outcome=shipped&kind=day"));
    assertEquals(List.of("Carbon dashboard"), archive.titles("event=" + archive.lab2026 + "&outcome=parked"));
    assertEquals(List.of("Running analytics"), archive.titles(q("running") + "&kind=lab&skill=Python"));
    JsonObject none = archive.found("award=prize");
    assertEquals(0, none.getLong("total"));
    assertEquals(Map.of("winner", 1L, "finalist", 1L, "prize", 0L), counts(none, "award"));
  }

  @Test
  @DisplayName("Results come in pages with links to the previous and next page that keep the query")
  void paging() {
    JsonObject first = archive.found("limit=2&kind=day&kind=lab");
    assertEquals(2, first.getJsonArray("results").size());
    assertEquals(3, first.getInteger("pages"));
    assertNull(first.getJsonObject("links").getString("previous"));
    assertEquals("/api/showcase/search?kind=day&kind=lab&page=2&limit=2",
        first.getJsonObject("links").getString("next"));
    JsonObject last = archive.found("limit=2&kind=day&kind=lab&page=3");
    assertEquals(1, last.getJsonArray("results").size());
    assertNull(last.getJsonObject("links").getString("next"));
    JsonArray all = new JsonArray();
    for (int page = 1; page <= 3; page++) {
      archive.found("limit=2&page=" + page).getJsonArray("results").forEach(all::add);
    }
    assertEquals(5, all.stream().map(o -> ((JsonObject) o).getLong("id")).distinct().count());
    assertTrue(archive.found("page=9").getJsonArray("results").isEmpty());
  }

  private Map<String, String> refused(String query) {
    HttpResponse<Buffer> response = archive.search(query);
    assertEquals(400, response.statusCode(), response.bodyAsString());
    Map<String, String> fields = new LinkedHashMap<>();
    response.bodyAsJsonObject().getJsonObject("fields").forEach(f -> fields.put(f.getKey(), (String) f.getValue()));
    return fields;
  }

  @Test
  @DisplayName("Bad input is refused with a message per field, all together")
  void badInput() {
    assertEquals(Map.of("q", "must be at most 200 characters"), refused(q("x".repeat(201))));
    assertEquals(Map.of("q", "may have at most 10 words"), refused(q("a b c d e f g h i j k")));
    assertEquals(Map.of("page", "must be a whole number from 1 to 50"), refused("page=0"));
    assertEquals(Map.of("page", "must be a whole number from 1 to 50", "limit", "must be a whole number from 1 to 50"),
        refused("page=two&limit=51"));
    assertEquals(Map.of("year", "must be a year such as 2025", "kind", "must be day or lab",
        "award", "must be winner, finalist or prize",
        "outcome", "must be shipped, roadmap, lab, spun_off or parked"),
        refused("year=last&kind=weekend&award=gold&outcome=done"));
    assertEquals(Map.of("event", "must be an event id", "location", "must be a location id"),
        refused("event=-3&location=%EF%BC%97"));
    assertEquals(Map.of("tag", "must be at most 30 characters"), refused("tag=" + "t".repeat(31)));
    assertEquals(Map.of("skill", "may have at most 10 values"),
        refused("skill=a&skill=b&skill=c&skill=d&skill=e&skill=f&skill=g&skill=h&skill=i&skill=j&skill=k"));
  }

  @Test
  @DisplayName("Unknown events, locations and skills are refused; a draft or unpublished event is as unknown")
  void unknownValues() {
    assertEquals(Map.of("event", "'" + archive.draft + "' is not an event in the archive", "location",
        "'999' is not a location", "skill", "'cobol' is not a known skill"),
        refused("event=" + archive.draft + "&location=999&skill=COBOL"));
    assertEquals(Map.of("event", "'" + archive.building + "' is not an event in the archive"),
        refused("event=" + archive.building));
    assertEquals(0, archive.found("tag=nothing-like-it").getLong("total"));
  }

  @Test
  @DisplayName("The page works without a script: facet links, the form keeps the filters, and bad input is a page")
  void page() {
    Api.Browser browser = archive.api.browser().signIn(TestShipyard.LEADERSHIP);
    HttpResponse<Buffer> page = browser.getPage("/showcase/search?q=chatbot&year=2025");
    assertEquals(200, page.statusCode());
    // Handlebars writes '=' in attributes as &#x3D;, which browsers read as '='.
    String html = page.bodyAsString().replace("&#x3D;", "=");
    assertTrue(html.contains("Support <mark>chatbot</mark>"), html);
    assertTrue(html.contains("<input type=\"hidden\" name=\"year\" value=\"2025\">"), html);
    assertTrue(html.contains("href=\"/showcase/search?q=chatbot\" aria-current=\"true\""), html);
    assertTrue(html.contains("href=\"/showcase/search?q=chatbot&amp;year=2025&amp;skill=python\""), html);
    assertTrue(html.contains("href=\"/projects/" + archive.chatbot + "\""), html);
    assertFalse(html.contains("Secret"), html);
    HttpResponse<Buffer> bad = browser.getPage("/showcase/search?year=soon");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.headers().get("Content-Type").startsWith("text/html"));
    assertTrue(bad.bodyAsString().contains("must be a year such as 2025"), bad.bodyAsString());
  }
}
