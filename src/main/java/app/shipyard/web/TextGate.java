package app.shipyard.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one gate every incoming text passes before a handler reads it: the path, the query, the headers Shipyard reads
 * as data, and the body (form fields, every JSON key and string, any other text such as CSV). Text that {@link Text}
 * does not accept is refused with a 400 naming the parameter, so it never reaches a handler or the database.
 */
public final class TextGate {

  private static final List<String> DATA_HEADERS = List.of("Authorization", "Content-Type", "Accept", "X-XSRF-TOKEN");

  private TextGate() {}

  /** The path, the query and the headers read as data: first, before any route is matched on a malformed path. */
  public static void address(RoutingContext ctx) {
    pass(ctx, problems -> {
      checkPath(ctx.request().path(), problems);
      checkEncoded(ctx.request().query(), "query", problems);
      for (String header : DATA_HEADERS) {
        String value = ctx.request().getHeader(header);
        if (value != null) {
          check(header, value, problems);
        }
      }
    });
  }

  /** The body, once {@code BodyHandler} has read it. */
  public static void body(RoutingContext ctx) {
    pass(ctx, problems -> checkBody(ctx, problems));
  }

  private static void pass(RoutingContext ctx, Consumer<Map<String, String>> checks) {
    Map<String, String> problems = new LinkedHashMap<>();
    try {
      checks.accept(problems);
    } catch (AppError e) {
      ctx.fail(e);
      return;
    }
    if (problems.isEmpty()) {
      ctx.next();
    } else {
      ctx.fail(AppError.invalid(problems));
    }
  }

  private static void checkPath(String path, Map<String, String> problems) {
    if (path == null) {
      return;
    }
    for (String segment : path.split("/")) {
      decoded(segment, false, "path", problems).ifPresent(text -> check("path", text, problems));
    }
  }

  /** {@code name=value&...} as a query or a form body sends it. */
  private static void checkEncoded(String encoded, String whole, Map<String, String> problems) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      Optional<String> name = decoded(equals < 0 ? pair : pair.substring(0, equals), true, whole, problems);
      if (name.isEmpty()) {
        continue;
      }
      String field = Text.printable(name.get());
      check(field, name.get(), problems);
      if (equals >= 0) {
        decoded(pair.substring(equals + 1), true, field, problems).ifPresent(value -> check(field, value, problems));
      }
    }
  }

  private static void checkBody(RoutingContext ctx, Map<String, String> problems) {
    String type = ctx.request().getHeader("Content-Type");
    String mime = type == null ? "" : Text.lowerCase(type.split(";", 2)[0].strip());
    if (Input.isJson(ctx)) {
      Input.json(ctx).forEach(entry -> {
        String field = Text.printable(entry.getKey());
        check(field, entry.getKey(), problems);
        walk(field, entry.getValue(), problems);
      });
    } else if (mime.equals("application/x-www-form-urlencoded")) {
      checkEncoded(Input.text(ctx), "body", problems);
    } else if (mime.equals("multipart/form-data")) {
      ctx.request().formAttributes().forEach(entry -> {
        String field = Text.printable(entry.getKey());
        check(field, entry.getKey(), problems);
        check(field, entry.getValue(), problems);
        // Vert.x decodes form parts with replacement characters where the bytes were not UTF-8.
        if (entry.getValue().indexOf('\uFFFD') >= 0) {
          problems.putIfAbsent(field, Text.NOT_UTF8);
        }
      });
    } else if (mime.startsWith("text/")) {
      check("body", Input.text(ctx), problems);
    }
  }

  /** Every string and key inside a JSON value counts against the top-level field it came in. */
  private static void walk(String field, Object value, Map<String, String> problems) {
    if (value instanceof String text) {
      check(field, text, problems);
    } else if (value instanceof JsonObject object) {
      object.forEach(entry -> {
        check(field, entry.getKey(), problems);
        walk(field, entry.getValue(), problems);
      });
    } else if (value instanceof JsonArray array) {
      array.forEach(item -> walk(field, item, problems));
    }
  }

  private static Optional<String> decoded(String component, boolean plusIsSpace, String field,
                                          Map<String, String> problems) {
    try {
      return Optional.of(Text.percentDecoded(component, plusIsSpace));
    } catch (IllegalArgumentException e) {
      problems.putIfAbsent(field, e.getMessage());
      return Optional.empty();
    }
  }

  private static void check(String field, String text, Map<String, String> problems) {
    Text.problem(text).ifPresent(problem -> problems.putIfAbsent(field, problem));
  }
}
