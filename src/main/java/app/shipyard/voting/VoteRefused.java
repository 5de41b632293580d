package app.shipyard.voting;

import app.shipyard.web.AppError;
import io.vertx.core.Future;

/** A vote refused by a rule: carries its {@link Refusal} for any channel, and becomes an {@link AppError} for HTTP. */
public final class VoteRefused extends RuntimeException {

  private final Refusal refusal;

  VoteRefused(Refusal refusal, String message) {
    super(message, null, false, false);
    this.refusal = refusal;
  }

  public Refusal refusal() {
    return refusal;
  }

  public AppError toAppError() {
    return refusal.status() == 403 ? AppError.forbidden(getMessage()) : AppError.conflict(getMessage());
  }

  /** For {@code recover} on the HTTP path: a refusal becomes its HTTP error, any other failure stays as it is. */
  public static <T> Future<T> asHttpError(Throwable failure) {
    return Future.failedFuture(failure instanceof VoteRefused refused ? refused.toAppError() : failure);
  }
}
