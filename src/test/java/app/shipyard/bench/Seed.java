package app.shipyard.bench;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * Large, deterministic events for the benchmarks: many people, and two events in team forming with many pitches,
 * skills, interest marks and comments; the second event is the same shape with many more pitches.
 */
final class Seed {

  /** The two events' ids: {@code event} with the usual number of pitches, {@code bigEvent} with many more. */
  record Events(long event, long bigEvent) {}

  private Seed() {}

  static String email(int i) {
    return "bench" + i + "@bench.example";
  }

  /** Loads the data set in one transaction; the first event's pitches have the ids 1 to {@code pitches}. */
  static Events load(Pool pool, int people, int pitches, int bigPitches) {
    return pool.withTransaction(tx -> tx.query("""
            INSERT INTO locations (name, time_zone, remote) VALUES ('Berlin', 'Europe/Berlin', false),
              ('New York', 'America/New_York', false), ('Singapore', 'Asia/Singapore', false),
              ('Sydney', 'Australia/Sydney', false), ('Remote', 'UTC', true);
            INSERT INTO skills (name) SELECT unnest(ARRAY['Java', 'Kotlin', 'React', 'TypeScript', 'PostgreSQL', 'Kafka',
              'Kubernetes', 'Python', 'Machine learning', 'UX research', 'Visual design', 'Prototyping', 'Go', 'Rust',
              'Accessibility', 'Security', 'iOS', 'Android', 'Data analysis', 'Copywriting']);
            """).execute()
        .compose(d -> tx.preparedQuery("""
            INSERT INTO people (email, display_name, department, location_id)
            SELECT 'bench' || i || '@bench.example', 'Bench Person ' || i,
                   (ARRAY['Engineering', 'Design', 'Product', 'Data', 'Marketing', 'Sales', 'Support', 'Finance'])[1 + i % 8],
                   1 + i % 5
              FROM generate_series(0, $1 - 1) AS i
            """).execute(Tuple.of(people)))
        .compose(d -> tx.query("""
            INSERT INTO person_roles (person_id, role) SELECT id, 'employee' FROM people;
            INSERT INTO person_skills (person_id, skill_id)
            SELECT DISTINCT p.id, 1 + (p.id * k * 7) % 20 FROM people p, generate_series(1, 3) AS k;
            """).execute())
        .compose(d -> event(tx, "Benchmark ShipIt", pitches))
        .compose(event -> event(tx, "Benchmark ShipIt XL", bigPitches).map(big -> new Events(event, big)))).await();
  }

  /**
   * An event in team forming at every location with {@code pitches} pitches, captained by people 1, 2, ... in turn:
   * each with 2 wanted skills, a tag and a Markdown idea of about 800 characters; every person marks interest in one
   * of them, and every fourth person comments on one.
   */
  private static Future<Long> event(SqlConnection tx, String title, int pitches) {
    return tx.preparedQuery("""
            INSERT INTO events (kind, title, phase, starts_at, ends_at, time_zone, team_max, created_by)
            VALUES ('day', $1, 'team_forming', '2026-12-03T08:00:00Z', '2026-12-04T16:00:00Z', 'Europe/Berlin', 6, 1)
            RETURNING id
            """).execute(Tuple.of(title)).map(rows -> rows.iterator().next().getLong("id"))
        .compose(event -> tx.preparedQuery("""
            WITH located AS (INSERT INTO event_locations (event_id, location_id) SELECT $1, id FROM locations)
            INSERT INTO pitches (event_id, captain_id, title, summary, idea, capacity, tags)
            SELECT $1, 1 + (i - 1) % (SELECT count(*) FROM people), 'Benchmark idea ' || i,
                   'A one-line summary of idea ' || i, repeat('Some **Markdown** text about the idea. ', 20), 2 + i % 5,
                   ARRAY['tag' || (i % 10)]
              FROM generate_series(1, $2) AS i
            """).execute(Tuple.of(event, pitches)).map(event))
        .compose(event -> tx.preparedQuery("""
            WITH mine AS (SELECT id, captain_id, row_number() OVER (ORDER BY id) - 1 AS n FROM pitches WHERE event_id = $1),
                 skills AS (INSERT INTO pitch_skills (pitch_id, skill_id)
                            SELECT DISTINCT id, 1 + (id * k * 3) % 20 FROM mine, generate_series(1, 2) AS k),
                 participants AS (INSERT INTO event_participants (event_id, person_id)
                                  SELECT DISTINCT $1, captain_id FROM mine),
                 captains AS (INSERT INTO team_members (pitch_id, person_id, event_id, is_captain)
                              SELECT id, captain_id, $1, true FROM mine),
                 interest AS (INSERT INTO pitch_interest (pitch_id, person_id)
                              SELECT m.id, p.id FROM people p JOIN mine m ON m.n = (p.id * 13) % $2)
            INSERT INTO pitch_comments (pitch_id, author_id, body)
            SELECT m.id, p.id, 'A question about this idea from person ' || p.id
              FROM people p JOIN mine m ON m.n = (p.id * 7) % $2 WHERE p.id % 4 = 0
            """).execute(Tuple.of(event, pitches)).map(event));
  }
}
