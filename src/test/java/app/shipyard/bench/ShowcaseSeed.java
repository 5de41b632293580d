package app.shipyard.bench;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The showcase benchmark's data set, in the real schema and through its triggers: 20,000 people, 500 published events
 * (weekly from January 2017, every fifth a lab) of 200 projects each (100,000), teams of two to four across
 * departments and offices, skills, tags, locations, awards (a winner, a judges' prize and two finalists per event),
 * demo links, and outcomes with their history (one project in ten; shipped ones with their impact). Titles, summaries
 * and ideas are built from a vocabulary of real words, so full-text search, stemming and the trigram fallback all
 * have work to do. Set-based SQL with generate_series, one transaction; the events are published one statement per
 * event, as organisers do, so each publish refreshes the search documents of its own 200 projects.
 */
final class ShowcaseSeed {

  static final int PEOPLE = Integer.getInteger("bench.showcase.people", 20_000);
  static final int EVENTS = Integer.getInteger("bench.showcase.events", 500);
  static final int PER_EVENT = 200;
  static final String TITLE_PREFIX = "ShipIt ";
  private static final String[] FIRST = {"Anna", "Ben", "Chloé", "David", "Elif", "Farid", "Greta", "Hiro", "Ines",
      "Jonas", "Kavya", "Liam", "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor",
      "Wen", "Ximena", "Yusuf", "Zoë", "Björn", "José", "Amara", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Ravi",
      "Sofia", "Tomás", "Aiko", "Emma", "Leon"};
  private static final String[] LAST = {"Schmidt", "Nguyen", "García", "Müller", "Okafor", "Tanaka", "Kowalski",
      "Rossi", "Silva", "Johansson", "Patel", "Cohen", "Dubois", "Yilmaz", "Kim", "Novak", "Andersen", "Fischer",
      "Haddad", "Ivanova", "Jensen", "Khan", "López", "Meyer", "Nakamura", "O'Brien", "Petrov", "Quispe", "Reyes",
      "Sato", "Torres", "Umarov", "Vogel", "Walker", "Xu", "Young", "Zimmermann", "Brandt", "Costa", "Lindqvist"};
  private static final String[] DEPARTMENTS = {"Engineering", "Design", "Product", "Data", "Marketing", "Sales",
      "Support", "Finance", "People", "Operations", "Legal", "Security"};
  private static final String[] ADJECTIVES = {"Smart", "Instant", "Self-service", "Automated", "Unified",
      "Predictive", "Realtime", "Accessible", "Offline", "Secure", "Greener", "Shared", "Friendly", "Lightweight",
      "Open", "Mobile", "Voice-driven", "Visual", "Adaptive", "Collaborative"};
  private static final String[] SUBJECTS = {"invoice", "onboarding", "expense", "warehouse", "customer support",
      "release", "incident", "hiring", "travel", "payroll", "inventory", "contract", "feedback", "meeting room",
      "parking", "energy", "shipping", "returns", "translation", "accessibility", "documentation", "code review",
      "test data", "supplier", "forecast"};
  private static final String[] THINGS = {"assistant", "dashboard", "tracker", "chatbot", "planner", "checker",
      "portal", "pipeline", "search", "map", "alerts", "kiosk", "simulator", "scanner", "recommender"};
  private static final String[] AUDIENCES = {"new joiners", "finance teams", "support agents", "warehouse staff",
      "customers", "engineers", "managers", "designers", "sales teams", "everyone"};
  private static final String[] BENEFITS = {"in minutes instead of days", "without a single spreadsheet",
      "before anything breaks", "with half the clicks", "from their phone", "in their own language",
      "with fewer mistakes", "while saving energy"};
  private static final String[] PROBLEMS = {"Today this takes hours of copying between systems and nobody trusts the "
      + "numbers.", "People wait for answers that already exist somewhere in a wiki nobody can find.",
      "Mistakes are only noticed weeks later, when fixing them is expensive.", "The current process is manual, "
      + "slow and depends on two colleagues who are always busy.", "Customers complain that they never know what "
      + "happens after they contact us.", "We spend a fortune on licences for tools that do a tiny part of the job."};
  private static final String[] IDEAS = {"We connect the existing APIs and let a small model summarise what matters.",
      "A prototype in React with a PostgreSQL backend that reads the data we already collect.",
      "We built a Kotlin service with a clean event stream and a dashboard on top.", "Machine learning ranks the "
      + "cases so the urgent ones come first; a human always decides.", "A Slack integration answers the common "
      + "questions and hands over to a person when it is unsure.", "We measured the baseline, automated the "
      + "boring parts and kept a full audit trail for compliance."};
  private static final String[] TAGS = {"AI", "sustainability", "developer-experience", "customer", "automation",
      "data", "mobile", "accessibility", "security", "cost-saving", "internal-tools", "hardware", "open-source",
      "onboarding", "analytics", "UX", "cloud", "compliance", "wellbeing", "education"};
  private static final String[] SKILLS = {"Java", "Kotlin", "React", "TypeScript", "PostgreSQL", "Kafka",
      "Kubernetes", "Python", "Machine learning", "UX research", "Visual design", "Prototyping", "Go", "Rust",
      "Accessibility", "Security", "iOS", "Android", "Data analysis", "Copywriting", "Swift", "Terraform",
      "Product management", "Statistics", "Video editing", "Hardware", "Excel", "SQL", "GraphQL", "Figma"};
  private static final String[] LOCATIONS = {"Berlin|Europe/Berlin", "New York|America/New_York",
      "Singapore|Asia/Singapore", "Sydney|Australia/Sydney", "London|Europe/London", "Bangalore|Asia/Kolkata",
      "São Paulo|America/Sao_Paulo", "Remote|UTC"};

  /** How long each step took, in the order they ran: what the benchmark reports about the seed. */
  record Step(String name, long millis) {}

  private ShowcaseSeed() {}

  /** Whether {@code pool}'s database already holds the whole data set (the seed commits in one transaction). */
  static Future<Boolean> seeded(Pool pool) {
    return pool.query("SELECT count(*) FROM events WHERE phase IN ('results', 'archived')").execute()
        .map(rows -> rows.iterator().next().getLong(0) >= EVENTS);
  }

  /** Writes the data set into an empty database, in one transaction; returns the time each step took. */
  static Future<List<Step>> load(Pool pool) {
    List<Step> steps = new ArrayList<>();
    return pool.withTransaction(tx -> new Timed(tx, steps)
        .run("locations, skills, 20,000 people with roles and skills", ShowcaseSeed::people)
        .compose(t -> t.run("500 events with their locations (in demos)", ShowcaseSeed::events))
        .compose(t -> t.run("100,000 pitches", ShowcaseSeed::pitches))
        .compose(t -> t.run("pitch skills and locations", ShowcaseSeed::pitchDetails))
        .compose(t -> t.run("statistics (ANALYZE)", ShowcaseSeed::analyze))
        .compose(t -> t.run("participants and teams of 2 to 4", ShowcaseSeed::teams))
        .compose(t -> t.run("awards, outcomes with history, demo links", ShowcaseSeed::results))
        .compose(t -> t.run("statistics (ANALYZE)", ShowcaseSeed::analyze))
        .compose(t -> t.run("publish: 500 phase moves, one statement per event", ShowcaseSeed::publish))
        // The insights' per-event facts (sql/V18), built here so that no measured request (nor the servers' minutely
        // refresh) rebuilds 500 events.
        .compose(t -> t.run("insight facts of every event", c -> c.query("SELECT insight_refresh_stale()").execute()))
        .map(t -> steps));
  }

  /** Runs steps one after another on one connection and records how long each took. */
  private record Timed(SqlConnection tx, List<Step> steps) {
    Future<Timed> run(String name, Function<SqlConnection, Future<?>> step) {
      long start = System.nanoTime();
      return step.apply(tx).map(d -> {
        steps.add(new Step(name, (System.nanoTime() - start) / 1_000_000));
        System.out.printf("seed: %s in %d ms%n", name, steps.get(steps.size() - 1).millis());
        return this;
      });
    }
  }

  private static Future<?> people(SqlConnection tx) {
    return tx.preparedQuery("""
            WITH places AS (
              INSERT INTO locations (name, time_zone, remote)
              SELECT split_part(l, '|', 1), split_part(l, '|', 2), l LIKE 'Remote|%' FROM unnest($1::text[]) AS l
            )
            INSERT INTO skills (name) SELECT unnest($2::text[])
            """).execute(Tuple.tuple().addArrayOfString(LOCATIONS).addArrayOfString(SKILLS))
        .compose(d -> tx.preparedQuery("""
            INSERT INTO people (email, display_name, department, location_id)
            SELECT 'person' || i || '@showcase.example',
                   ($2::text[])[1 + i % cardinality($2::text[])] || ' ' || ($3::text[])[1 + (i / 40) % cardinality($3::text[])],
                   ($4::text[])[1 + (i * 7) % cardinality($4::text[])],
                   (SELECT min(id) FROM locations) + (i * 3) % $5
              FROM generate_series(1, $1) AS i
            """).execute(Tuple.of(PEOPLE, FIRST, LAST, DEPARTMENTS, LOCATIONS.length)))
        .compose(d -> tx.query("""
            INSERT INTO person_roles (person_id, role) SELECT id, 'employee' FROM people;
            INSERT INTO person_roles (person_id, role) SELECT id, 'leadership' FROM people WHERE id % 500 = 1;
            INSERT INTO person_roles (person_id, role) SELECT id, 'organiser' FROM people WHERE id % 200 = 2;
            INSERT INTO person_skills (person_id, skill_id)
            SELECT DISTINCT p.id, s.first + (p.id * k * 7) % s.n
              FROM people p, generate_series(1, 3) AS k, (SELECT min(id) AS first, count(*) AS n FROM skills) s;
            """).execute());
  }

  /** Weekly from 5 January 2017 (about ten years); every fifth a lab; the last four still in results. */
  private static Future<?> events(SqlConnection tx) {
    return tx.preparedQuery("""
        WITH made AS (
          INSERT INTO events (kind, title, theme, description, phase, starts_at, ends_at, time_zone, team_max, created_by)
          SELECT CASE WHEN e % 5 = 0 THEN 'lab' ELSE 'day' END,
                 CASE WHEN e % 5 = 0 THEN 'Innovation Lab ' ELSE 'ShipIt ' END || e || ' · '
                   || to_char(timestamptz '2017-01-05 08:00Z' + (e - 1) * interval '7 days', 'FMMonth YYYY'),
                 (ARRAY['Build what you wish we had', 'Customers first', 'Less waste', 'Fix one annoying thing'])[1 + e % 4],
                 'A day to build something, then demo it to everyone.', 'demos',
                 timestamptz '2017-01-05 08:00Z' + (e - 1) * interval '7 days',
                 timestamptz '2017-01-06 16:00Z' + (e - 1) * interval '7 days',
                 (ARRAY['Europe/Berlin', 'America/New_York', 'Asia/Singapore', 'UTC'])[1 + e % 4], 4,
                 (SELECT min(id) FROM people)
            FROM generate_series(1, $1) AS e
          RETURNING id
        )
        INSERT INTO event_locations (event_id, location_id) SELECT m.id, l.id FROM made m, locations l
        """).execute(Tuple.of(EVENTS));
  }

  private static Future<?> pitches(SqlConnection tx) {
    return tx.preparedQuery("""
        INSERT INTO pitches (event_id, captain_id, title, summary, problem, idea, capacity, tags, created_at)
        SELECT e.id, (SELECT min(id) FROM people) + (e.n * 797 + (i - e.n * $9) * 4) % $10,
               ($1::text[])[1 + i % 20] || ' ' || ($2::text[])[1 + (i / 20) % 25] || ' ' || ($3::text[])[1 + (i / 7) % 15],
               'Helps ' || ($4::text[])[1 + (i / 3) % 10] || ' with ' || ($2::text[])[1 + (i / 20) % 25] || ' '
                 || ($5::text[])[1 + (i / 11) % 8],
               ($6::text[])[1 + i % 6] || ' ' || ($6::text[])[1 + (i / 6) % 6],
               ($7::text[])[1 + (i / 2) % 6] || ' **Why now:** ' || ($2::text[])[1 + (i / 20) % 25] || ' is on every '
                 || 'roadmap this year. ' || ($7::text[])[1 + (i / 13) % 6],
               4,
               ARRAY(SELECT DISTINCT ($8::text[])[1 + (i * k * 13 + k) % 20] FROM generate_series(1, 1 + i % 3) AS k),
               e.starts_at - interval '7 days'
          FROM (SELECT id, starts_at, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM events) e,
               LATERAL generate_series(e.n * $9, e.n * $9 + $9 - 1) AS i
        """).execute(Tuple.of(ADJECTIVES, SUBJECTS, THINGS, AUDIENCES, BENEFITS, PROBLEMS, IDEAS)
        .addArrayOfString(TAGS).addInteger(PER_EVENT).addInteger(PEOPLE));
  }

  private static Future<?> pitchDetails(SqlConnection tx) {
    return tx.query("""
        INSERT INTO pitch_skills (pitch_id, skill_id)
        SELECT DISTINCT p.id, s.first + (p.id * k * 3 + k) % s.n
          FROM pitches p, generate_series(1, 2 + (p.id % 2)::int) AS k,
               (SELECT min(id) AS first, count(*) AS n FROM skills) s;
        INSERT INTO pitch_locations (pitch_id, location_id)
        SELECT p.id, l.first + p.id % l.n FROM pitches p, (SELECT min(id) AS first, count(*) AS n FROM locations) l;
        """).execute();
  }

  /**
   * Teams of 2 to 4 (the captain first): slot {@code s} of an event's 800 is person {@code 1 + (797 e + s) mod 20000},
   * so nobody is on two teams of one event, and neighbours in slot order come from different departments and offices.
   */
  private static Future<?> teams(SqlConnection tx) {
    return tx.preparedQuery("""
        CREATE TEMPORARY TABLE seed_members ON COMMIT DROP AS
        SELECT p.id AS pitch_id, p.event_id, k = 0 AS is_captain, f.first + (p.captain_id - f.first + k) % $1 AS person_id
          FROM pitches p, (SELECT min(id) AS first FROM people) f, LATERAL generate_series(0, 1 + (p.id % 3)::int) AS k
        """).execute(Tuple.of(PEOPLE))
        .compose(d -> tx.query("""
            INSERT INTO event_participants (event_id, person_id) SELECT DISTINCT event_id, person_id FROM seed_members;
            INSERT INTO team_members (pitch_id, person_id, event_id, is_captain)
            SELECT pitch_id, person_id, event_id, is_captain FROM seed_members;
            """).execute());
  }

  /**
   * Per event: the first project wins People's Choice, the second gets the judges' prize, the third and fourth are
   * finalists. One project in ten has an outcome, a third of those shipped with an impact; every fourth of them was
   * on a roadmap first (a history of two). Every other project has a repository link, every fifth a video.
   */
  private static Future<?> results(SqlConnection tx) {
    return tx.query("""
        CREATE TEMPORARY TABLE seed_projects ON COMMIT DROP AS
        SELECT p.id, p.event_id, p.captain_id, e.ends_at, (row_number() OVER (PARTITION BY p.event_id ORDER BY p.id) - 1)::int AS n
          FROM pitches p JOIN events e ON e.id = p.event_id;
        INSERT INTO awards (event_id, pitch_id, kind, title, place, awarded_by, awarded_at)
        SELECT event_id, id, (ARRAY['winner', 'prize', 'finalist', 'finalist'])[n + 1],
               (ARRAY['People''s Choice', 'Judges'' Prize', 'People''s Choice', 'People''s Choice'])[n + 1],
               (ARRAY[1, NULL, 2, 3])[n + 1], (SELECT min(id) FROM people), ends_at
          FROM seed_projects WHERE n < 4;
        INSERT INTO project_outcomes (pitch_id, kind, happened_on, recorded_by, recorded_at, note)
        SELECT id, 'roadmap', (ends_at + interval '30 days')::date, captain_id, ends_at + interval '30 days',
               'Picked up by the product team for next quarter''s roadmap.'
          FROM seed_projects WHERE n % 10 = 0 AND n % 40 = 0;
        INSERT INTO project_outcomes (pitch_id, kind, happened_on, link, note, impact_kind, impact_value,
                                      impact_estimated, recorded_by, recorded_at)
        SELECT id, k.kind, (ends_at + interval '90 days')::date,
               CASE WHEN k.kind = 'shipped' THEN 'https://intranet.example/launches/' || id END,
               CASE k.kind WHEN 'shipped' THEN 'Shipped to production; teams use it every day and the savings are real.'
                           WHEN 'lab' THEN 'Continued in the innovation lab with two more engineers.'
                           WHEN 'spun_off' THEN 'Spun off as its own small product team.'
                           ELSE 'Parked: the numbers did not justify it yet, but we learned a lot.' END,
               CASE WHEN k.kind = 'shipped'
                    THEN (ARRAY['hours_saved', 'cost_avoided', 'revenue', 'customers_reached'])[1 + ((id / 10) % 4)::int] END,
               CASE WHEN k.kind = 'shipped' THEN 500 + (id * 37) % 20000 END,
               CASE WHEN k.kind = 'shipped' THEN id % 2 = 0 END,
               captain_id, ends_at + interval '90 days'
          FROM seed_projects,
               LATERAL (SELECT (ARRAY['shipped', 'shipped', 'shipped', 'lab', 'spun_off', 'parked', 'shipped',
                                      'lab', 'parked'])[1 + ((id / 10) % 9)::int] AS kind) k
         WHERE n % 10 = 0;
        INSERT INTO project_links (pitch_id, kind, url, label, added_by, added_at)
        SELECT id, 'repository', 'https://git.example/showcase/project-' || id, 'Source code', captain_id, ends_at
          FROM seed_projects WHERE n % 2 = 0
        UNION ALL
        SELECT id, 'video', 'https://video.example/demos/' || id, 'Demo recording', captain_id, ends_at
          FROM seed_projects WHERE n % 5 = 0;
        """).execute();
  }

  /**
   * Statistics for what this transaction wrote (ANALYZE counts its own uncommitted rows; autovacuum cannot see them).
   * Without them the search refresh the publish triggers run plans each project's team members → people subqueries as a
   * hash join over a sequential scan of people, once per project: O(projects × people), 35 s instead of 9 s for 25
   * events of 200 projects with 2,000 people, and ten times worse with 20,000 (see BENCHMARKS.md).
   */
  private static Future<?> analyze(SqlConnection tx) {
    return tx.query("ANALYZE").execute();
  }

  /** Every event goes demos → results (the last four stay there) → archived, with its phase changes recorded. */
  private static Future<?> publish(SqlConnection tx) {
    return tx.query("SELECT id, ends_at FROM events ORDER BY id").execute().compose(rows -> {
      List<Tuple> moves = new ArrayList<>();
      rows.forEach(r -> moves.add(Tuple.of(r.getLong("id"), moves.size() >= EVENTS - 4 ? "results" : "archived")));
      return tx.preparedQuery("""
          WITH moved AS (UPDATE events SET phase = $2 WHERE id = $1 RETURNING id, created_by, ends_at)
          INSERT INTO event_phase_changes (event_id, from_phase, to_phase, changed_by, changed_at)
          SELECT id, 'demos', 'results', created_by, ends_at FROM moved
          UNION ALL SELECT id, 'results', 'archived', created_by, ends_at + interval '14 days' FROM moved WHERE $2 = 'archived'
          """).executeBatch(moves);
    });
  }
}
