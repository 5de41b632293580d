package app.shipyard.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and validates what a client sent, the same way for a JSON body and an HTML form. Problems are
 * collected per field and thrown together by {@link #check()}, so a person sees everything to fix at once.
 */
public final class Input {

  private final JsonObject json;
  private final MultiMap form;
  private final Map<String, String> problems = new LinkedHashMap<>();

  private Input(JsonObject json, MultiMap form) {
    this.json = json;
    this.form = form;
  }

  private static final String TEXT = Input.class.getName() + ".text";
  private static final String JSON = Input.class.getName() + ".json";

  public static Input of(RoutingContext ctx) {
    return isJson(ctx) ? new Input(json(ctx), null) : new Input(null, ctx.request().formAttributes());
  }

  /** A JSON object that came another way than an HTTP body (a live channel message), read with the same checks. */
  public static Input of(JsonObject json) {
    return new Input(json, null);
  }

  /** Whether the body is sent as JSON; anything else is read as a form. */
  static boolean isJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && Text.lowerCase(type).startsWith("application/json");
  }

  /** The body as strictly decoded UTF-8 text, decoded once per request. */
  public static String text(RoutingContext ctx) {
    String cached = ctx.get(TEXT);
    if (cached != null) {
      return cached;
    }
    Buffer body = ctx.body().buffer();
    String text = body == null ? ""
        : Text.utf8(body.getBytes()).orElseThrow(() -> AppError.badRequest("The request body is not valid UTF-8."));
    ctx.put(TEXT, text);
    return text;
  }

  /** The JSON body as an object ({@code {}} when blank), parsed once per request. */
  static JsonObject json(RoutingContext ctx) {
    JsonObject cached = ctx.get(JSON);
    if (cached != null) {
      return cached;
    }
    String text = text(ctx);
    JsonObject object = text.isBlank() ? new JsonObject() : parseObject(text);
    ctx.put(JSON, object);
    return object;
  }

  private static JsonObject parseObject(String text) {
    try {
      Object value = io.vertx.core.json.Json.decodeValue(text);
      if (value instanceof JsonObject object) {
        return object;
      }
    } catch (DecodeException e) {
      throw AppError.badRequest("The request body is not valid JSON.");
    }
    throw AppError.badRequest("The request body must be a JSON object.");
  }

  public String required(String field, int maxLength) {
    String value = optional(field, maxLength);
    if (value.isEmpty() && !problems.containsKey(field)) {
      problems.put(field, "is required");
    }
    return value;
  }

  public String optional(String field, int maxLength) {
    Object raw = raw(field);
    if (raw == null) {
      return "";
    }
    if (!(raw instanceof String text)) {
      problems.put(field, "must be text");
      return "";
    }
    Optional<String> problem = Text.problem(text);
    if (problem.isPresent()) {
      problems.put(field, problem.get());
      return "";
    }
    String value = text.strip();
    if (value.length() > maxLength) {
      problems.put(field, "must be at most " + maxLength + " characters");
    }
    return value;
  }

  public String email(String field) {
    String value = Text.lowerCase(required(field, Text.MAX_EMAIL));
    if (!value.isEmpty() && !problems.containsKey(field) && !Text.isEmail(value)) {
      problems.put(field, "must be an email address");
    }
    return value;
  }

  public Optional<Integer> optionalId(String field) {
    Object raw = raw(field);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return Optional.empty();
    }
    Optional<Long> id = whole(raw).filter(n -> n > 0 && n <= Integer.MAX_VALUE);
    if (id.isEmpty()) {
      problems.put(field, "must be a positive whole number");
    }
    return id.map(Long::intValue);
  }

  /** A JSON array of strings, or (from a form) repeated fields or one comma-separated field. */
  public List<String> list(String field, int maxItems, int maxLength) {
    List<String> values = new ArrayList<>();
    Object raw = raw(field);
    if (raw instanceof JsonArray array) {
      for (Object item : array) {
        if (!(item instanceof String s)) {
          problems.put(field, "must be a list of text");
          return List.of();
        }
        values.add(s);
      }
    } else if (json == null && form != null) {
      form.getAll(field).forEach(v -> values.addAll(Arrays.asList(v.split(","))));
    } else if (raw != null) {
      problems.put(field, "must be a list of text");
      return List.of();
    }
    Optional<String> problem = values.stream().map(Text::problem).flatMap(Optional::stream).findFirst();
    if (problem.isPresent()) {
      problems.put(field, problem.get());
      return List.of();
    }
    List<String> cleaned = values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    if (cleaned.size() > maxItems) {
      problems.put(field, "may have at most " + maxItems + " entries");
    } else if (cleaned.stream().anyMatch(v -> v.length() > maxLength)) {
      problems.put(field, "entries must be at most " + maxLength + " characters");
    }
    return cleaned;
  }

  /** A whole number within [min, max]; {@code fallback} when absent. */
  public int integer(String field, int fallback, int min, int max) {
    Object raw = raw(field);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return fallback;
    }
    Optional<Long> value = whole(raw).filter(n -> n >= min && n <= max);
    if (value.isPresent()) {
      return value.get().intValue();
    }
    problems.put(field, "must be a whole number from " + min + " to " + max);
    return fallback;
  }

  /**
   * An optional decimal number at least 0 with at most {@code scale} decimals and at most {@code max}: a JSON number,
   * or text of ASCII digits with an optional point (as a form sends it).
   */
  public Optional<java.math.BigDecimal> decimal(String field, int scale, java.math.BigDecimal max) {
    Object raw = raw(field);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return Optional.empty();
    }
    String text = raw instanceof Number n ? new java.math.BigDecimal(n.toString()).toPlainString()
        : raw instanceof String s ? s.strip() : "";
    if (!text.matches("[0-9]{1,20}(\\.[0-9]{1,20})?")) {
      problems.put(field, "must be a number of at least 0, like 1250 or 99.50");
      return Optional.empty();
    }
    java.math.BigDecimal value = new java.math.BigDecimal(text);
    if (value.stripTrailingZeros().scale() > scale) {
      problems.put(field, "may have at most " + scale + " decimals");
    } else if (value.compareTo(max) > 0) {
      problems.put(field, "must be at most " + max.toPlainString());
    }
    return Optional.of(value);
  }

  /** JSON true/false, or a form checkbox (present means true). */
  public boolean bool(String field) {
    Object raw = raw(field);
    if (raw == null) {
      return false;
    }
    if (raw instanceof Boolean b) {
      return b;
    }
    String text = raw.toString().trim().toLowerCase();
    if (json != null && !(text.equals("true") || text.equals("false"))) {
      problems.put(field, "must be true or false");
      return false;
    }
    return text.equals("true") || text.equals("on") || text.equals("yes") || text.equals("1");
  }

  /**
   * A moment in time: ISO-8601 with an offset ({@code 2026-05-01T09:00:00Z}), or a local date-time
   * ({@code 2026-05-01T09:00}, as a form sends it) read in {@code zone}.
   */
  public java.time.OffsetDateTime dateTime(String field, java.time.ZoneId zone) {
    String text = required(field, 40);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text);
    } catch (java.time.format.DateTimeParseException notOffset) {
      try {
        return java.time.LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
      } catch (java.time.format.DateTimeParseException e) {
        problems.put(field, "must be a date and time like 2026-05-01T09:00");
        return null;
      }
    }
  }

  /** Records a problem with a field, unless one was already found (the first problem is the one to fix). */
  public void problem(String field, String message) {
    problems.putIfAbsent(field, message);
  }

  /** A list of positive ids: a JSON array of numbers, or repeated form fields (checkboxes). */
  public List<Integer> ids(String field, int maxItems) {
    Object raw = raw(field);
    List<Object> items = new ArrayList<>();
    if (raw instanceof JsonArray array) {
      array.forEach(items::add);
    } else if (json == null && form != null) {
      items.addAll(form.getAll(field));
    } else if (raw != null) {
      problems.put(field, "must be a list of ids");
      return List.of();
    }
    List<Integer> ids = new ArrayList<>();
    for (Object item : items) {
      Optional<Long> id = whole(item).filter(n -> n > 0 && n <= Integer.MAX_VALUE);
      if (id.isEmpty()) {
        problems.put(field, "must be a list of ids");
        return List.of();
      }
      ids.add(id.get().intValue());
    }
    if (ids.size() > maxItems) {
      problems.put(field, "may have at most " + maxItems + " entries");
    }
    return ids.stream().distinct().toList();
  }

  /** Throws every problem found so far as one 400 with field messages. */
  public void check() {
    if (!problems.isEmpty()) {
      throw AppError.invalid(problems);
    }
  }

  /** A JSON whole number, or text of ASCII digits (a form sends numbers as text). */
  private static Optional<Long> whole(Object raw) {
    if (raw instanceof Number n) {
      return n.doubleValue() == n.longValue() ? Optional.of(n.longValue()) : Optional.empty();
    }
    return raw instanceof String text ? Params.wholeNumber(text.strip()) : Optional.empty();
  }

  private Object raw(String field) {
    if (json != null) {
      return json.getValue(field);
    }
    List<String> all = form.getAll(field);
    return all.isEmpty() ? null : all.get(0);
  }
}
