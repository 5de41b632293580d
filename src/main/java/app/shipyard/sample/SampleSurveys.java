package app.shipyard.sample;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * A closed feedback survey for every archived sample event that had people taking part, with answers from about three
 * in four of them: ratings, "would you take part again" and a few comments, varied by person and event but the same on
 * every load. Load it after the events (and the archive), so that it finds every archived event.
 */
public final class SampleSurveys {

  private static final String SURVEYS_AND_ANSWERS = """
      WITH surveyed AS (
             INSERT INTO surveys (event_id, state, opened_by, opened_at, closed_at)
             SELECT e.id, 'closed', e.created_by, e.ends_at + interval '1 day', e.ends_at + interval '15 days'
               FROM events e
              WHERE e.phase = 'archived' AND EXISTS (SELECT 1 FROM event_participants ep WHERE ep.event_id = e.id)
             ON CONFLICT (event_id) DO NOTHING
             RETURNING id, event_id, opened_at)
      INSERT INTO survey_answers (survey_id, event_id, person_id, rating, again, went_well, better, answered_at)
      SELECT s.id, s.event_id, ep.person_id, 3 + (ep.person_id * 7 + s.event_id * 3) % 3,
             5 + (ep.person_id * 5 + s.event_id) % 6,
             CASE WHEN ep.person_id % 3 = 0 THEN '' ELSE (ARRAY[
               'The demos were the best part of the day.', 'Working with people from other offices.',
               'Mentors were easy to find and generous with their time.', 'Shipping something real in a day.',
               'The kick-off made the themes clear.'])[1 + (ep.person_id % 5)::int] END,
             CASE WHEN ep.person_id % 4 = 1 THEN '' ELSE (ARRAY[
               'More time between team forming and the demos.', 'A quieter room for remote teams to present.',
               'Publish the judging criteria before pitching.', 'Better snacks for the late shift.'])
               [1 + ((ep.person_id + s.event_id) % 4)::int] END,
             s.opened_at + (ep.person_id % 72) * interval '1 hour'
        FROM surveyed s JOIN event_participants ep ON ep.event_id = s.event_id
       WHERE (ep.person_id + s.event_id) % 4 <> 0
      """;

  private final Pool pool;

  public SampleSurveys(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> load() {
    return pool.query(SURVEYS_AND_ANSWERS).execute().mapEmpty();
  }
}
