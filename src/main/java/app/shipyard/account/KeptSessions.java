package app.shipyard.account;

import app.shipyard.cache.Kept;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who a token speaks for, kept per token for a minute so that a signed-in request need not read the person each time.
 * Kept under the change clock's tick ({@link app.shipyard.cache.Clock}): a change to anyone's roles, name, skills or
 * session epoch (a sign-out), on any instance, moves it on, so the next request reads the person again; a token is
 * still refused once it expires. Without a tick every request reads the person, as before.
 */
final class KeptSessions {

  private static final int MAX_SESSIONS = 20_000;
  private static final long MAX_AGE_MILLIS = 60_000;
  private final Kept<Viewer> kept = new Kept<>(MAX_SESSIONS, MAX_AGE_MILLIS);

  /**
   * The viewer kept for {@code token} at {@code version}, or what {@code read} finds out (then kept, if it succeeds:
   * the version was read before the person, so what is kept is never older than its version).
   */
  Future<Viewer> viewer(String token, Optional<String> version, Supplier<Future<Viewer>> read) {
    if (version.isPresent()) {
      Optional<Viewer> known = kept.get(token, version.get())
          .filter(v -> v.expiresAt().map(Instant.now()::isBefore).orElse(true));
      if (known.isPresent()) {
        return Future.succeededFuture(known.get());
      }
    }
    return read.get().onSuccess(viewer -> version.ifPresent(v -> kept.put(token, v, viewer)));
  }
}
