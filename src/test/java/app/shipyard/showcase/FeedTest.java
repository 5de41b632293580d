package app.shipyard.showcase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("The showcase's Atom feeds")
class FeedTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private ShowcaseFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new ShowcaseFixture(vertx);
    ShowcaseFixture.ok(f.events.post(f.emma, "/api/projects/" + f.gamma + "/outcomes",
        ShowcaseFixture.outcome("shipped", "2026-02-01").put("note", "Live for <all> teams & more")));
    ShowcaseFixture.ok(f.events.post(f.emma, "/api/projects/" + f.alpha + "/outcomes",
        ShowcaseFixture.outcome("parked", "2025-05-01")));
  }

  private Document feed(String path) throws Exception {
    HttpResponse<Buffer> response = f.events.get(f.emma, path);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("application/atom+xml; charset=utf-8", response.getHeader("Content-Type"));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes()));
  }

  private static String child(Element parent, String name) {
    NodeList found = parent.getElementsByTagNameNS(ATOM, name);
    assertTrue(found.getLength() > 0, "missing atom:" + name);
    return found.item(0).getTextContent();
  }

  /** Checks what RFC 4287 requires of the feed and every entry, and returns the entries' titles in order. */
  private static List<String> entries(Document doc) {
    Element feed = doc.getDocumentElement();
    assertEquals("feed", feed.getLocalName());
    assertEquals(ATOM, feed.getNamespaceURI());
    assertTrue(child(feed, "id").startsWith("tag:"));
    assertFalse(child(feed, "title").isBlank());
    Instant.parse(child(feed, "updated"));
    assertEquals("Shipyard", child((Element) feed.getElementsByTagNameNS(ATOM, "author").item(0), "name"));
    List<String> titles = new ArrayList<>();
    NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      assertTrue(child(entry, "id").startsWith("tag:shipyard.app,2026:"));
      Instant.parse(child(entry, "updated"));
      Element link = (Element) entry.getElementsByTagNameNS(ATOM, "link").item(0);
      assertTrue(link.getAttribute("href").matches("http://[^/]+/projects/[0-9]+"), link.getAttribute("href"));
      titles.add(child(entry, "title"));
    }
    return titles;
  }

  @Test
  @DisplayName("The whole showcase's feed is valid Atom with the published awards and shipped outcomes, newest first")
  void overall() throws Exception {
    Document doc = feed("/showcase/feed.atom");
    List<String> titles = entries(doc);
    assertEquals(List.of("Shipped: Gamma (ShipIt Winter 2026)"), titles.subList(0, 1));
    assertTrue(titles.containsAll(List.of("Winner, People's Choice: Zeta search (ShipIt Spring 2025)",
        "Finalist, People's Choice: Beta bot (ShipIt Spring 2025)")), titles.toString());
    assertEquals(3, titles.size(), "no parked outcome and nothing of the hidden pitch: " + titles);
    assertEquals("Live for <all> teams & more", child(doc.getDocumentElement(), "summary"));
  }

  @Test
  @DisplayName("An event's feed has only that event's entries, and an event under way has no feed yet")
  void perEvent() throws Exception {
    List<String> titles = entries(feed("/showcase/events/" + f.spring + "/feed.atom"));
    assertEquals(2, titles.size(), titles.toString());
    assertTrue(titles.stream().allMatch(t -> t.endsWith("(ShipIt Spring 2025)")));
    assertEquals(409, f.events.get(f.emma, "/showcase/events/" + f.lab + "/feed.atom").statusCode());
    assertEquals(404, f.events.get(f.emma, "/showcase/events/" + f.draft + "/feed.atom").statusCode());
  }
}
