package app.shipyard.bench.live;

import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * The live benchmark's data, written straight into its own database: voters (people taking part, on no team), one
 * captain per project, an organiser, and an event in its demos phase with those projects. Rounds and the running
 * order are then made through the API ({@link Organiser}), as an organiser would.
 */
final class LiveSeed {

  static final String ORGANISER = "organiser@bench.example";

  /** The event and its projects' ids. */
  record Seeded(long event, JsonArray pitches) {}

  private LiveSeed() {}

  static Seeded load(Pool pool, int voters, int pitches) {
    return pool.withTransaction(tx -> tx.query("""
            INSERT INTO locations (name, time_zone, remote) VALUES ('Berlin', 'Europe/Berlin', false)
            """).execute()
        .compose(d -> tx.preparedQuery("""
            INSERT INTO people (email, display_name, department, location_id)
            SELECT 'voter' || i || '@bench.example', 'Voter ' || i, 'Sales', 1 FROM generate_series(0, $1 - 1) AS i
            UNION ALL
            SELECT 'captain' || i || '@bench.example', 'Captain ' || i, 'Engineering', 1
              FROM generate_series(1, $2) AS i
            UNION ALL
            SELECT $3, 'Olga Organiser', 'Events', 1
            """).execute(Tuple.of(voters, pitches, ORGANISER)))
        .compose(d -> tx.preparedQuery("""
            INSERT INTO person_roles (person_id, role)
            SELECT id, 'employee' FROM people UNION ALL SELECT id, 'organiser' FROM people WHERE email = $1
            """).execute(Tuple.of(ORGANISER)))
        .compose(d -> tx.preparedQuery("""
            INSERT INTO events (kind, title, phase, starts_at, ends_at, time_zone, team_max, created_by)
            SELECT 'day', 'Live benchmark ShipIt', 'demos', now() - interval '1 day', now() + interval '1 day', 'UTC', 6,
                   id FROM people WHERE email = $1
            RETURNING id
            """).execute(Tuple.of(ORGANISER)).map(rows -> rows.iterator().next().getLong("id")))
        .compose(event -> tx.preparedQuery("""
            WITH located AS (INSERT INTO event_locations (event_id, location_id) VALUES ($1, 1)),
                 taking_part AS (INSERT INTO event_participants (event_id, person_id)
                                 SELECT $1, id FROM people WHERE email <> $2)
            INSERT INTO pitches (event_id, captain_id, title, summary, capacity)
            SELECT $1, id, 'Project ' || substr(email, 8, strpos(email, '@') - 8), 'A benchmark project', 4
              FROM people WHERE email LIKE 'captain%'
            RETURNING id
            """).execute(Tuple.of(event, ORGANISER)).compose(rows -> {
              JsonArray ids = new JsonArray();
              rows.forEach((Row row) -> ids.add(row.getLong("id")));
              return tx.preparedQuery("""
                  INSERT INTO team_members (pitch_id, person_id, event_id, is_captain)
                  SELECT id, captain_id, event_id, true FROM pitches WHERE event_id = $1
                  """).execute(Tuple.of(event)).map(d -> new Seeded(event, ids));
            }))).await();
  }
}
