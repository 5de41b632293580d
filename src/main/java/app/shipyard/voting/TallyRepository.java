package app.shipyard.voting;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a round's tallies: every category and project in one query, from the totals the database keeps as votes are
 * written (sql/V19), so a live feed can poll a round of any size cheaply.
 */
public final class TallyRepository {

  private static final String TALLY = """
      SELECT c.id AS category_id, c.name, coalesce(n.ballots, 0) AS ballots, rp.pitch_id, p.title,
             coalesce(t.points, 0) AS points, clock_timestamp() AS at, tb.pitch_id AS decided_pitch, tb.reason
        FROM voting_categories c
        LEFT JOIN voting_tie_breaks tb ON tb.category_id = c.id
        JOIN voting_round_projects rp ON rp.round_id = c.round_id
        JOIN pitches p ON p.id = rp.pitch_id
        LEFT JOIN voting_ballot_counts n ON n.category_id = c.id
        LEFT JOIN voting_totals t ON t.category_id = c.id AND t.pitch_id = rp.pitch_id
       WHERE c.round_id = $1
       ORDER BY c.position, rp.pitch_id
      """;

  private record Category(long id, String name, long ballots, List<Standings.Score> scores, Tally.TieBreak tieBreak) {}

  private final Pool pool;

  public TallyRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Tally> tally(long roundId) {
    return tally(pool, roundId);
  }

  /** The tally as {@code client} sees it: inside a transaction, as of that transaction. */
  static Future<Tally> tally(SqlClient client, long roundId) {
    return client.preparedQuery(TALLY).execute(Tuple.of(roundId)).map(rows -> {
      Map<Long, Category> categories = new LinkedHashMap<>();
      OffsetDateTime at = OffsetDateTime.now();
      for (Row r : rows) {
        at = r.getOffsetDateTime("at");
        categories.computeIfAbsent(r.getLong("category_id"), id -> new Category(id, r.getString("name"),
            r.getLong("ballots"), new ArrayList<>(), r.getLong("decided_pitch") == null ? null
                : new Tally.TieBreak(r.getLong("decided_pitch"), r.getString("reason"))))
            .scores().add(new Standings.Score(r.getLong("pitch_id"), r.getString("title"), r.getLong("points")));
      }
      return new Tally(roundId, at, categories.values().stream().map(c -> new Tally.CategoryTally(c.id(), c.name(),
          c.ballots(), Standings.of(c.scores()), c.tieBreak())).toList());
    });
  }
}
