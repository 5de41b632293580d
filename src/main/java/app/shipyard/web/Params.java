package app.shipyard.web;

import io.vertx.ext.web.RoutingContext;

/** Path and query parameters, read strictly. */
public final class Params {

  private Params() {}

  /** A numeric id from the path; anything else is "not found", as no such thing can exist. */
  public static long id(RoutingContext ctx, String name, String what) {
    String raw = ctx.pathParam(name);
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException ignored) {
      // falls through
    }
    throw AppError.notFound(what);
  }

  public static String text(RoutingContext ctx, String name, int maxLength) {
    String value = ctx.request().getParam(name);
    if (value == null) {
      return "";
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
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw AppError.invalid(name, "must be a whole number");
    }
  }

  public static int page(RoutingContext ctx) {
    Integer page = optionalInt(ctx, "page");
    if (page != null && page < 1) {
      throw AppError.invalid("page", "must be 1 or more");
    }
    return page == null ? 1 : page;
  }
}
