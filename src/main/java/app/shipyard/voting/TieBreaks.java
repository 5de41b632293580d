package app.shipyard.voting;

import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;

/**
 * An organiser decides a tied first place of a closed round, with a reason: the decision names the category's winner
 * (standings still show the tie), is audited, and may be taken again (the newest stands). Publishing the round's
 * awards again then follows it.
 */
public final class TieBreaks {

  private static final String DECIDE = """
      INSERT INTO voting_tie_breaks (category_id, round_id, pitch_id, reason, decided_by) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (category_id) DO UPDATE SET pitch_id = excluded.pitch_id, reason = excluded.reason,
        decided_by = excluded.decided_by, decided_at = clock_timestamp()
      """;

  private final RoundSettings settings;

  public TieBreaks(RoundSettings settings) {
    this.settings = settings;
  }

  /** Decides that {@code pitchId} wins the category's tied first place, because of {@code reason}. */
  public Future<Void> decide(long roundId, long categoryId, long pitchId, String reason, long by) {
    return settings.changing(roundId, (tx, round) -> {
      if (round.state() != RoundState.CLOSED) {
        return Future.failedFuture(AppError.conflict("A tie is broken once the round is closed."));
      }
      return TallyRepository.tally(tx, roundId).compose(tally -> {
        Tally.CategoryTally category = tally.categories().stream().filter(c -> c.categoryId() == categoryId)
            .findFirst().orElseThrow(() -> AppError.notFound("That category"));
        if (!category.tiedFirst()) {
          throw AppError.conflict("First place in " + category.name() + " is not tied; there is nothing to decide.");
        }
        if (!Standings.winners(category.standings()).contains(pitchId)) {
          throw AppError.invalid("pitchId", "must be one of the projects tied for first place");
        }
        return tx.preparedQuery(DECIDE).execute(Tuple.of(categoryId, roundId, pitchId, reason, by))
            .compose(done -> tx.preparedQuery(RoundSettings.AUDIT_CATEGORY)
                .execute(Tuple.of(by, "category.tie_broken", roundId, categoryId)))
            .<Void>mapEmpty();
      });
    });
  }
}
