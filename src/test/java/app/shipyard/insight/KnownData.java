package app.shipyard.insight;

import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;

/**
 * A known data set for the insights figures, written straight into the database (fixture people plus four more):
 * <ul>
 *   <li><b>Old</b> (2024-05-01, archived): Emma alone, on her pitch asking for Kafka.</li>
 *   <li><b>ShipIt 1</b> (2026-03-10, archived, smallest team 2): Emma, Otto, Sam, Nia, Finn and Mia take part. "Bot"
 *   (Emma; Sam and Otto join; asks Kafka and React; Berlin and Sydney) is on a voting round's ballot, Otto votes, it
 *   wins an award and ships (after a 'roadmap' outcome with an estimate that no longer counts). Nia's "Solo" (UX
 *   research, too small to be a team) and Finn's hidden pitch (Kafka). Mia mentors. A closed survey: Emma 5/10,
 *   Otto 4/9, Sam 3/5, Nia 2/8.</li>
 *   <li><b>ShipIt 2</b> (2026-09-15, archived, smallest team 1): Emma, Otto and Leo. Otto's "Dash" (Emma joins; Kafka;
 *   Remote; roadmap, 40 hours saved estimated) and Leo's "Docs" (Berlin; parked, 5000 revenue estimated).</li>
 *   <li><b>Plans</b> (2026-10-01, draft): not in any period.</li>
 * </ul>
 * Skills: Emma Kafka and React, Sam Kafka and React, Nia UX research, Mia Kafka, Finn Go.
 */
final class KnownData {

  long old;
  long first;
  long second;
  long draft;
  long bot;
  long dash;

  static KnownData load() {
    TestShipyard.reset();
    KnownData d = new KnownData();
    Events.skills("Kafka", "React", "UX research", "Go");
    Events.person("sam@test.example", "Sam Sydney", "Engineering", "Sydney", "Kafka", "React");
    Events.person("nia@test.example", "Nia NewYork", "Design", "New York", "UX research");
    Events.person("finn@test.example", "Finn Free", "Marketing", "Sydney", "Go");
    Events.person("mia@test.example", "Mia Mentor", "Engineering", "Remote", "Kafka");
    sql("INSERT INTO person_skills (person_id, skill_id) SELECT p.id, s.id FROM people p, skills s "
        + "WHERE p.email = 'employee@test.example' AND s.name IN ('Kafka', 'React')");

    d.old = event("Old", "archived", "2024-05-01T09:00:00Z", 1);
    take(d.old, EMMA);
    team(d.old, pitch(d.old, EMMA, "Old idea", null, "Kafka"), EMMA);

    d.first = event("ShipIt 1", "archived", "2026-03-10T09:00:00Z", 2);
    take(d.first, EMMA, OTTO, SAM, NIA, FINN, MIA);
    d.bot = pitch(d.first, EMMA, "Bot", null, "Kafka", "React");
    team(d.first, d.bot, EMMA, SAM, OTTO);
    located(d.bot, "Berlin", "Sydney");
    team(d.first, pitch(d.first, NIA, "Solo", null, "UX research"), NIA);
    team(d.first, pitch(d.first, FINN, "Off topic", "Not about this event", "Kafka"), FINN);
    sql("INSERT INTO mentors (event_id, person_id) SELECT $1::bigint, id FROM people WHERE email = $2::text",
        d.first, MIA);
    vote(d.first, d.bot, OTTO);
    sql("INSERT INTO awards (event_id, pitch_id, kind, title, awarded_by) "
        + "SELECT $1::bigint, $2::bigint, 'winner', 'People''s Choice', id FROM people "
        + "WHERE email = 'organiser@test.example'", d.first, d.bot);
    outcome(d.bot, "roadmap", "cost_avoided", 999, true, "2026-04-01T00:00:00Z");
    outcome(d.bot, "shipped", "hours_saved", 120, false, "2026-06-01T00:00:00Z");
    sql("INSERT INTO surveys (event_id, state, opened_by, closed_at) "
        + "SELECT $1::bigint, 'closed', id, now() FROM people WHERE email = 'organiser@test.example'", d.first);
    answer(d.first, EMMA, 5, 10, "Great demos", "");
    answer(d.first, OTTO, 4, 9, "", "More time for demos");
    answer(d.first, SAM, 3, 5, "", "");
    answer(d.first, NIA, 2, 8, "Met new people", "Better coffee");

    d.second = event("ShipIt 2", "archived", "2026-09-15T09:00:00Z", 1);
    take(d.second, EMMA, OTTO, LEO);
    d.dash = pitch(d.second, OTTO, "Dash", null, "Kafka");
    team(d.second, d.dash, OTTO, EMMA);
    located(d.dash, "Remote");
    long docs = pitch(d.second, LEO, "Docs", null);
    team(d.second, docs, LEO);
    located(docs, "Berlin");
    outcome(d.dash, "roadmap", "hours_saved", 40, true, "2026-10-01T00:00:00Z");
    outcome(docs, "parked", "revenue", 5000, true, "2026-10-02T00:00:00Z");

    d.draft = event("Plans", "draft", "2026-10-01T09:00:00Z", 1);
    return d;
  }

  static final String EMMA = TestShipyard.EMPLOYEE;
  static final String OTTO = TestShipyard.OTHER_EMPLOYEE;
  static final String LEO = TestShipyard.LEADERSHIP;
  static final String SAM = "sam@test.example";
  static final String NIA = "nia@test.example";
  static final String FINN = "finn@test.example";
  static final String MIA = "mia@test.example";

  static long event(String title, String phase, String startsAt, int teamMin) {
    return id("""
        INSERT INTO events (kind, title, phase, starts_at, ends_at, team_min, created_by)
        SELECT 'day', $1::text, $2::text, $3::timestamptz, $3::timestamptz + interval '1 day', $4::int, id
          FROM people WHERE email = 'organiser@test.example'
        RETURNING id""", title, phase, OffsetDateTime.parse(startsAt), teamMin);
  }

  static void take(long event, String... emails) {
    sql("INSERT INTO event_participants (event_id, person_id) "
        + "SELECT $1::bigint, id FROM people WHERE email = ANY ($2::text[])", event, emails);
  }

  static long pitch(long event, String captain, String title, String hiddenReason, String... skills) {
    long id = id("""
        INSERT INTO pitches (event_id, captain_id, title, summary, capacity, hidden_reason)
        SELECT $1::bigint, id, $2::text, 'A summary', 5, $3::text FROM people WHERE email = $4::text RETURNING id""",
        event, title, hiddenReason, captain);
    sql("INSERT INTO pitch_skills (pitch_id, skill_id) SELECT $1::bigint, id FROM skills WHERE name = ANY ($2::text[])",
        id, skills);
    return id;
  }

  /** The captain first, then the members. */
  static void team(long event, long pitch, String captain, String... members) {
    sql("INSERT INTO team_members (pitch_id, person_id, event_id, is_captain) "
        + "SELECT $1::bigint, id, $2::bigint, email = $3::text FROM people "
        + "WHERE email = $3::text OR email = ANY ($4::text[])", pitch, event, captain, members);
  }

  static void located(long pitch, String... locations) {
    sql("INSERT INTO pitch_locations (pitch_id, location_id) "
        + "SELECT $1::bigint, id FROM locations WHERE name = ANY ($2::text[])", pitch, locations);
  }

  private static void vote(long event, long pitch, String voter) {
    long round = id("""
        INSERT INTO voting_rounds (event_id, title, ballot, state, opened_at, created_by)
        SELECT $1::bigint, 'Final', 'single', 'open', now(), id FROM people WHERE email = 'organiser@test.example'
        RETURNING id""",
        event);
    long category = id("INSERT INTO voting_categories (round_id, name, position) VALUES ($1, 'People''s Choice', 1) "
        + "RETURNING id", round);
    sql("INSERT INTO voting_round_projects (round_id, pitch_id, event_id) VALUES ($1, $2, $3)", round, pitch, event);
    sql("""
        WITH b AS (INSERT INTO ballots (round_id, category_id, voter_id)
                   SELECT $1::bigint, $2::bigint, id FROM people WHERE email = $4::text RETURNING id)
        INSERT INTO ballot_choices (ballot_id, round_id, pitch_id, points)
        SELECT id, $1::bigint, $3::bigint, 1 FROM b""",
        round, category, pitch, voter);
    sql("UPDATE voting_rounds SET state = 'closed', closed_at = now() WHERE id = $1", round);
  }

  private static void outcome(long pitch, String kind, String impact, int value, boolean estimated, String at) {
    sql("""
        INSERT INTO project_outcomes (pitch_id, kind, happened_on, impact_kind, impact_value, impact_estimated,
                                      recorded_by, recorded_at)
        SELECT $1::bigint, $2::text, current_date, $3::text, $4::int::numeric, $5::boolean, id, $6::timestamptz
          FROM people WHERE email = 'organiser@test.example'""",
        pitch, kind, impact, value, estimated, OffsetDateTime.parse(at));
  }

  static void answer(long event, String email, int rating, int again, String wentWell, String better) {
    sql("""
        INSERT INTO survey_answers (survey_id, event_id, person_id, rating, again, went_well, better)
        SELECT s.id, s.event_id, p.id, $3::int, $4::int, $5::text, $6::text FROM surveys s, people p
         WHERE s.event_id = $1::bigint AND p.email = $2::text""",
        event, email, rating, again, wentWell, better);
  }

  static void sql(String statement, Object... params) {
    TestShipyard.pool().preparedQuery(statement).execute(Tuple.from(params)).await();
  }

  private static long id(String statement, Object... params) {
    return TestShipyard.pool().preparedQuery(statement).execute(Tuple.from(params)).await().iterator().next()
        .getLong(0);
  }
}
