package app.shipyard.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
@DisplayName("The sample surveys")
class SampleSurveysTest {

  private static long event(String title, String phase, String... people) {
    long id = TestShipyard.pool().preparedQuery("""
        INSERT INTO events (kind, title, phase, starts_at, ends_at, created_by)
        SELECT 'day', $1::text, $2::text, now() - interval '30 days', now() - interval '29 days', id
          FROM people WHERE email = 'organiser@test.example' RETURNING id""").execute(Tuple.of(title, phase)).await()
        .iterator().next().getLong(0);
    TestShipyard.pool().preparedQuery("INSERT INTO event_participants (event_id, person_id) "
        + "SELECT $1::bigint, id FROM people WHERE email = ANY ($2::text[])").execute(Tuple.of(id).addArrayOfString(people)).await();
    return id;
  }

  @Test
  @DisplayName("Every archived event with people taking part gets a closed survey with answers from most of them, once")
  void closedSurveysForArchivedEvents() {
    TestShipyard.reset();
    String[] everyone = {TestShipyard.ADMIN, TestShipyard.ORGANISER, TestShipyard.LEADERSHIP, TestShipyard.EMPLOYEE,
        TestShipyard.OTHER_EMPLOYEE};
    long archived = event("Spring", "archived", everyone);
    long empty = event("Nobody came", "archived");
    long running = event("Now", "building", everyone);

    new SampleSurveys(TestShipyard.pool()).load().await();
    new SampleSurveys(TestShipyard.pool()).load().await();

    assertEquals(1, Fixture.count("SELECT count(*) FROM surveys"));
    assertEquals(1, Fixture.count("SELECT count(*) FROM surveys WHERE event_id = $1 AND state = 'closed'", archived));
    assertEquals(0, Fixture.count("SELECT count(*) FROM surveys WHERE event_id IN ($1, $2)", empty, running));
    long answers = Fixture.count("SELECT count(*) FROM survey_answers");
    assertTrue(answers >= 3 && answers <= 5, "about three in four answer: " + answers);
    assertEquals(answers, Fixture.count("SELECT count(*) FROM survey_answers WHERE rating BETWEEN 3 AND 5 "
        + "AND again BETWEEN 5 AND 10"));
  }
}
