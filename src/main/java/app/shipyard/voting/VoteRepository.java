package app.shipyard.voting;

import app.shipyard.db.SqlErrors;
import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Casting votes and reading one's own ballots. A vote is one transaction: the rules are checked against the round,
 * the ballot is written (one per voter per category; replaced when the round allows changes), and the database
 * checks the open window and the points at commit. Only then is it acknowledged; a re-sent vote id is answered
 * from its receipt.
 */
public final class VoteRepository {

  /** SQLSTATEs raised by {@code voting_check_ballot} (sql/V5) at commit. */
  static final String OUTSIDE_WINDOW = "VT001";
  static final String OVER_POINTS = "VT002";
  static final String OUTSIDE_HEAT = "VT003";

  private static final String BALLOT_CONTEXT = """
      SELECT r.*, EXISTS (SELECT 1 FROM voting_categories c WHERE c.id = $3 AND c.round_id = r.id) AS category_ok,
             (SELECT location_id FROM people WHERE id = $2) AS voter_location,
             coalesce((SELECT array_agg(rp.pitch_id) FROM voting_round_projects rp WHERE rp.round_id = r.id), '{}')
               AS projects,
             coalesce((SELECT array_agg(tm.pitch_id) FROM team_members tm
                         JOIN voting_round_projects rp ON rp.pitch_id = tm.pitch_id AND rp.round_id = r.id
                        WHERE tm.person_id = $2), '{}') AS own_teams
        FROM voting_rounds r WHERE r.id = $1
      """;
  private static final String FIRST_BALLOT =
      "INSERT INTO ballots (round_id, category_id, voter_id) VALUES ($1, $2, $3) RETURNING id, version";
  private static final String BALLOT_OR_CHANGE = """
      INSERT INTO ballots (round_id, category_id, voter_id) VALUES ($1, $2, $3)
      ON CONFLICT ON CONSTRAINT ballots_one_per_voter
      DO UPDATE SET version = ballots.version + 1, changed_at = clock_timestamp() RETURNING id, version
      """;
  private static final String CLEAR_CHOICES = "DELETE FROM ballot_choices WHERE ballot_id = $1";
  private static final String INSERT_CHOICES = """
      INSERT INTO ballot_choices (ballot_id, round_id, pitch_id, points, rank)
      SELECT $1, $2, c.pitch_id, c.points, nullif(c.rank, 0)
        FROM unnest($3::bigint[], $4::int[], $5::int[]) AS c(pitch_id, points, rank)
      """;
  private static final String RECEIPT = """
      WITH audit AS (INSERT INTO voting_audit (actor_id, action, round_id, category_id)
                     VALUES ($2, 'vote.' || $6, $3, $4))
      INSERT INTO vote_receipts (vote_id, voter_id, round_id, category_id, fingerprint, outcome)
      VALUES ($1, $2, $3, $4, $5, $6) RETURNING recorded_at
      """;
  private static final String FIND_RECEIPT = "SELECT * FROM vote_receipts WHERE vote_id = $1";
  private static final String MINE = """
      SELECT b.category_id, b.cast_at, b.changed_at, bc.pitch_id, bc.points, bc.rank
        FROM ballots b JOIN ballot_choices bc ON bc.ballot_id = b.id
       WHERE b.round_id = $1 AND b.voter_id = $2
       ORDER BY b.category_id, bc.rank NULLS LAST, bc.points DESC, bc.pitch_id
      """;

  private final Pool pool;
  private final VoteMeters meters;
  private final List<Consumer<Ack>> whenCast = new CopyOnWriteArrayList<>();

  public VoteRepository(Pool pool, VoteMeters meters) {
    this.pool = pool;
    this.meters = meters;
  }

  /** Tells {@code listener} of every acknowledged vote, on whichever thread cast it (the live feed's tallies). */
  public void whenCast(Consumer<Ack> listener) {
    whenCast.add(listener);
  }

  /** One voter's ballot in one category, as they alone may see it. */
  public record OwnBallot(long categoryId, List<Choice> choices, OffsetDateTime castAt, OffsetDateTime changedAt) {}

  private record Ballot(boolean changesAllowed, List<Choice> choices) {}

  /** Records a vote and acknowledges it once committed; fails with a {@link VoteRefused} or an {@link AppError}. */
  public Future<Ack> cast(Person voter, long roundId, VoteRequest vote) {
    long started = System.nanoTime();
    String fingerprint = vote.fingerprint();
    return pool.withTransaction(tx -> VotingLocks.participation(tx, roundId, voter.id())
            .compose(takingPart -> tx.preparedQuery(BALLOT_CONTEXT)
                .execute(Tuple.of(roundId, voter.id(), vote.categoryId()))
                .map(rows -> ballot(rows, voter, takingPart, vote)))
            .compose(ballot -> record(tx, voter.id(), roundId, vote, fingerprint, ballot)))
        // Counted once committed, so a re-sent vote answered from its receipt is acknowledged but not counted again.
        .onSuccess(ack -> meters.committed())
        .recover(failure -> repeated(vote.voteId(), voter.id(), fingerprint, failure))
        .onSuccess(ack -> meters.acknowledged(started))
        .onFailure(meters::notRecorded)
        .onSuccess(ack -> whenCast.forEach(listener -> listener.accept(ack)));
  }

  private static Ballot ballot(RowSet<Row> rows, Person voter, boolean takingPart, VoteRequest vote) {
    if (rows.size() == 0) {
      throw AppError.notFound("That voting round");
    }
    Row r = rows.iterator().next();
    if (!r.getBoolean("category_ok")) {
      throw AppError.invalid("categoryId", "is not a category of this round");
    }
    RoundRules rules = RoundRepository.rules(r);
    BallotRules.mayVote(RoundRepository.state(r), rules.electorate(), takingPart, voter.has(Role.EMPLOYEE));
    BallotRules.mayVoteInHeat(r.getInteger("location_id"), r.getInteger("voter_location"));
    return new Ballot(rules.changesAllowed(), BallotRules.choices(rules, vote,
        Set.copyOf(List.of(r.getArrayOfLongs("projects"))), Set.copyOf(List.of(r.getArrayOfLongs("own_teams")))));
  }

  private Future<Ack> record(SqlConnection tx, long voterId, long roundId, VoteRequest vote, String fingerprint,
                             Ballot ballot) {
    return tx.preparedQuery(ballot.changesAllowed() ? BALLOT_OR_CHANGE : FIRST_BALLOT)
        .execute(Tuple.of(roundId, vote.categoryId(), voterId)).compose(rows -> {
          Row written = rows.iterator().next();
          long ballotId = written.getLong("id");
          String outcome = written.getInteger("version") > 1 ? "changed" : "recorded";
          Future<?> cleared = outcome.equals("changed")
              ? tx.preparedQuery(CLEAR_CHOICES).execute(Tuple.of(ballotId)) : Future.succeededFuture();
          return cleared.compose(done -> tx.preparedQuery(INSERT_CHOICES).execute(choices(ballotId, roundId, ballot)))
              .compose(done -> tx.preparedQuery(RECEIPT).execute(Tuple.of(vote.voteId(), voterId, roundId,
                  vote.categoryId(), fingerprint, outcome)))
              .map(receipt -> new Ack(vote.voteId(), roundId, vote.categoryId(), outcome,
                  receipt.iterator().next().getOffsetDateTime("recorded_at")));
        });
  }

  private static Tuple choices(long ballotId, long roundId, Ballot ballot) {
    List<Choice> choices = ballot.choices();
    return Tuple.of(ballotId, roundId)
        .addArrayOfLong(choices.stream().map(Choice::pitchId).toArray(Long[]::new))
        .addArrayOfInteger(choices.stream().map(Choice::points).toArray(Integer[]::new))
        .addArrayOfInteger(choices.stream().map(c -> c.rank() == null ? 0 : c.rank()).toArray(Integer[]::new));
  }

  /**
   * After a failure: when this vote id was already recorded (a re-send, perhaps racing its original), the same
   * acknowledgement; when it was recorded for another vote, a refusal; otherwise the failure, in words.
   */
  private Future<Ack> repeated(UUID voteId, long voterId, String fingerprint, Throwable failure) {
    return pool.preparedQuery(FIND_RECEIPT).execute(Tuple.of(voteId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(inWords(failure));
      }
      Row r = rows.iterator().next();
      if (r.getLong("voter_id") != voterId || !fingerprint.equals(r.getString("fingerprint"))) {
        return Future.failedFuture(Refusal.VOTE_ID_REUSED.refuse());
      }
      return Future.succeededFuture(new Ack(voteId, r.getLong("round_id"), r.getLong("category_id"),
          r.getString("outcome"), r.getOffsetDateTime("recorded_at")));
    });
  }

  private static Throwable inWords(Throwable failure) {
    if (SqlErrors.isConstraint(failure, "ballots_one_per_voter")) {
      return Refusal.ALREADY_VOTED.refuse();
    }
    if (SqlErrors.is(failure, OUTSIDE_WINDOW)) {
      return Refusal.ROUND_CLOSED.refuse();
    }
    if (SqlErrors.is(failure, OVER_POINTS)) {
      return Refusal.BUDGET_EXCEEDED.refuse();
    }
    if (SqlErrors.is(failure, OUTSIDE_HEAT)) {
      return Refusal.NOT_IN_HEAT.refuse();
    }
    return failure;
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
