package app.shipyard.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The insights figures on the known data set of {@link KnownData}, read by leadership; nothing here writes. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Insights: every figure on a known data set")
class InsightsTest {

  static final String YEAR = "?from=2026-01-01&to=2026-12-31";
  private static KnownData data;
  private static String leader;
  private Api api;

  @BeforeAll
  static void load() {
    data = KnownData.load();
  }

  @BeforeEach
  void setUp(Vertx vertx) {
    api = new Api(vertx);
    if (leader == null) {
      leader = api.token(TestShipyard.LEADERSHIP);
    }
  }

  private JsonObject insights(String path) {
    HttpResponse<Buffer> response = api.as(leader, api.get(path)).send().await();
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertTrue(response.getHeader("Content-Type").startsWith("application/json"));
    return response.bodyAsJsonObject();
  }

  /** A figure's rows, each value as text (numbers without trailing zeros: 120.00 is "120", 77.80 is "77.8"). */
  static List<List<String>> rows(JsonObject insights, String figure) {
    return insights.getJsonObject("figures").getJsonObject(figure).getJsonArray("rows").stream()
        .map(row -> ((JsonObject) row).stream().map(e -> text(e.getValue())).toList()).toList();
  }

  private static String text(Object value) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  private static List<String> row(Object... values) {
    return java.util.Arrays.stream(values).map(String::valueOf).toList();
  }

  @Test
  @DisplayName("Participation over a year: unique people, first-timers and returning, who pitched, joined, mentored, voted")
  void participation() {
    JsonObject year = insights("/api/insights" + YEAR);
    assertEquals(new JsonObject().put("from", "2026-01-01").put("to", "2026-12-31"), year.getJsonObject("scope"));
    assertEquals(2, year.getInteger("events"), "the draft and the 2024 event are out");
    assertEquals(List.of(row("took part", 7, "77.8"), row("first-timers", 6, "66.7"), row("returning", 1, "11.1"),
        row("pitched", 5, "55.6"), row("joined a team", 3, "33.3"), row("mentored", 1, "11.1"),
        row("voted", 1, "11.1")), rows(year, "participation"));
  }

  @Test
  @DisplayName("Shares of the workforce by department and by location, most engaged first")
  void shares() {
    JsonObject year = insights("/api/insights" + YEAR);
    assertEquals(List.of(row("Engineering", 4, 4, 100), row("Design", 2, 2, 100), row("Marketing", 1, 1, 100),
        row("People", 1, 0, 0), row("Product", 1, 0, 0)), rows(year, "departments"));
    assertEquals(List.of(row("Sydney", 2, 2, 100), row("New York", 1, 1, 100), row("Remote", 1, 1, 100),
        row("Berlin", 5, 3, 60)), rows(year, "locations"));
  }

  @Test
  @DisplayName("The funnel counts pitches (hidden ones too), teams, demos, awards, outcomes and shipped projects")
  void funnel() {
    assertEquals(List.of(row("pitches", 5, 100), row("hidden by moderators", 1, 20), row("teams", 3, 60),
        row("demos", 1, 20), row("awards", 1, 20), row("outcomes", 3, 60), row("shipped", 1, 20)),
        rows(insights("/api/insights" + YEAR), "funnel"));
  }

  @Test
  @DisplayName("Cross-functional teams beside single-department and single-location ones, with awards and shipped")
  void crossFunctional() {
    assertEquals(List.of(row("two or more departments", 2, 1, 1, 50, 50), row("one department", 1, 0, 0, 0, 0),
        row("two or more locations", 1, 1, 1, 100, 100), row("one location", 2, 0, 0, 0, 0)),
        rows(insights("/api/insights" + YEAR), "cross-functional"));
  }

  @Test
  @DisplayName("Skill gaps (asked by shown pitches per person who has the skill) and skills used for the first time")
  void skills() {
    JsonObject year = insights("/api/insights" + YEAR);
    assertEquals(List.of(row("UX research", 1, 1, 1), row("Kafka", 2, 3, "0.67"), row("React", 1, 2, "0.5")),
        rows(year, "skill-gaps"), "the hidden pitch's Kafka does not count");
    assertEquals(List.of(row("React", 2), row("Kafka", 1)), rows(year, "skill-growth"),
        "Emma used Kafka at the 2024 event already; Sam used Kafka and React first, Emma React");
  }

  @Test
  @DisplayName("Projects per location, impact of current outcomes (measured and estimated), and event-by-event trends")
  void projectsImpactTrends() {
    JsonObject year = insights("/api/insights" + YEAR);
    assertEquals(List.of(row("Berlin", 2), row("Remote", 1), row("Sydney", 1)), rows(year, "projects-by-location"));
    assertEquals(List.of(row("hours_saved", 2, 120, 40), row("cost_avoided", 0, 0, 0), row("revenue", 1, 0, 5000),
        row("customers_reached", 0, 0, 0)), rows(year, "impact"), "Bot's superseded estimate of 999 does not count");
    assertEquals(List.of(row("ShipIt 1", "2026-03-10", 6, 3, 1, 1, 1, 1, "3.5", 25),
        row("ShipIt 2", "2026-09-15", 3, 2, 2, 0, 0, 0, null, null)), rows(year, "trends"));
  }

  @Test
  @DisplayName("The period filter picks the events that started in it; bad dates are 400 naming the field")
  void periodFilter() {
    JsonObject spring = insights("/api/insights?from=2026-01-01&to=2026-06-30");
    assertEquals(1, spring.getInteger("events"));
    assertEquals(List.of("ShipIt 1"), rows(spring, "trends").stream().map(r -> r.get(0)).toList());
    assertEquals(row("took part", 6, "66.7"), rows(spring, "participation").get(0));
    assertEquals(1, insights("/api/insights?from=2024-01-01&to=2024-12-31").getInteger("events"));

    JsonObject byDefault = insights("/api/insights");
    String to = byDefault.getJsonObject("scope").getString("to");
    assertEquals(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), to);
    assertEquals(java.time.LocalDate.parse(to).minusMonths(12).plusDays(1).toString(),
        byDefault.getJsonObject("scope").getString("from"), "the default is the last twelve months");

    for (String bad : List.of("from=2026-02-30", "from=26-01-01", "to=yesterday", "from=%2B2026-01-01")) {
      HttpResponse<Buffer> refused = api.as(leader, api.get("/api/insights?" + bad)).send().await();
      assertEquals(400, refused.statusCode(), bad);
      assertTrue(refused.bodyAsJsonObject().getJsonObject("fields").getString(bad.substring(0, bad.indexOf('=')))
          .contains("YYYY-MM-DD"), refused.bodyAsString());
    }
    HttpResponse<Buffer> backwards = api.as(leader, api.get("/api/insights?from=2026-05-01&to=2026-04-01")).send().await();
    assertEquals(400, backwards.statusCode());
    assertEquals("must be on or after from", backwards.bodyAsJsonObject().getJsonObject("fields").getString("to"));
  }

  @Test
  @DisplayName("One event's insights carry its own survey results, and the next event's carry the previous feedback")
  void perEventAndFeedback() {
    JsonObject first = insights("/api/events/" + data.first + "/insights");
    assertEquals(data.first, first.getJsonObject("scope").getLong("eventId"));
    assertEquals(List.of(row("took part", 6, "66.7"), row("first-timers", 5, "55.6"), row("returning", 1, "11.1")),
        rows(first, "participation").subList(0, 3));
    JsonObject feedback = first.getJsonObject("feedback");
    assertEquals(4, feedback.getInteger("responses"));
    assertEquals(6, feedback.getInteger("takingPart"));
    assertEquals("3.5", text(feedback.getValue("averageRating")));
    assertEquals(25, feedback.getInteger("nps"));
    assertEquals(new JsonArray().add("Great demos").add("Met new people"), feedback.getJsonArray("wentWell"));
    assertEquals(null, first.getValue("previousFeedback"), "the 2024 event had no survey");

    JsonObject second = insights("/api/events/" + data.second + "/insights");
    assertEquals(null, second.getValue("feedback"));
    JsonObject previous = second.getJsonObject("previousFeedback");
    assertEquals("ShipIt 1", previous.getString("eventTitle"));
    assertEquals(25, previous.getInteger("nps"));
    assertEquals(new JsonArray().add("More time for demos").add("Better coffee"), previous.getJsonArray("better"));

    String page = api.browser().signIn(TestShipyard.LEADERSHIP).getPage("/events/" + data.second + "/insights")
        .bodyAsString();
    String previousSection = page.substring(page.indexOf("id=\"previous-feedback\""), page.indexOf("id=\"figure-"));
    assertTrue(previousSection.contains("ShipIt 1") && previousSection.contains("<dd class=\"nps\">25</dd>")
        && previousSection.contains("<dd class=\"average-rating\">3.50</dd>")
        && previousSection.contains("Better coffee"), previousSection);
  }

  @Test
  @DisplayName("Each chart is an SVG whose bars carry the same numbers as the figure's table")
  void chartsMatchTables() {
    String page = api.browser().signIn(TestShipyard.LEADERSHIP).getPage("/insights" + YEAR).bodyAsString();
    for (FigureKind kind : FigureKind.values()) {
      String section = Pages.section(page, "figure-" + kind.key);
      assertTrue(section.contains("<svg class=\"chart\" id=\"chart-" + kind.key + "\" role=\"img\""), section);
      List<List<String>> table = Pages.tableRows(section);
      assertEquals(table.stream().map(r -> r.get(kind.chartColumn)).toList(), Pages.barValues(section), kind.key);
      assertEquals(table.stream().map(r -> r.get(0)).toList(), Pages.barLabels(section), kind.key);
      assertTrue(section.contains("href=\"/insights/" + kind.key + ".csv?from&#x3D;2026-01-01&amp;to&#x3D;2026-12-31\""),
          section);
    }
    assertEquals(List.of(List.of("pitches", "5", "100.0"), List.of("hidden by moderators", "1", "20.0")),
        Pages.tableRows(Pages.section(page, "figure-funnel")).subList(0, 2));
  }

  @Test
  @DisplayName("Leadership sees counts of hidden pitches but no pitch's content")
  void noPitchContent() {
    String page = api.browser().signIn(TestShipyard.LEADERSHIP).getPage("/insights" + YEAR).bodyAsString();
    String json = api.as(leader, api.get("/api/insights" + YEAR)).send().await().bodyAsString();
    for (String content : List.of("Off topic", "Not about this event", "Bot", "Solo")) {
      assertFalse(page.contains(content), content);
      assertFalse(json.contains(content), content);
    }
  }
}
