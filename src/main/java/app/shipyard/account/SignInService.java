package app.shipyard.account;

import app.shipyard.identity.Person;
import app.shipyard.web.AppError;
import io.vertx.core.Future;

/** Email and password sign-in, with one generic failure message and limits on repeated failures. */
public final class SignInService {

  public static final String GENERIC_FAILURE = "That email and password do not match an account.";
  private final PersonRepository people;
  private final PasswordHasher hasher;
  private final SignInAttempts attempts;
  private final TokenService tokens;

  public SignInService(PersonRepository people, PasswordHasher hasher, SignInAttempts attempts, TokenService tokens) {
    this.people = people;
    this.hasher = hasher;
    this.attempts = attempts;
    this.tokens = tokens;
  }

  public Future<SignedIn> signIn(String email, String password, String address) {
    return attempts.begin(email, address).compose(attempt -> {
      if (attempt.isEmpty()) {
        return Future.failedFuture(AppError.tooManyRequests("Too many failed sign-ins. Please wait "
            + attempts.windowMinutes() + " minutes and try again."));
      }
      return people.credentials(email).compose(found -> hasher
          .verify(password, found.map(PersonRepository.Credentials::passwordHash).orElse(null))
          .compose(matches -> matches ? attempts.succeeded(attempt.get()).map(true) : Future.succeededFuture(false))
          .compose(matches -> matches
              ? people.findById(found.get().id()).map(p -> p.orElseThrow(() -> AppError.unauthorized(GENERIC_FAILURE)))
              : Future.failedFuture(AppError.unauthorized(GENERIC_FAILURE))));
    }).map(person -> new SignedIn(person, tokens.issue(person)));
  }

  public long lifetimeSeconds() {
    return tokens.lifetime().toSeconds();
  }

  /** Ends all of this person's sessions (every token issued so far stops working). */
  public Future<Void> signOut(Person person) {
    return people.endSessions(person.id());
  }

  public record SignedIn(Person person, String token) {}
}
