package app.shipyard.db;

/** The database cannot be reached just now: the request is answered 503 with {@code Retry-After}, and not logged. */
public final class DatabaseUnavailable extends RuntimeException {

  public DatabaseUnavailable() {
    super("The database cannot be reached.", null, false, false);
  }
}
