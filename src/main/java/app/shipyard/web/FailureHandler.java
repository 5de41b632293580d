package app.shipyard.web;

import app.shipyard.db.DatabaseUnavailable;
import app.shipyard.db.SqlErrors;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into responses: a page for browsers, {@code {"error", "fields"}} JSON
 * for API clients. Unexpected failures are logged once with their cause and never shown to the client.
 */
public final class FailureHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  private static final int DATABASE_RETRY_AFTER_SECONDS = 5;
  private final Answers answers;

  public FailureHandler(Answers answers) {
    this.answers = answers;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      LOG.warn("Failure after the response started on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
      ctx.response().reset();
      return;
    }
    Problem problem = classify(ctx);
    if (problem.retryAfterSeconds > 0) {
      // An outage is logged once by DatabaseWatch, not once per request.
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds));
    } else if (problem.status >= 500) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
    }
    if (wantsJson(ctx)) {
      JsonObject body = new JsonObject().put("error", problem.message);
      if (problem.code != null) {
        body.put("code", problem.code);
      }
      if (!problem.fields.isEmpty()) {
        body.put("fields", new JsonObject(Map.copyOf(problem.fields)));
      }
      ctx.response().setStatusCode(problem.status)
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
          .end(body.encode());
    } else if (problem.status == 401 && ctx.request().method() == HttpMethod.GET) {
      String next = URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8);
      ctx.redirect("/sign-in?next=" + next);
    } else {
      ErrorView view = new ErrorView(problem.status, problem.message, problem.fields.entrySet().stream()
          .map(e -> new FieldProblem(e.getKey(), e.getValue())).toList());
      try {
        answers.send(ctx, Answer.page(problem.status, "errors/error", problem.title(), view));
      } catch (RuntimeException e) {
        LOG.error("The error page for {} {} could not be rendered", ctx.request().method(), ctx.request().path(), e);
        ctx.response().setStatusCode(problem.status)
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(problem.message);
      }
    }
  }

  public static boolean wantsJson(RoutingContext ctx) {
    if (ctx.request().path().startsWith("/api/")) {
      return true;
    }
    String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }

  private static Problem classify(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof AppError e) {
      return new Problem(e.status(), e.getMessage(), e.fields());
    }
    if (failure instanceof DecodeException) {
      return new Problem(400, "The request body is not valid JSON.", Map.of());
    }
    int status = failure instanceof HttpException e ? e.getStatusCode() : ctx.statusCode();
    if (status == 413 && UploadBodies.tooLargeExplained(ctx) != null) {
      return new Problem(413, UploadBodies.tooLargeExplained(ctx), Map.of());
    }
    if (failure instanceof HttpException e) {
      return fromStatus(e.getStatusCode());
    }
    if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      // A handler refused the request with a status and a cause, e.g. CSRFHandler's 403.
      return fromStatus(ctx.statusCode());
    }
    if (SqlErrors.is(failure, SqlErrors.INVALID_TEXT_REPRESENTATION)
        || SqlErrors.is(failure, SqlErrors.CHARACTER_NOT_IN_REPERTOIRE)) {
      return new Problem(400, "A value in the request has the wrong format.", Map.of());
    }
    if (SqlErrors.is(failure, SqlErrors.FOREIGN_KEY_VIOLATION)) {
      return new Problem(400, "The request refers to something that does not exist.", Map.of());
    }
    if (SqlErrors.is(failure, SqlErrors.UNIQUE_VIOLATION)) {
      return new Problem(409, "That already exists.", Map.of());
    }
    if (SqlErrors.isContention(failure)) {
      // Still a deadlock or serialization failure after the retries: the transaction was rolled back whole.
      return new Problem(503, "Shipyard is busy right now and saved nothing; please try again.", Map.of(), 0,
          DatabaseUnavailable.CODE);
    }
    if (SqlErrors.isConnectionFailure(failure)) {
      // A write says that nothing of it was written, in the words the live channel uses for a vote.
      boolean read = ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD;
      return new Problem(503, read ? DatabaseUnavailable.UNREACHABLE : DatabaseUnavailable.NOT_RECORDED, Map.of(),
          DATABASE_RETRY_AFTER_SECONDS, DatabaseUnavailable.CODE);
    }
    if (failure == null) {
      return fromStatus(ctx.statusCode() > 0 ? ctx.statusCode() : 500);
    }
    return new Problem(500, "Something went wrong on our side. It has been logged; please try again.", Map.of());
  }

  private static Problem fromStatus(int status) {
    String message = switch (status) {
      case 400 -> "The request could not be understood.";
      case 401 -> "Please sign in to continue.";
      case 403 -> "This request was refused. If you were filling in a form, reload the page and try again.";
      case 404 -> "There is nothing at this address.";
      case 405 -> "That method is not allowed here.";
      case 413 -> "The request is too large.";
      case 415 -> "That content type is not supported here.";
      case 503 -> "The server took too long to answer. Please try again.";
      default -> status >= 500 ? "Something went wrong on our side. Please try again." : "The request was refused.";
    };
    return new Problem(status, message, Map.of());
  }

  /** The error page's view. */
  public record ErrorView(int status, String message, java.util.List<FieldProblem> fields) {}

  /**
   * {@code retryAfterSeconds} above 0: a known, passing unavailability, answered with {@code Retry-After}; {@code code}
   * (or null): a JSON answer's {@code code}, as a live {@code error} frame has it.
   */
  private record Problem(int status, String message, Map<String, String> fields, int retryAfterSeconds, String code) {
    Problem(int status, String message, Map<String, String> fields) {
      this(status, message, fields, 0, null);
    }

    String title() {
      return switch (status) {
        case 400 -> "Please check your input";
        case 401 -> "Please sign in";
        case 403 -> "Not allowed";
        case 404 -> "Not found";
        case 409 -> "Conflict";
        case 429 -> "Too many attempts";
        case 503 -> "Temporarily unavailable";
        default -> status >= 500 ? "Something went wrong" : "Request refused";
      };
    }
  }
}
