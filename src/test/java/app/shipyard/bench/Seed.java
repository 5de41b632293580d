package app.shipyard.bench;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/** A large, deterministic event for the benchmarks: many people, many pitches, skills, interest and comments. */
final class Seed {

  private Seed() {}

  static String email(int i) {
    return "bench" + i + "@bench.example";
  }

  /** Loads the data set in one transaction and returns the event's id. */
  static long load(Pool pool, int people, int pitches) {
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
            INSERT INTO events (kind, title, phase, starts_at, ends_at, time_zone, team_max, created_by)
            VALUES ('day', 'Benchmark ShipIt', 'team_forming', '2026-12-03T08:00:00Z', '2026-12-04T16:00:00Z',
                    'Europe/Berlin', 6, 1);
            INSERT INTO event_locations (event_id, location_id) SELECT 1, id FROM locations;
            """).execute())
        .compose(d -> tx.preparedQuery("""
            INSERT INTO pitches (event_id, captain_id, title, summary, idea, capacity, tags)
            SELECT 1, i, 'Benchmark idea ' || i, 'A one-line summary of idea ' || i,
                   repeat('Some **Markdown** text about the idea. ', 20), 2 + i % 5, ARRAY['tag' || (i % 10)]
              FROM generate_series(1, $1) AS i
            """).execute(Tuple.of(pitches)))
        .compose(d -> tx.query("""
            INSERT INTO pitch_skills (pitch_id, skill_id) SELECT DISTINCT id, 1 + (id * k * 3) % 20
              FROM pitches, generate_series(1, 2) AS k;
            INSERT INTO event_participants (event_id, person_id) SELECT 1, captain_id FROM pitches;
            INSERT INTO team_members (pitch_id, person_id, event_id, is_captain) SELECT id, captain_id, 1, true FROM pitches;
            INSERT INTO pitch_interest (pitch_id, person_id)
            SELECT DISTINCT 1 + (p.id * 13) % (SELECT count(*) FROM pitches), p.id FROM people p;
            INSERT INTO pitch_comments (pitch_id, author_id, body) SELECT 1 + (p.id * 7) % (SELECT count(*) FROM pitches),
              p.id, 'A question about this idea from person ' || p.id FROM people p WHERE p.id % 4 = 0;
            """).execute())
        .map(1L)).await();
  }
}
