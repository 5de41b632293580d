package app.shipyard.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.regex.Pattern;

/** Path and query parameters, read strictly: numbers in ASCII digits only ({@code +7} or {@code ٧} are not 7). */
public final class Params {

  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,19}");

  private Params() {}

  /** A numeric id from the path; anything else is "not found", as no such thing can exist. */
  public static long id(RoutingContext ctx, String name, String what) {
    String raw = ctx.pathParam(name);
    if (raw != null && ID.matcher(raw).matches()) {
      Optional<Long> id = wholeNumber(raw);
      if (id.isPresent()) {
        return id.get();
      }
    }
    throw AppError.notFound(what);
  }

  /** A whole number in ASCII digits with an optional leading minus, within the range of a long; else empty. */
  public static Optional<Long> wholeNumber(String text) {
    if (!WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  public static String text(RoutingContext ctx, String name, int maxLength) {
    String value = ctx.request().getParam(name);
    if (value == null) {
      return "";
    }
    Optional<String> problem = Text.problem(value);
    if (problem.isPresent()) {
      throw AppError.invalid(name, problem.get());
    }
    value = value.strip();
    if (value.length() > maxLength) {
      throw AppError.invalid(name, "must be at most " + maxLength + " characters");
    }
    return value;
  }

  public static Integer optionalInt(RoutingContext ctx, String name) {
    String value = text(ctx, name, 12);
    if (value.isEmpty()) {
      return null;
    }
    return wholeNumber(value).filter(n -> n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE).map(Long::intValue)
        .orElseThrow(() -> AppError.invalid(name, "must be a whole number"));
  }

  public static int page(RoutingContext ctx) {
    Integer page = optionalInt(ctx, "page");
    if (page != null && page < 1) {
      throw AppError.invalid("page", "must be 1 or more");
    }
    return page == null ? 1 : page;
  }
}
