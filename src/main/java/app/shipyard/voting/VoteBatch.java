package app.shipyard.voting;

import app.shipyard.db.SqlErrors;
import app.shipyard.identity.Role;
import app.shipyard.voting.VoteBatcher.Pending;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one batch of votes in two statements: what each vote is judged on (its round, category, the voter's place
 * and teams), read at once for the whole batch; then, for the votes that pass the rules here, {@code voting_cast}
 * (sql/V19), which takes the round locks, checks the same rules again where a race could change them, and writes
 * ballots, choices, audit lines and receipts, as one transaction. A vote is acknowledged only once that committed.
 * When the whole statement fails (a re-sent vote id racing its original, a lost connection), each vote is written
 * again alone, so one vote's failure is never another's.
 */
final class VoteBatch {

  private static final String CONTEXTS = """
      SELECT v.k, r.*, EXISTS (SELECT 1 FROM voting_categories c WHERE c.id = v.category_id AND c.round_id = r.id)
               AS category_ok,
             (SELECT location_id FROM people WHERE id = v.voter_id) AS voter_location,
             EXISTS (SELECT 1 FROM event_participants ep WHERE ep.event_id = r.event_id AND ep.person_id = v.voter_id)
               AS taking_part,
             coalesce((SELECT array_agg(rp.pitch_id) FROM voting_round_projects rp WHERE rp.round_id = r.id), '{}')
               AS projects,
             coalesce((SELECT array_agg(tm.pitch_id) FROM team_members tm
                         JOIN voting_round_projects rp ON rp.pitch_id = tm.pitch_id AND rp.round_id = r.id
                        WHERE tm.person_id = v.voter_id), '{}') AS own_teams,
             s.voter_id AS receipt_voter, s.fingerprint AS receipt_fingerprint, s.round_id AS receipt_round,
             s.category_id AS receipt_category, s.outcome AS receipt_outcome, s.recorded_at AS receipt_at
        FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::uuid[]) WITH ORDINALITY
             AS v (round_id, voter_id, category_id, vote_id, k)
        LEFT JOIN voting_rounds r ON r.id = v.round_id
        LEFT JOIN vote_receipts s ON s.vote_id = v.vote_id
      """;
  private static final String CAST = """
      SELECT * FROM voting_cast($1::bigint[], $2::bigint[], $3::bigint[], $4::uuid[], $5::text[], $6::int[],
                                $7::bigint[], $8::int[], $9::int[])
      """;
  private static final String FIND_RECEIPT = """
      SELECT voter_id AS voter, fingerprint, round_id AS round, category_id AS category, outcome, recorded_at AS at
        FROM vote_receipts WHERE vote_id = $1
      """;

  private final Pool pool;
  private final VoteMeters meters;

  VoteBatch(Pool pool, VoteMeters meters) {
    this.pool = pool;
    this.meters = meters;
  }

  /** A vote that passed the rules here, with the choices it makes. */
  private record Judged(Pending pending, List<Choice> choices) {}

  /** Writes the batch; answers every vote in it. */
  Future<Void> write(List<Pending> batch) {
    meters.batch(batch.size());
    return pool.preparedQuery(CONTEXTS).execute(contexts(batch)).compose(rows -> {
      List<Judged> passed = new ArrayList<>();
      for (Row r : rows) {
        Pending pending = batch.get(r.getLong("k").intValue() - 1);
        if (r.getValue("receipt_voter") != null) {
          pending.answer(fromReceipt(pending, r, "receipt_"));
          continue;
        }
        try {
          passed.add(new Judged(pending, judge(r, pending)));
        } catch (RuntimeException refused) {
          pending.answer(Future.failedFuture(refused));
        }
      }
      return passed.isEmpty() ? Future.<Void>succeededFuture() : cast(passed);
    });
  }

  private static Tuple contexts(List<Pending> batch) {
    return Tuple.tuple()
        .addArrayOfLong(batch.stream().map(Pending::roundId).toArray(Long[]::new))
        .addArrayOfLong(batch.stream().map(p -> p.voter().id()).toArray(Long[]::new))
        .addArrayOfLong(batch.stream().map(p -> p.vote().categoryId()).toArray(Long[]::new))
        .addArrayOfUUID(batch.stream().map(p -> p.vote().voteId()).toArray(UUID[]::new));
  }

  /**
   * The answer to a vote id already recorded, from its receipt (columns {@code prefix}voter, ...): the same
   * acknowledgement for the same vote re-sent, even after the round closed; a refusal when it was another vote.
   */
  private static Future<Ack> fromReceipt(Pending pending, Row r, String prefix) {
    if (r.getLong(prefix + "voter") != pending.voter().id()
        || !pending.fingerprint().equals(r.getString(prefix + "fingerprint"))) {
      return Future.failedFuture(Refusal.VOTE_ID_REUSED.refuse());
    }
    return Future.succeededFuture(new Ack(pending.vote().voteId(), r.getLong(prefix + "round"),
        r.getLong(prefix + "category"), r.getString(prefix + "outcome"), r.getOffsetDateTime(prefix + "at")));
  }

  private static List<Choice> judge(Row r, Pending pending) {
    if (r.getValue("id") == null) {
      throw AppError.notFound("That voting round");
    }
    if (!r.getBoolean("category_ok")) {
      throw AppError.invalid("categoryId", "is not a category of this round");
    }
    RoundRules rules = RoundRepository.rules(r);
    BallotRules.mayVote(RoundRepository.state(r), rules.electorate(), r.getBoolean("taking_part"),
        pending.voter().has(Role.EMPLOYEE));
    BallotRules.mayVoteInHeat(r.getInteger("location_id"), r.getInteger("voter_location"));
    return BallotRules.choices(rules, pending.vote(), Set.copyOf(List.of(r.getArrayOfLongs("projects"))),
        Set.copyOf(List.of(r.getArrayOfLongs("own_teams"))));
  }

  private Future<Void> cast(List<Judged> votes) {
    return pool.preparedQuery(CAST).execute(castArguments(votes)).<Void>map(rows -> {
      answer(votes, rows);
      return null;
    }).recover(failure -> votes.size() == 1 ? alone(votes.get(0).pending(), failure)
        : Future.all(votes.stream().map(vote -> cast(List.of(vote))).toList()).mapEmpty());
  }

  private static Tuple castArguments(List<Judged> votes) {
    List<Integer> ofVote = new ArrayList<>();
    List<Long> pitches = new ArrayList<>();
    List<Integer> points = new ArrayList<>();
    List<Integer> ranks = new ArrayList<>();
    for (int k = 0; k < votes.size(); k++) {
      for (Choice choice : votes.get(k).choices()) {
        ofVote.add(k + 1);
        pitches.add(choice.pitchId());
        points.add(choice.points());
        ranks.add(choice.rank() == null ? 0 : choice.rank());
      }
    }
    List<Pending> pending = votes.stream().map(Judged::pending).toList();
    return Tuple.tuple()
        .addArrayOfLong(pending.stream().map(Pending::roundId).toArray(Long[]::new))
        .addArrayOfLong(pending.stream().map(p -> p.vote().categoryId()).toArray(Long[]::new))
        .addArrayOfLong(pending.stream().map(p -> p.voter().id()).toArray(Long[]::new))
        .addArrayOfUUID(pending.stream().map(p -> p.vote().voteId()).toArray(UUID[]::new))
        .addArrayOfString(pending.stream().map(Pending::fingerprint).toArray(String[]::new))
        .addArrayOfInteger(ofVote.toArray(Integer[]::new))
        .addArrayOfLong(pitches.toArray(Long[]::new))
        .addArrayOfInteger(points.toArray(Integer[]::new))
        .addArrayOfInteger(ranks.toArray(Integer[]::new));
  }

  private void answer(List<Judged> votes, RowSet<Row> rows) {
    for (Row r : rows) {
      Pending pending = votes.get(r.getInteger("k") - 1).pending();
      String answer = r.getString("answer");
      if (answer.equals("written") || answer.equals("repeated")) {
        if (answer.equals("written")) {
          meters.committed();
        }
        pending.answer(Future.succeededFuture(new Ack(pending.vote().voteId(), pending.roundId(),
            pending.vote().categoryId(), r.getString("outcome"), r.getOffsetDateTime("recorded_at"))));
      } else {
        pending.answer(Future.failedFuture(refusal(answer, pending)));
      }
    }
  }

  private static RuntimeException refusal(String code, Pending pending) {
    return switch (code) {
      case "not_found" -> AppError.notFound("That voting round");
      case "category" -> AppError.invalid("categoryId", "is not a category of this round");
      case "project" -> AppError.invalid(pending.vote().pitchId() != null ? "pitchId"
          : pending.vote().points().isEmpty() ? "ranking" : "points", "names a project that is not in this round");
      default -> Refusal.valueOf(code.toUpperCase()).refuse();
    };
  }

  /**
   * One vote whose statement failed: when its vote id was recorded meanwhile (a re-send racing its original), the
   * same acknowledgement; when it was recorded for another vote, a refusal; otherwise the failure, in words.
   */
  private Future<Void> alone(Pending pending, Throwable failure) {
    return pool.preparedQuery(FIND_RECEIPT).execute(Tuple.of(pending.vote().voteId())).<Void>map(rows -> {
      pending.answer(rows.size() == 0 ? Future.failedFuture(inWords(failure))
          : fromReceipt(pending, rows.iterator().next(), ""));
      return null;
    }).recover(lookup -> {
      pending.answer(Future.failedFuture(inWords(failure)));
      return Future.succeededFuture();
    });
  }

  private static Throwable inWords(Throwable failure) {
    if (SqlErrors.isConstraint(failure, "ballots_one_per_voter")) {
      return Refusal.ALREADY_VOTED.refuse();
    }
    if (SqlErrors.is(failure, VoteRepository.OUTSIDE_WINDOW)) {
      return Refusal.ROUND_CLOSED.refuse();
    }
    if (SqlErrors.is(failure, VoteRepository.OVER_POINTS)) {
      return Refusal.BUDGET_EXCEEDED.refuse();
    }
    if (SqlErrors.is(failure, VoteRepository.OUTSIDE_HEAT)) {
      return Refusal.NOT_IN_HEAT.refuse();
    }
    return failure;
  }
}
