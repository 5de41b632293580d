package app.shipyard.voting;

import app.shipyard.award.AwardWrites;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Carries the top projects of closed heats into a final round with one action: the final (a draft for all locations)
 * gets exactly the projects in the top N places of each heat's first category (ties at the cut-off all go through,
 * see {@link Tally.CategoryTally#top}), and they become its {@code finalist} awards. Carrying again replaces both.
 */
public final class FinalCarry {

  private static final String CLEAR_PROJECTS = "DELETE FROM voting_round_projects WHERE round_id = $1";
  private static final String PROJECTS = """
      INSERT INTO voting_round_projects (round_id, pitch_id, event_id) SELECT $1, unnest($3::bigint[]), $2
      """;
  private static final String CLEAR_HEATS = "DELETE FROM voting_final_heats WHERE final_id = $1";
  private static final String HEATS = """
      INSERT INTO voting_final_heats (final_id, heat_id, top) SELECT $1, unnest($2::bigint[]), $3
      """;

  private final RoundSettings settings;

  public FinalCarry(RoundSettings settings) {
    this.settings = settings;
  }

  public Future<Void> carry(long finalId, List<Long> heatIds, int top, long by) {
    return settings.changing(finalId, (tx, locked) -> {
      if (locked.state() != RoundState.DRAFT) {
        return Future.failedFuture(AppError.conflict("Projects are carried into a final while it is still a draft."));
      }
      return RoundRepository.get(tx, finalId).compose(last -> {
        if (last.heat()) {
          throw AppError.conflict("A heat cannot be a final: carry into a round for every location.");
        }
        return carried(tx, last, heatIds, top, new LinkedHashSet<>(), 0);
      }).compose(pitchIds -> write(tx, locked.eventId(), finalId, heatIds, top, List.copyOf(pitchIds), by));
    });
  }

  /** The projects carried from heats {@code from} onwards, after those already {@code carried}. */
  private static Future<Set<Long>> carried(SqlConnection tx, Round last, List<Long> heatIds, int top,
                                           Set<Long> carried, int from) {
    if (from == heatIds.size()) {
      return Future.succeededFuture(carried);
    }
    long heatId = heatIds.get(from);
    return RoundRepository.get(tx, heatId)
        .recover(failure -> Future.failedFuture(failure instanceof AppError e && e.status() == 404
            ? AppError.invalid("heatIds", "names a round that does not exist") : failure))
        .compose(heat -> {
          heatRefusal(last, heat).ifPresent(refusal -> {
            throw AppError.conflict(refusal);
          });
          return TallyRepository.tally(tx, heatId);
        })
        .compose(tally -> {
          carried.addAll(tally.categories().get(0).top(top));
          return carried(tx, last, heatIds, top, carried, from + 1);
        });
  }

  /** Why a round cannot be carried from into this final, or empty. */
  static Optional<String> heatRefusal(Round last, Round heat) {
    return Optional.ofNullable(heat.eventId() != last.eventId() ? heat.title() + " is a round of another event."
        : heat.id() == last.id() ? "A final cannot carry its own projects."
        : !heat.heat() ? heat.title() + " is not a heat: it has no location."
        : heat.state() != RoundState.CLOSED ? heat.title() + " is not closed yet."
        : heat.awaitsReveal() && !heat.revealed() ? "Reveal the results of " + heat.title() + " before carrying them."
        : null);
  }

  private static Future<Void> write(SqlConnection tx, long eventId, long finalId, List<Long> heatIds, int top,
                                    List<Long> pitchIds, long by) {
    if (pitchIds.isEmpty()) {
      return Future.failedFuture(AppError.conflict("No project of these heats got a vote: there is nobody to carry."));
    }
    Long[] projects = pitchIds.toArray(Long[]::new);
    return tx.preparedQuery(CLEAR_PROJECTS).execute(Tuple.of(finalId))
        .compose(done -> tx.preparedQuery(PROJECTS).execute(Tuple.of(finalId, eventId).addArrayOfLong(projects)))
        .compose(done -> tx.preparedQuery(CLEAR_HEATS).execute(Tuple.of(finalId)))
        .compose(done -> tx.preparedQuery(HEATS).execute(Tuple.of(finalId)
            .addArrayOfLong(heatIds.toArray(Long[]::new)).addInteger(top)))
        .compose(done -> RoundRepository.get(tx, finalId))
        .compose(last -> AwardWrites.finalists(tx, eventId, finalId, pitchIds, "Finalist · " + last.title(), by))
        .compose(done -> tx.preparedQuery(RoundRepository.AUDIT).execute(Tuple.of(by, "round.carried", finalId)))
        .mapEmpty();
  }
}
