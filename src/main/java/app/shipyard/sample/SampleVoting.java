package app.shipyard.sample;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample company's voting. ShipIt 42 gets its demo-day round, a draft ready to open, with two categories: People's
 * Choice (live) and Most Innovative (hidden until the organiser reveals it). ShipIt 41 gets its past rounds, closed:
 * a Singapore and a Berlin heat, and the grand final their winners were carried into, with ballots, results and the
 * published awards (heat and final winners, finalists). Ballots are written while the rounds are open and closed in
 * a second transaction, since the database refuses any ballot committed outside its round's open window.
 */
final class SampleVoting {

  private static final OffsetDateTime DEMOS = OffsetDateTime.parse("2026-04-17T13:00:00Z");
  private static final String ROUND = """
      INSERT INTO voting_rounds (event_id, title, ballot, electorate, visibility, location_id, state, created_by,
                                 created_at, opened_at)
      VALUES ($1, $2, 'single', $3, $4, (SELECT id FROM locations WHERE name = $5), $6, $7, $8, $9) RETURNING id
      """;
  private static final String CATEGORY = """
      INSERT INTO voting_categories (round_id, name, position, visibility) VALUES ($1, $2, $3, $4) RETURNING id
      """;
  private static final String PROJECTS = """
      INSERT INTO voting_round_projects (round_id, pitch_id, event_id)
      SELECT $1, id, event_id FROM pitches WHERE id = ANY ($2::bigint[])
      """;
  private static final String BALLOT = """
      WITH b AS (INSERT INTO ballots (round_id, category_id, voter_id, cast_at) VALUES ($1, $2, $3, $5) RETURNING id)
      INSERT INTO ballot_choices (ballot_id, round_id, pitch_id, points) SELECT id, $1, $4, 1 FROM b
      """;
  private static final String VOTERS = """
      SELECT id FROM people WHERE location_id = (SELECT id FROM locations WHERE name = $1) OR $1 IS NULL
       ORDER BY id LIMIT 12
      """;
  private static final String CLOSE = """
      UPDATE voting_rounds SET state = 'closed', closed_at = opened_at + interval '40 minutes',
             revealed_at = CASE WHEN visibility = 'on_reveal' THEN opened_at + interval '45 minutes' END
       WHERE id = ANY ($1::bigint[])
      """;
  // The winners of every category of these rounds (the sample has no ties), and the finalists of the final.
  private static final String AWARDS = """
      WITH t AS (SELECT b.round_id, b.category_id, bc.pitch_id, count(*) AS points,
                        rank() OVER (PARTITION BY b.category_id ORDER BY count(*) DESC) AS place
                   FROM ballots b JOIN ballot_choices bc ON bc.ballot_id = b.id
                  WHERE b.round_id = ANY ($1::bigint[]) GROUP BY b.round_id, b.category_id, bc.pitch_id)
      INSERT INTO awards (event_id, pitch_id, kind, title, round_id, category_id, place, points, awarded_by, awarded_at)
      SELECT r.event_id, t.pitch_id, 'winner', c.name || ' · ' || r.title, r.id, c.id, 1, t.points, r.created_by,
             r.closed_at
        FROM t JOIN voting_rounds r ON r.id = t.round_id JOIN voting_categories c ON c.id = t.category_id
       WHERE t.place = 1
      UNION ALL
      SELECT r.event_id, rp.pitch_id, 'finalist', 'Finalist · ' || r.title, r.id, NULL, NULL, NULL, r.created_by,
             r.created_at
        FROM voting_rounds r JOIN voting_round_projects rp ON rp.round_id = r.id WHERE r.id = $2
      """;
  private static final String AUDIT = """
      INSERT INTO voting_audit (at, actor_id, action, round_id)
      SELECT r.created_at, r.created_by, 'round.created', r.id FROM voting_rounds r WHERE r.id = ANY ($1::bigint[])
      UNION ALL SELECT r.opened_at, r.created_by, 'round.opened', r.id FROM voting_rounds r WHERE r.id = ANY ($1::bigint[])
      UNION ALL SELECT r.closed_at, r.created_by, 'round.closed', r.id FROM voting_rounds r WHERE r.id = ANY ($1::bigint[])
      UNION ALL SELECT r.closed_at, r.created_by, 'awards.published', r.id FROM voting_rounds r
                 WHERE r.id = ANY ($1::bigint[])
      """;

  private final Pool pool;

  SampleVoting(Pool pool) {
    this.pool = pool;
  }

  /** A round to write: its heat's location (or null), its categories (name, own visibility) and its projects. */
  private record Plan(String title, String location, String visibility, String state, List<String[]> categories,
                      List<Integer> projects, OffsetDateTime opened, List<int[]> votes) {}

  Future<Void> load() {
    return pool.withTransaction(tx -> context(tx).compose(c -> upcoming(tx, c).compose(d -> past(tx, c))))
        .compose(past -> pool.withTransaction(tx -> tx.preparedQuery(CLOSE).execute(Tuple.of(past))
            .compose(d -> tx.preparedQuery(AWARDS).execute(Tuple.of(past, past[past.length - 1])))
            .compose(d -> tx.preparedQuery(AUDIT).execute(Tuple.of((Object) past)))))
        .mapEmpty();
  }

  private record Context(long organiser, long current, long archived, List<Long> currentPitches,
                         List<Long> archivedPitches) {}

  private static Future<Context> context(SqlConnection tx) {
    return tx.preparedQuery("""
        SELECT (SELECT id FROM people WHERE email = 'organiser@northwind.example') AS organiser, e.id, e.title,
               array_agg(p.id ORDER BY p.id) AS pitches
          FROM events e JOIN pitches p ON p.event_id = e.id WHERE e.title = ANY ($1::text[]) GROUP BY e.id
        """).execute(Tuple.of((Object) new String[] {SampleContent.CURRENT_DAY.title(), SampleContent.PAST_DAY.title()}))
        .map(rows -> {
          long organiser = 0;
          long current = 0;
          long archived = 0;
          List<Long> now = List.of();
          List<Long> then = List.of();
          for (var r : rows) {
            organiser = r.getLong("organiser");
            if (r.getString("title").equals(SampleContent.CURRENT_DAY.title())) {
              current = r.getLong("id");
              now = List.of(r.getArrayOfLongs("pitches"));
            } else {
              archived = r.getLong("id");
              then = List.of(r.getArrayOfLongs("pitches"));
            }
          }
          return new Context(organiser, current, archived, now, then);
        });
  }

  private static Future<Long> upcoming(SqlConnection tx, Context c) {
    Plan plan = new Plan("Demo day vote", null, "live", "draft",
        List.of(new String[] {"People's Choice", null}, new String[] {"Most Innovative", "on_reveal"}),
        List.of(), null, List.of());
    return round(tx, c.current(), c.currentPitches(), c.organiser(), plan);
  }

  /** The heats and the final of ShipIt 41; returns their ids, the final last. Votes: {category, project, voters}. */
  private static Future<Long[]> past(SqlConnection tx, Context c) {
    List<String[]> one = List.<String[]>of(new String[] {"People's Choice", null});
    Plan singapore = new Plan("Singapore heat", "Singapore", "after_close", "open", one, List.of(0, 1, 3),
        DEMOS, List.of(new int[] {0, 0, 5}, new int[] {0, 1, 2}, new int[] {0, 3, 1}));
    Plan berlin = new Plan("Berlin heat", "Berlin", "after_close", "open", one, List.of(1, 2, 4),
        DEMOS, List.of(new int[] {0, 2, 4}, new int[] {0, 4, 3}, new int[] {0, 1, 1}));
    Plan grand = new Plan("Grand final", null, "on_reveal", "open",
        List.of(new String[] {"People's Choice", null}, new String[] {"Best Customer Impact", null}), List.of(0, 2),
        DEMOS.plusHours(1), List.of(new int[] {0, 0, 7}, new int[] {0, 2, 4}, new int[] {1, 2, 6}, new int[] {1, 0, 3}));
    List<Long> ids = new ArrayList<>();
    return round(tx, c.archived(), c.archivedPitches(), c.organiser(), singapore).map(ids::add)
        .compose(d -> round(tx, c.archived(), c.archivedPitches(), c.organiser(), berlin)).map(ids::add)
        .compose(d -> round(tx, c.archived(), c.archivedPitches(), c.organiser(), grand)).map(ids::add)
        .compose(d -> tx.preparedQuery("INSERT INTO voting_final_heats (final_id, heat_id, top) VALUES ($1, $2, 1), "
            + "($1, $3, 1)").execute(Tuple.of(ids.get(2), ids.get(0), ids.get(1))))
        .map(d -> ids.toArray(Long[]::new));
  }

  private static Future<Long> round(SqlConnection tx, long eventId, List<Long> pitches, long organiser, Plan plan) {
    OffsetDateTime created = plan.opened() == null ? OffsetDateTime.now() : plan.opened().minusDays(1);
    Long[] projects = plan.projects().isEmpty() ? pitches.toArray(Long[]::new)
        : plan.projects().stream().map(pitches::get).toArray(Long[]::new);
    return tx.preparedQuery(ROUND).execute(Tuple.of(eventId, plan.title(), "employees", plan.visibility(),
            plan.location(), plan.state()).addLong(organiser)
            .addOffsetDateTime(created).addOffsetDateTime(plan.opened()))
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(id -> tx.preparedQuery(PROJECTS).execute(Tuple.of(id).addArrayOfLong(projects))
            .compose(d -> categories(tx, id, plan, 0, new ArrayList<>()))
            .compose(categories -> ballots(tx, id, plan, categories, pitches)).map(id));
  }

  private static Future<List<Long>> categories(SqlConnection tx, long roundId, Plan plan, int at, List<Long> ids) {
    if (at == plan.categories().size()) {
      return Future.succeededFuture(ids);
    }
    String[] c = plan.categories().get(at);
    return tx.preparedQuery(CATEGORY).execute(Tuple.of(roundId, c[0], at + 1, c[1]))
        .compose(rows -> {
          ids.add(rows.iterator().next().getLong("id"));
          return categories(tx, roundId, plan, at + 1, ids);
        });
  }

  /** Each vote {category, project, how many} is cast by the next voters of the heat's location (or anyone's). */
  private static Future<Void> ballots(SqlConnection tx, long roundId, Plan plan, List<Long> categories,
                                      List<Long> pitches) {
    if (plan.votes().isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(VOTERS).execute(Tuple.of(plan.location())).compose(rows -> {
      List<Long> voters = new ArrayList<>();
      rows.forEach(r -> voters.add(r.getLong("id")));
      List<Tuple> ballots = new ArrayList<>();
      int[] next = new int[categories.size()];
      for (int[] vote : plan.votes()) {
        for (int i = 0; i < vote[2]; i++) {
          ballots.add(Tuple.of(roundId, categories.get(vote[0]), voters.get(next[vote[0]]++), pitches.get(vote[1]),
              plan.opened().plusMinutes(5 + i)));
        }
      }
      return tx.preparedQuery(BALLOT).executeBatch(ballots).mapEmpty();
    });
  }
}
