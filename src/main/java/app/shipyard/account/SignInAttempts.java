package app.shipyard.account;

import app.shipyard.config.AppConfig.SignInLimits;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * Records sign-in attempts and says whether an account or an address has failed too often recently.
 * Kept in the database so that limits hold across HTTP instances, nodes and restarts.
 */
public final class SignInAttempts {

  private static final String RECORD =
      "INSERT INTO sign_in_attempts (email, address, succeeded) VALUES (lower($1), $2, $3)";
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

  public Future<Boolean> tooMany(String email, String address) {
    long window = limits.window().toSeconds();
    return pool.preparedQuery(RECENT_FAILURES).execute(Tuple.of(email, address, window)).map(rows -> {
      Row row = rows.iterator().next();
      return row.getLong("by_account") >= limits.perAccount() || row.getLong("by_address") >= limits.perAddress();
    });
  }

  public Future<Void> record(String email, String address, boolean succeeded) {
    return pool.preparedQuery(RECORD).execute(Tuple.of(email, address, succeeded)).mapEmpty();
  }

  public Future<Void> forgetOld() {
    return pool.query(FORGET_OLD).execute().mapEmpty();
  }

  public long windowMinutes() {
    return limits.window().toMinutes();
  }
}
