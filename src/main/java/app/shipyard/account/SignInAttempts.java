package app.shipyard.account;

import app.shipyard.config.AppConfig.SignInLimits;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * Records sign-in attempts and says whether an account or an address has failed too often recently.
 * Kept in the database so that limits hold across HTTP instances, nodes and restarts.
 */
public final class SignInAttempts {

  private static final String BEGIN =
      "INSERT INTO sign_in_attempts (email, address, succeeded) VALUES (lower($1), $2, false) RETURNING id";
  private static final String SUCCEEDED = "UPDATE sign_in_attempts SET succeeded = true WHERE id = $1";
  private static final String FORGET = "DELETE FROM sign_in_attempts WHERE id = $1";
  private static final String RECENT_FAILURES = """
      SELECT (SELECT count(*) FROM sign_in_attempts
               WHERE lower(email) = lower($1) AND NOT succeeded AND attempted_at > now() - $3 * interval '1 second') AS by_account,
             (SELECT count(*) FROM sign_in_attempts
               WHERE address = $2 AND NOT succeeded AND attempted_at > now() - $3 * interval '1 second') AS by_address
      """;
  private static final String FORGET_OLD = "DELETE FROM sign_in_attempts WHERE attempted_at < now() - interval '1 day'";

  private final Pool pool;
  private final SignInLimits limits;

  public SignInAttempts(Pool pool, SignInLimits limits) {
    this.pool = pool;
    this.limits = limits;
  }

  /**
   * Counts an attempt as failed before its password is checked, so that simultaneous attempts count against
   * each other (checking first and recording afterwards let a burst of guesses through). Gives the attempt's
   * id to {@link #succeeded} it later, or empty when the account or address has failed too often; a refused
   * attempt is not counted.
   */
  public Future<Optional<Long>> begin(String email, String address) {
    long window = limits.window().toSeconds();
    return pool.preparedQuery(BEGIN).execute(Tuple.of(email, address)).compose(inserted -> {
      long id = inserted.iterator().next().getLong("id");
      return pool.preparedQuery(RECENT_FAILURES).execute(Tuple.of(email, address, window)).compose(rows -> {
        Row row = rows.iterator().next();
        // The counts include this attempt itself.
        boolean blocked = row.getLong("by_account") > limits.perAccount() || row.getLong("by_address") > limits.perAddress();
        return blocked
            ? pool.preparedQuery(FORGET).execute(Tuple.of(id)).map(done -> Optional.<Long>empty())
            : Future.succeededFuture(Optional.of(id));
      });
    });
  }

  public Future<Void> succeeded(long attemptId) {
    return pool.preparedQuery(SUCCEEDED).execute(Tuple.of(attemptId)).mapEmpty();
  }

  public Future<Void> forgetOld() {
    return pool.query(FORGET_OLD).execute().mapEmpty();
  }

  public long windowMinutes() {
    return limits.window().toMinutes();
  }
}
