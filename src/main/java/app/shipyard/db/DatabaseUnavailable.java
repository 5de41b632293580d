package app.shipyard.db;

/**
 * The database cannot be reached just now: the request is answered 503 with {@code Retry-After}, and not logged. Its
 * code and words are the same over HTTP and the live channel, so a client handles both alike.
 */
public final class DatabaseUnavailable extends RuntimeException {

  /** What a client reads in a JSON 503 and a live {@code error} frame: try again in a few seconds. */
  public static final String CODE = "unavailable";
  /** For a read: nothing could be shown. */
  public static final String UNREACHABLE = "The database cannot be reached just now. Please try again in a few seconds.";
  /** For a write, a vote among them: nothing of it was written, so sending it again (a vote with its voteId) is safe. */
  public static final String NOT_RECORDED =
      "Nothing was recorded: the database cannot be reached just now. Please try again in a few seconds.";

  public DatabaseUnavailable() {
    super(UNREACHABLE, null, false, false);
  }
}
