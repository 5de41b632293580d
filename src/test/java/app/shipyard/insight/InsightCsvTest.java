package app.shipyard.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Insights as CSV, and who may read insights")
class InsightCsvTest {

  private HttpResponse<Buffer> get(Api api, String email, String path) {
    return api.as(api.token(email), api.get(path)).send().await();
  }

  @Test
  @DisplayName("Every figure downloads as CSV with its headings, the same rows, and a file name for its scope")
  void csvFiles(Vertx vertx) {
    KnownData data = KnownData.load();
    Api api = new Api(vertx);
    HttpResponse<Buffer> funnel = get(api, TestShipyard.LEADERSHIP, "/insights/funnel.csv" + InsightsTest.YEAR);
    assertEquals(200, funnel.statusCode(), funnel.bodyAsString());
    assertEquals("text/csv; charset=utf-8", funnel.getHeader("Content-Type"));
    assertEquals("attachment; filename=\"insights-2026-01-01-to-2026-12-31-funnel.csv\"",
        funnel.getHeader("Content-Disposition"));
    assertEquals("step,projects,share of pitches\r\npitches,5,100.0\r\nhidden by moderators,1,20.0\r\nteams,3,60.0\r\n"
        + "demos,1,20.0\r\nawards,1,20.0\r\noutcomes,3,60.0\r\nshipped,1,20.0\r\n", funnel.bodyAsString());

    HttpResponse<Buffer> trends = get(api, TestShipyard.ORGANISER, "/events/" + data.first + "/insights/trends.csv");
    assertEquals(200, trends.statusCode(), trends.bodyAsString());
    assertEquals("attachment; filename=\"event-" + data.first + "-trends.csv\"", trends.getHeader("Content-Disposition"));
    assertEquals("event,starts on,people,pitches,teams,mentors,awarded,shipped,rating,nps\r\n"
        + "ShipIt 1,2026-03-10,6,3,1,1,1,1,3.50,25\r\n", trends.bodyAsString());

    for (FigureKind kind : FigureKind.values()) {
      HttpResponse<Buffer> csv = get(api, TestShipyard.LEADERSHIP, "/insights/" + kind.key + ".csv" + InsightsTest.YEAR);
      assertEquals(200, csv.statusCode(), kind.key);
      List<String> lines = csv.bodyAsString().lines().toList();
      assertTrue(lines.size() >= 2, kind.key + ": " + lines);
    }
    for (String missing : List.of("/insights/nope.csv", "/insights/funnel.txt", "/insights/funnel",
        "/events/" + data.first + "/insights/nope.csv", "/events/987654/insights/funnel.csv")) {
      assertEquals(404, get(api, TestShipyard.LEADERSHIP, missing).statusCode(), missing);
    }
  }

  @Test
  @DisplayName("Text cells that a spreadsheet would run as a formula start with a quote; numbers, negative too, do not")
  void injectionSafe(Vertx vertx) {
    TestShipyard.reset();
    List<String> titles = List.of("=1+2", "+SUM(A1)", "-2+3", "@cmd", "Plain");
    for (int i = 0; i < titles.size(); i++) {
      KnownData.event(titles.get(i), "archived", "2026-0" + (i + 1) + "-01T09:00:00Z", 1);
    }
    long unhappy = KnownData.event("Unhappy", "archived", "2026-07-01T09:00:00Z", 1);
    KnownData.take(unhappy, TestShipyard.EMPLOYEE);
    KnownData.sql("INSERT INTO surveys (event_id, opened_by) SELECT $1::bigint, id FROM people WHERE email = $2::text",
        unhappy, TestShipyard.ORGANISER);
    KnownData.answer(unhappy, TestShipyard.EMPLOYEE, 1, 0, "", "");

    String csv = get(new Api(vertx), TestShipyard.LEADERSHIP, "/insights/trends.csv" + InsightsTest.YEAR).bodyAsString();
    List<String> lines = csv.lines().toList();
    assertEquals(List.of("'=1+2", "'+SUM(A1)", "'-2+3", "'@cmd", "Plain", "Unhappy"),
        lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList(), csv);
    assertTrue(lines.get(6).endsWith(",1.00,-100"), "a negative NPS is a number: " + lines.get(6));
  }

  @Test
  @DisplayName("Employees get 403 from every insights route, pages and API alike; leadership and organisers get them")
  void whoReads(Vertx vertx) {
    TestShipyard.reset();
    long event = KnownData.event("ShipIt 1", "archived", "2026-03-10T09:00:00Z", 1);
    Api api = new Api(vertx);
    List<String> paths = List.of("/api/insights", "/api/events/" + event + "/insights", "/insights/funnel.csv",
        "/events/" + event + "/insights/funnel.csv");
    for (String path : paths) {
      assertEquals(403, get(api, TestShipyard.EMPLOYEE, path).statusCode(), path);
      assertEquals(200, get(api, TestShipyard.LEADERSHIP, path).statusCode(), path);
      assertEquals(200, get(api, TestShipyard.ORGANISER, path).statusCode(), path);
    }
    Api.Browser employee = api.browser().signIn(TestShipyard.EMPLOYEE);
    for (String page : List.of("/insights", "/events/" + event + "/insights")) {
      HttpResponse<Buffer> refused = employee.getPage(page);
      assertEquals(403, refused.statusCode(), page);
      assertTrue(refused.bodyAsString().contains("only for leadership or organisers or admins"), refused.bodyAsString());
    }
    String eventPage = employee.getPage("/events/" + event).bodyAsString();
    assertFalse(eventPage.contains("/insights"), "employees see no insights link");
    assertTrue(api.browser().signIn(TestShipyard.LEADERSHIP).getPage("/events/" + event).bodyAsString()
        .contains("href=\"/events/" + event + "/insights\""));
  }
}
