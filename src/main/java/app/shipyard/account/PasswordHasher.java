package app.shipyard.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Argon2id password hashes (OWASP's recommended minimum: 19 MiB, 2 passes). Hashing is deliberately slow,
 * so it always runs on a worker thread.
 */
public final class PasswordHasher {

  private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
  /** Compared against when the email is unknown, so that both cases take the same time. */
  private static final String DECOY = Password.hash("decoy-password").addRandomSalt(16).with(ARGON2).getResult();
  public static final int MIN_LENGTH = 10;

  private final Vertx vertx;

  public PasswordHasher(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult(), false);
  }

  /** True when {@code password} matches {@code hash}; a missing hash never matches but costs the same. */
  public Future<Boolean> verify(String password, String hash) {
    return vertx.executeBlocking(() -> {
      String stored = hash == null ? DECOY : hash;
      boolean matches = Password.check(password, stored).with(Argon2Function.getInstanceFromHash(stored));
      return matches && hash != null;
    }, false);
  }
}
