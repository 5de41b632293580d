package app.shipyard.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event runs from 2026-12-01T09:00Z to 2026-12-02T09:00Z in Europe/Berlin (UTC+1 in December); Sydney is on
 * daylight saving time then (AEDT, UTC+11).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Times on the overview are shown in the viewer's own time zone")
class TimeZoneDisplayTest {

  private Api api;
  private long event;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    Events events = new Events(api);
    event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    for (String[] item : new String[][] {{"Hacking starts", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"},
        {"Late pizza", "2026-12-01T12:00:00Z", "2026-12-01T14:00:00Z"}}) {
      assertEquals(201, events.post(events.organiserToken(), "/api/events/" + event + "/schedule", new JsonObject()
          .put("title", item[0]).put("startsAt", item[1]).put("endsAt", item[2])).statusCode());
    }
  }

  private String overviewFor(String location) {
    TestShipyard.pool().preparedQuery("UPDATE people SET location_id = (SELECT id FROM locations WHERE name = $1) "
        + "WHERE email = $2").execute(Tuple.of(location, TestShipyard.EMPLOYEE)).await();
    return api.browser().signIn(TestShipyard.EMPLOYEE).getPage("/events/" + event).bodyAsString();
  }

  @Test
  @DisplayName("A viewer in Sydney sees Sydney time with the zone named, and the event's Berlin time alongside")
  void sydneyViewer() {
    String page = overviewFor("Sydney");
    assertTrue(page.contains("From <strong>Tue 1 Dec 2026, 20:00 (Australia/Sydney)</strong> to "
        + "<strong>Wed 2 Dec 2026, 20:00 (Australia/Sydney)</strong> <span class=\"muted\">(event time: "
        + "Tue 1 Dec 2026, 10:00 (Europe/Berlin) to Wed 2 Dec 2026, 10:00 (Europe/Berlin))</span>"), page);
    assertTrue(page.contains("<strong>Hacking starts</strong> · Tue 1 Dec 2026, 20:00–21:00 (Australia/Sydney) "
        + "<span class=\"muted\">(event time: Tue 1 Dec 2026, 10:00–11:00 (Europe/Berlin))</span>"), page);
    assertTrue(page.contains("<strong>Late pizza</strong> · Tue 1 Dec 2026, 23:00 – Wed 2 Dec 2026, 01:00 (Australia/Sydney) "
        + "<span class=\"muted\">(event time: Tue 1 Dec 2026, 13:00–15:00 (Europe/Berlin))</span>"), page);
  }

  @Test
  @DisplayName("A viewer in Berlin sees Berlin time once, with no second time")
  void berlinViewer() {
    String page = overviewFor("Berlin");
    assertTrue(page.contains("From <strong>Tue 1 Dec 2026, 10:00 (Europe/Berlin)</strong> to "
        + "<strong>Wed 2 Dec 2026, 10:00 (Europe/Berlin)</strong></p>"), page);
    assertTrue(page.contains("<strong>Hacking starts</strong> · Tue 1 Dec 2026, 10:00–11:00 (Europe/Berlin)\n"), page);
    assertFalse(page.contains("event time:"), page);
    assertFalse(page.contains("Australia/Sydney"), page);
  }

  @Test
  @DisplayName("A viewer without a location sees the event's own time zone")
  void viewerWithoutLocation() {
    String page = overviewFor(null);
    assertTrue(page.contains("From <strong>Tue 1 Dec 2026, 10:00 (Europe/Berlin)</strong> to "
        + "<strong>Wed 2 Dec 2026, 10:00 (Europe/Berlin)</strong></p>"), page);
    assertFalse(page.contains("event time:"), page);
  }

  @Test
  @DisplayName("A viewer in New York sees the start in the early morning, New York time")
  void newYorkViewer() {
    String page = overviewFor("New York");
    assertTrue(page.contains("From <strong>Tue 1 Dec 2026, 04:00 (America/New_York)</strong>"), page);
    assertTrue(page.contains("Late pizza</strong> · Tue 1 Dec 2026, 07:00–09:00 (America/New_York)"), page);
  }
}
