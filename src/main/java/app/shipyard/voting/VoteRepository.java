package app.shipyard.voting;

import app.shipyard.identity.Person;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Casting votes and reading one's own ballots. Votes are written in batches ({@link VoteBatcher}, {@link VoteBatch}):
 * the rules are checked against the round, the ballot is written (one per voter per category; replaced when the
 * round allows changes), and the database checks the open window, the points, the heat and the voter's teams under
 * the round's lock. Only once that committed is a vote acknowledged; a re-sent vote id is answered from its receipt.
 */
public final class VoteRepository {

  /** SQLSTATEs raised by {@code voting_check_ballot} (sql/V5, V19) and {@code voting_cast} (V19). */
  static final String OUTSIDE_WINDOW = "VT001";
  static final String OVER_POINTS = "VT002";
  static final String OUTSIDE_HEAT = "VT003";

  private static final String MINE = """
      SELECT b.category_id, b.cast_at, b.changed_at, bc.pitch_id, bc.points, bc.rank
        FROM ballots b JOIN ballot_choices bc ON bc.ballot_id = b.id
       WHERE b.round_id = $1 AND b.voter_id = $2
       ORDER BY b.category_id, bc.rank NULLS LAST, bc.points DESC, bc.pitch_id
      """;

  private final Pool pool;
  private final VoteMeters meters;
  private final VoteBatcher batcher;
  private final List<Consumer<Ack>> whenCast = new CopyOnWriteArrayList<>();

  public VoteRepository(Pool pool, VoteMeters meters) {
    this.pool = pool;
    this.meters = meters;
    this.batcher = new VoteBatcher(new VoteBatch(pool, meters)::write);
  }

  /** Tells {@code listener} of every acknowledged vote, on whichever thread cast it (the live feed's tallies). */
  public void whenCast(Consumer<Ack> listener) {
    whenCast.add(listener);
  }

  /** One voter's ballot in one category, as they alone may see it. */
  public record OwnBallot(long categoryId, List<Choice> choices, OffsetDateTime castAt, OffsetDateTime changedAt) {}

  /** Records a vote and acknowledges it once committed; fails with a {@link VoteRefused} or an {@link AppError}. */
  public Future<Ack> cast(Person voter, long roundId, VoteRequest vote) {
    long started = System.nanoTime();
    return batcher.submit(voter, roundId, vote)
        .onSuccess(ack -> meters.acknowledged(started))
        .onFailure(meters::notRecorded)
        .onSuccess(ack -> whenCast.forEach(listener -> listener.accept(ack)));
  }

  /** The voter's own ballots in a round, by category. */
  public Future<List<OwnBallot>> mine(long roundId, long voterId) {
    return pool.preparedQuery(MINE).execute(Tuple.of(roundId, voterId)).map(rows -> {
      Map<Long, OwnBallot> ballots = new LinkedHashMap<>();
      for (Row r : rows) {
        ballots.computeIfAbsent(r.getLong("category_id"), id -> new OwnBallot(id, new ArrayList<>(),
            r.getOffsetDateTime("cast_at"), r.getOffsetDateTime("changed_at")))
            .choices().add(new Choice(r.getLong("pitch_id"), r.getInteger("points"), r.getInteger("rank")));
      }
      return List.copyOf(ballots.values());
    });
  }
}
