package app.shipyard.web;

import java.util.Map;

/**
 * A failure the person or client can act on. {@link FailureHandler} turns it into a page or JSON
 * with its status; anything else becomes a logged 500.
 */
public final class AppError extends RuntimeException {

  private final int status;
  private final Map<String, String> fields;

  private AppError(int status, String message, Map<String, String> fields) {
    super(message, null, false, false);
    this.status = status;
    this.fields = Map.copyOf(fields);
  }

  public static AppError invalid(Map<String, String> fields) {
    return new AppError(400, "Some of what you sent needs fixing.", fields);
  }

  public static AppError invalid(String field, String problem) {
    return invalid(Map.of(field, problem));
  }

  public static AppError badRequest(String message) {
    return new AppError(400, message, Map.of());
  }

  public static AppError unauthorized(String message) {
    return new AppError(401, message, Map.of());
  }

  public static AppError forbidden(String message) {
    return new AppError(403, message, Map.of());
  }

  public static AppError notFound(String what) {
    return new AppError(404, what + " was not found.", Map.of());
  }

  public static AppError conflict(String message) {
    return new AppError(409, message, Map.of());
  }

  /** Well-formed, but cannot be done as asked (422), e.g. an idempotency key reused for another request. */
  public static AppError unprocessable(String message) {
    return new AppError(422, message, Map.of());
  }

  /** The body or a file in it is over its limit (413); the message says what the limit is. */
  public static AppError tooLarge(String message) {
    return new AppError(413, message, Map.of());
  }

  public static AppError tooManyRequests(String message) {
    return new AppError(429, message, Map.of());
  }

  public int status() {
    return status;
  }

  public Map<String, String> fields() {
    return fields;
  }
}
