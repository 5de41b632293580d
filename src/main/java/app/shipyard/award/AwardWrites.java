package app.shipyard.award;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;

/**
 * Writes awards inside the caller's transaction (the caller holds the locks and writes the audit): a round's category
 * winners, a final's finalists, a judges' prize. Publishing again gives the same rows: what still holds is kept (with
 * its first award date), what no longer holds (a tie decided since) is removed.
 */
public final class AwardWrites {

  /** The longest award title the table takes. */
  public static final int TITLE = 120;

  private static final String WINNERS = """
      WITH w AS (SELECT * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::int[], $6::text[])
                   AS w(category_id, pitch_id, title, points, tie_break)),
           gone AS (DELETE FROM awards a WHERE a.round_id = $1 AND a.kind = 'winner'
                      AND NOT EXISTS (SELECT 1 FROM w WHERE w.category_id = a.category_id AND w.pitch_id = a.pitch_id))
      INSERT INTO awards (event_id, pitch_id, kind, title, round_id, category_id, place, points, tie_break, awarded_by)
      SELECT $7, w.pitch_id, 'winner', w.title, $1, w.category_id, 1, w.points, w.tie_break, $8 FROM w
      ON CONFLICT (category_id, pitch_id) DO UPDATE
        SET title = excluded.title, points = excluded.points, tie_break = excluded.tie_break
      """;
  private static final String FINALISTS = """
      WITH f AS (SELECT unnest($3::bigint[]) AS pitch_id),
           gone AS (DELETE FROM awards a WHERE a.round_id = $1 AND a.kind = 'finalist'
                      AND a.pitch_id NOT IN (SELECT pitch_id FROM f))
      INSERT INTO awards (event_id, pitch_id, kind, title, round_id, awarded_by)
      SELECT $2, f.pitch_id, 'finalist', $4, $1, $5 FROM f
      ON CONFLICT (round_id, pitch_id) WHERE kind = 'finalist' DO UPDATE SET title = excluded.title
      """;
  private static final String PRIZE = """
      INSERT INTO awards (event_id, pitch_id, kind, title, awarded_by) VALUES ($1, $2, 'prize', $3, $4) RETURNING id
      """;

  private static final String GIVEN = "SELECT event_id, pitch_id, kind FROM awards WHERE id = $1";
  private static final String REMOVE_PRIZE = "DELETE FROM awards WHERE id = $1 AND kind = 'prize'";

  private AwardWrites() {}

  /** Which event and project an award belongs to, and its kind. */
  public record Given(long eventId, long pitchId, String kind) {}

  /** The award, if it exists (read before its pitch's lock is taken: the lock order starts at the event). */
  public static Future<Optional<Given>> given(SqlConnection tx, long awardId) {
    return tx.preparedQuery(GIVEN).execute(Tuple.of(awardId)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.<Given>empty();
      }
      var row = it.next();
      return Optional.of(new Given(row.getLong("event_id"), row.getLong("pitch_id"), row.getString("kind")));
    });
  }

  /** Takes back a judges' prize (the showcase and search follow through their triggers). */
  public static Future<Void> removePrize(SqlConnection tx, long awardId) {
    return tx.preparedQuery(REMOVE_PRIZE).execute(Tuple.of(awardId)).mapEmpty();
  }

  /** A category's winner as published: the points are null where the round never shows them. */
  public record Winner(long categoryId, long pitchId, String title, Integer points, String tieBreak) {}

  /** Makes the round's winner awards exactly {@code winners}. */
  public static Future<Void> winners(SqlConnection tx, long eventId, long roundId, List<Winner> winners, long by) {
    return tx.preparedQuery(WINNERS).execute(Tuple.of(roundId)
            .addArrayOfLong(winners.stream().map(Winner::categoryId).toArray(Long[]::new))
            .addArrayOfLong(winners.stream().map(Winner::pitchId).toArray(Long[]::new))
            .addArrayOfString(winners.stream().map(w -> title(w.title())).toArray(String[]::new))
            .addArrayOfInteger(winners.stream().map(Winner::points).toArray(Integer[]::new))
            .addArrayOfString(winners.stream().map(Winner::tieBreak).toArray(String[]::new))
            .addLong(eventId).addLong(by))
        .mapEmpty();
  }

  /** Makes the final round's finalist awards exactly these projects. */
  public static Future<Void> finalists(SqlConnection tx, long eventId, long finalId, List<Long> pitchIds, String title,
                                       long by) {
    return tx.preparedQuery(FINALISTS).execute(Tuple.of(finalId, eventId).addArrayOfLong(pitchIds.toArray(Long[]::new))
        .addString(title(title)).addLong(by)).mapEmpty();
  }

  /** Gives a judges' prize; returns its id. */
  public static Future<Long> prize(SqlConnection tx, long eventId, long pitchId, String title, long by) {
    return tx.preparedQuery(PRIZE).execute(Tuple.of(eventId, pitchId, title(title), by))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** An award title cut to what the table takes. */
  public static String title(String title) {
    return title.length() <= TITLE ? title : title.substring(0, TITLE - 1).strip() + "…";
  }
}
