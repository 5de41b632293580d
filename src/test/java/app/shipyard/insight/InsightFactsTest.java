package app.shipyard.insight;

import static app.shipyard.insight.InsightsTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.Api;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The per-event facts the dashboard sums (migration V18) follow every change to the data they summarise: each test
 * reads the dashboard (so the facts are built), changes the known data set of {@link KnownData}, and reads again.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Insights: the kept facts follow changes to the data")
class InsightFactsTest {

  private static final String YEAR = "/api/insights" + InsightsTest.YEAR;
  private KnownData data;
  private Api api;
  private String leader;

  @BeforeEach
  void setUp(Vertx vertx) {
    data = KnownData.load();
    api = new Api(vertx);
    leader = api.token(TestShipyard.LEADERSHIP);
  }

  private JsonObject insights(String path) {
    HttpResponse<Buffer> response = api.as(leader, api.get(path)).send().await();
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static List<String> row(Object... values) {
    return Arrays.stream(values).map(String::valueOf).toList();
  }

  @Test
  @DisplayName("An outcome recorded through the API after a read shows at once in the funnel, impact and trends")
  void outcomeRecorded() {
    JsonObject before = insights(YEAR);
    assertEquals(row("shipped", 1, 20), rows(before, "funnel").get(6));
    assertEquals(row("hours_saved", 2, 120, 40), rows(before, "impact").get(0));

    HttpResponse<Buffer> recorded = api.as(api.token(TestShipyard.ORGANISER),
            api.client().post("/api/projects/" + data.dash + "/outcomes"))
        .sendJsonObject(new JsonObject().put("kind", "shipped").put("happenedOn", "2026-10-01")).await();
    assertEquals(201, recorded.statusCode(), recorded.bodyAsString());

    JsonObject after = insights(YEAR);
    assertEquals(row("shipped", 2, 40), rows(after, "funnel").get(6));
    assertEquals(row("outcomes", 3, 60), rows(after, "funnel").get(5), "Dash had an outcome already");
    assertEquals(row("hours_saved", 1, 120, 0), rows(after, "impact").get(0),
        "Dash's estimate of 40 hours belonged to its superseded outcome");
    assertEquals(row("ShipIt 2", "2026-09-15", 3, 2, 2, 0, 0, 1, null, null), rows(after, "trends").get(1));
    assertEquals(row("two or more departments", 2, 1, 2, 50, 100), rows(after, "cross-functional").get(0));
    assertEquals(row("shipped", 1, 50), rows(insights("/api/events/" + data.second + "/insights"), "funnel")
        .get(6), "the event's own dashboard follows too");
  }

  @Test
  @DisplayName("Moving an earlier event after the period changes first-timers and skills used for the first time")
  void earlierEventMoved() {
    JsonObject before = insights(YEAR);
    assertEquals(List.of(row("took part", 7, "77.8"), row("first-timers", 6, "66.7"), row("returning", 1, "11.1")),
        rows(before, "participation").subList(0, 3));
    assertEquals(List.of(row("React", 2), row("Kafka", 1)), rows(before, "skill-growth"));

    KnownData.sql("UPDATE events SET starts_at = '2027-05-01T09:00:00Z', ends_at = '2027-05-02T09:00:00Z' "
        + "WHERE id = $1", data.old);

    JsonObject after = insights(YEAR);
    assertEquals(List.of(row("took part", 7, "77.8"), row("first-timers", 7, "77.8"), row("returning", 0, 0)),
        rows(after, "participation").subList(0, 3), "Emma's only earlier event is now a later one");
    assertEquals(List.of(row("Kafka", 2), row("React", 2)), rows(after, "skill-growth"),
        "Emma used Kafka first at ShipIt 1 now");
  }

  @Test
  @DisplayName("A member joining, a pitch hidden, a vote cast and a department changed are all counted on the next read")
  void teamsVotesAndPeopleChange() {
    insights(YEAR);
    KnownData.sql("INSERT INTO team_members (pitch_id, person_id, event_id) SELECT $1::bigint, id, $2::bigint "
        + "FROM people WHERE email = $3::text", data.bot, data.first, KnownData.MIA);
    KnownData.sql("UPDATE pitches SET hidden_reason = 'Duplicate' WHERE id = $1", data.dash);
    KnownData.sql("UPDATE voting_rounds SET state = 'open', closed_at = NULL WHERE event_id = $1", data.first);
    KnownData.sql("""
        WITH b AS (INSERT INTO ballots (round_id, category_id, voter_id)
                   SELECT c.round_id, c.id, p.id FROM voting_categories c JOIN voting_rounds r ON r.id = c.round_id,
                          people p WHERE r.event_id = $1::bigint AND p.email = $2::text RETURNING id, round_id)
        INSERT INTO ballot_choices (ballot_id, round_id, pitch_id, points) SELECT id, round_id, $3::bigint, 1 FROM b""",
        data.first, KnownData.SAM, data.bot);
    KnownData.sql("UPDATE voting_rounds SET state = 'closed', closed_at = now() WHERE event_id = $1", data.first);
    KnownData.sql("UPDATE people SET department = 'Design' WHERE email = $1", KnownData.SAM);

    JsonObject after = insights(YEAR);
    assertEquals(List.of(row("joined a team", 4, "44.4"), row("mentored", 1, "11.1"), row("voted", 2, "22.2")),
        rows(after, "participation").subList(4, 7));
    assertEquals(List.of(row("pitches", 5, 100), row("hidden by moderators", 2, 40), row("teams", 2, 40)),
        rows(after, "funnel").subList(0, 3));
    assertEquals(row("ShipIt 2", "2026-09-15", 3, 2, 1, 0, 0, 0, null, null), rows(after, "trends").get(1));
  }
}
