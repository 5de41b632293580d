package app.shipyard.showcase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Answers of published pages are kept per address and ETag; each request below is asked twice so the second is kept. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Kept answers of published showcase pages")
class KeptAnswersTest {

  private ShowcaseFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new ShowcaseFixture(vertx);
  }

  private String twice(String token, String path) {
    f.getJson(token, path);
    return f.events.get(token, path).bodyAsString();
  }

  @Test
  @DisplayName("What is kept for one viewer is never sent to another: leadership's count of hidden pitches stays theirs")
  void perViewer() {
    String path = "/api/showcase/events/" + f.spring;
    assertFalse(twice(f.emma, path).contains("hiddenPitches"));
    assertTrue(twice(f.leadership, path).contains("\"hiddenPitches\":1"));
    assertFalse(twice(f.emma, path).contains("hiddenPitches"));
    String leaders = f.api.browser().signIn(TestShipyard.LEADERSHIP).getPage("/showcase/events/" + f.spring)
        .bodyAsString();
    var employee = f.api.browser().signIn(TestShipyard.EMPLOYEE);
    employee.getPage("/showcase/events/" + f.spring);
    String employees = employee.getPage("/showcase/events/" + f.spring).bodyAsString();
    assertTrue(leaders.contains("1 not shown"), leaders);
    assertFalse(employees.contains("not shown"), employees);
  }

  @Test
  @DisplayName("Another year or page of the archive, which has the same ETag, is not answered with the one kept")
  void perAddress() {
    String all = twice(f.emma, "/api/showcase");
    assertTrue(all.contains("ShipIt Spring 2025") && all.contains("ShipIt Winter 2026"), all);
    String spring = twice(f.emma, "/api/showcase?year=2025");
    assertTrue(spring.contains("ShipIt Spring 2025") && !spring.contains("ShipIt Winter 2026"), spring);
    String winter = twice(f.emma, "/api/showcase?year=2026");
    assertTrue(winter.contains("ShipIt Winter 2026") && !winter.contains("ShipIt Spring 2025"), winter);
  }

  @Test
  @DisplayName("A change to a project is shown at once, though its page was kept just before")
  void changesShowAtOnce() {
    String path = "/api/projects/" + f.zeta;
    assertFalse(twice(f.emma, path).contains("Now with facets"));
    TestShipyard.pool().preparedQuery("UPDATE pitches SET summary = 'Now with facets' WHERE id = $1")
        .execute(Tuple.of(f.zeta)).await();
    assertEquals("Now with facets", f.getJson(f.emma, path).getString("summary"));
  }
}
