package app.shipyard.search;

import static app.shipyard.search.SearchArchive.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
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

/** Finding projects in the archive: ranking, stemming, prefixes, typos and highlighted, escaped snippets. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Archive search: what is found, in which order, and how it is shown")
class ArchiveSearchTest {

  private SearchArchive archive;

  @BeforeEach
  void setUp(Vertx vertx) {
    archive = SearchArchive.fresh(vertx);
  }

  private JsonObject first(JsonObject found) {
    return found.getJsonArray("results").getJsonObject(0);
  }

  @Test
  @DisplayName("A word finds the one project that has it, and not the hidden or the unpublished one that also has it")
  void oneWord() {
    assertEquals(List.of("Kubernetes autoscaler"), archive.titles(q("kubernetes")));
  }

  @Test
  @DisplayName("Words are stemmed: 'running' finds run, runs and running, the title match first")
  void stemming() {
    List<String> titles = archive.titles(q("running"));
    assertEquals("Running analytics", titles.get(0));
    assertEquals(List.of("Carbon dashboard", "Kubernetes autoscaler", "Running analytics"),
        titles.stream().sorted().toList());
  }

  @Test
  @DisplayName("Several words must all match, in any field: summary, idea, tags, skills, members, awards, outcomes")
  void multiWord() {
    assertEquals(List.of("Support chatbot"), archive.titles(q("customer docs")));
    assertEquals(List.of("Support chatbot"), archive.titles(q("Nakamura customer")));
    assertEquals(List.of("Kubernetes autoscaler"), archive.titles(q("people's choice")));
    assertEquals(List.of("Kubernetes autoscaler"), archive.titles(q("production cluster")));
    assertEquals(List.of("Support chatbot", "Running analytics").stream().sorted().toList(),
        archive.titles(q("ai python")).stream().sorted().toList());
  }

  @Test
  @DisplayName("The last word matches as a prefix, as while typing")
  void prefix() {
    assertEquals(List.of("Support chatbot"), archive.titles(q("chatb")));
    assertEquals(List.of("Kubernetes autoscaler"), archive.titles(q("kube")));
    assertEquals(List.of("Kubernetes autoscaler"), archive.titles(q("queue dep")));
  }

  @Test
  @DisplayName("A word with a typo that matches nothing is corrected to the nearest known word, and says so")
  void typos() {
    assertEquals("Kubernetes autoscaler", first(archive.found(q("kubernets"))).getString("title"));
    JsonObject found = archive.found(q("kuberentes"));
    assertEquals("kubernetes", found.getString("searchedFor"));
    assertEquals("kuberentes", found.getString("q"));
    assertEquals("Kubernetes autoscaler", first(found).getString("title"));
    JsonObject chatbot = archive.found(q("chatbto"));
    assertEquals("chatbot", chatbot.getString("searchedFor"));
    assertEquals(List.of("Support chatbot"), chatbot.getJsonArray("results").stream()
        .map(o -> ((JsonObject) o).getString("title")).toList());
    assertEquals("customer chatbot", archive.found(q("custmer chatbot")).getString("searchedFor"));
    assertNull(archive.found(q("kubernetes")).getString("searchedFor"));
  }

  @Test
  @DisplayName("A word that is like nothing known finds nothing, and suggests nothing")
  void nothing() {
    JsonObject found = archive.found(q("zzyzx"));
    assertEquals(0, found.getLong("total"));
    assertTrue(found.getJsonArray("results").isEmpty());
    assertNull(found.getString("searchedFor"));
  }

  @Test
  @DisplayName("Matched words are marked in the title and the snippet")
  void highlights() {
    JsonObject hit = first(archive.found(q("chatbot")));
    assertEquals("Support <mark>chatbot</mark>", hit.getString("titleHtml"));
    assertEquals("Support chatbot", hit.getString("title"));
    assertTrue(hit.getString("snippet").contains("<mark>chatbot</mark>"), hit.getString("snippet"));
    assertEquals("/projects/" + archive.chatbot, hit.getString("url"));
    assertEquals("ShipIt 40", hit.getJsonObject("event").getString("title"));
    assertEquals(2025, hit.getJsonObject("event").getInteger("year"));
    assertEquals("roadmap", hit.getString("outcome"));
    assertEquals("finalist", hit.getJsonArray("awards").getJsonObject(0).getString("kind"));
  }

  @Test
  @DisplayName("Titles and snippets are escaped: a title with <script> is shown as text, only our <mark> is HTML")
  void escaped() {
    JsonObject hit = first(archive.found(q("tracker")));
    assertEquals("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; <mark>Tracker</mark>".replace("&#x2F;", "/"),
        hit.getString("titleHtml").replace("&#x2F;", "/"));
    assertFalse(hit.getString("snippet").contains("<b>"), hit.getString("snippet"));
    assertTrue(hit.getString("snippet").contains("claims &amp; more"), hit.getString("snippet"));
    String page = archive.api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/showcase/search?q=tracker")
        .bodyAsString();
    assertFalse(page.contains("<script>alert"), page);
    assertTrue(page.contains("<mark>Tracker</mark>"), page);
  }

  @Test
  @DisplayName("Without words, every project of the archive is listed, newest event first")
  void browse() {
    JsonObject found = archive.found("");
    assertEquals(5, found.getLong("total"));
    List<String> titles = found.getJsonArray("results").stream().map(o -> ((JsonObject) o).getString("title"))
        .toList();
    assertEquals(List.of("Running analytics", "Carbon dashboard"), titles.subList(0, 2));
  }
}
