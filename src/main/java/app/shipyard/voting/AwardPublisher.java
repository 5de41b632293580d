package app.shipyard.voting;

import app.shipyard.award.AwardWrites;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * "Publish awards" on a closed round: every category's winner becomes a {@code winner} award of its project. A tie
 * that stands gives every project tied first an award; a tie-break gives it to the decided one, with its reason.
 * Idempotent: publishing again writes the same awards, and after a tie-break it removes the awards the decision
 * took back. Results still waiting for their reveal are not published.
 */
public final class AwardPublisher {

  private final RoundSettings settings;

  public AwardPublisher(RoundSettings settings) {
    this.settings = settings;
  }

  public Future<Void> publish(long roundId, long by) {
    return settings.changing(roundId, (tx, locked) -> {
      if (locked.state() != RoundState.CLOSED) {
        return Future.failedFuture(AppError.conflict("Awards are published once the round is closed."));
      }
      return RoundRepository.get(tx, roundId).compose(round -> {
        if (round.awaitsReveal() && !round.revealed()) {
          throw AppError.conflict("Reveal the results before publishing their awards.");
        }
        return TallyRepository.tally(tx, roundId).map(tally -> winners(round, tally));
      }).compose(winners -> AwardWrites.winners(tx, locked.eventId(), roundId, winners, by))
          .compose(done -> tx.preparedQuery(RoundRepository.AUDIT).execute(Tuple.of(by, "awards.published", roundId)))
          .mapEmpty();
    });
  }

  /** Each category's winners; no points where the category never shows them. */
  static List<AwardWrites.Winner> winners(Round round, Tally tally) {
    return tally.categories().stream().flatMap(c -> {
      Round.Category category = round.category(c.categoryId()).orElseThrow();
      boolean showsPoints = category.visibility(round.rules()) != Visibility.NEVER;
      String reason = c.decided() ? c.tieBreak().reason() : null;
      return c.winners().stream().map(pitchId -> new AwardWrites.Winner(c.categoryId(), pitchId,
          c.name() + " · " + round.title(), showsPoints ? (int) points(c, pitchId) : null, reason));
    }).toList();
  }

  private static long points(Tally.CategoryTally category, long pitchId) {
    return category.standings().stream().filter(s -> s.pitchId() == pitchId).mapToLong(Standing::points).sum();
  }
}
