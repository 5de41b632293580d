package app.shipyard.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and validates what a client sent, the same way for a JSON body and an HTML form. Problems are
 * collected per field and thrown together by {@link #check()}, so a person sees everything to fix at once.
 */
public final class Input {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private final JsonObject json;
  private final MultiMap form;
  private final Map<String, String> problems = new LinkedHashMap<>();

  private Input(JsonObject json, MultiMap form) {
    this.json = json;
    this.form = form;
  }

  public static Input of(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && type.toLowerCase().startsWith("application/json")) {
      return new Input(jsonBody(ctx), null);
    }
    MultiMap form = ctx.request().formAttributes();
    for (Map.Entry<String, String> entry : form) {
      if (entry.getValue().indexOf('\uFFFD') >= 0) {
        throw AppError.badRequest("The form contains text that is not valid UTF-8.");
      }
    }
    return new Input(null, form);
  }

  /** The body as strictly decoded UTF-8 text. */
  public static String text(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null) {
      return "";
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body.getBytes())).toString();
    } catch (CharacterCodingException e) {
      throw AppError.badRequest("The request body is not valid UTF-8.");
    }
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    String text = text(ctx);
    if (text.isBlank()) {
      return new JsonObject();
    }
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
    if (text.indexOf('\u0000') >= 0) {
      problems.put(field, "must not contain NUL characters");
      return "";
    }
    String value = text.strip();
    if (value.length() > maxLength) {
      problems.put(field, "must be at most " + maxLength + " characters");
    }
    return value;
  }

  public String email(String field) {
    String value = required(field, 254);
    if (!value.isEmpty() && !EMAIL.matcher(value).matches()) {
      problems.put(field, "must be an email address");
    }
    return value.toLowerCase();
  }

  public Optional<Integer> optionalId(String field) {
    Object raw = raw(field);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return Optional.empty();
    }
    try {
      int id = raw instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : Integer.parseInt(raw.toString().trim());
      if (id > 0) {
        return Optional.of(id);
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problems.put(field, "must be a positive whole number");
    return Optional.empty();
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
    if (values.stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
      problems.put(field, "must not contain NUL characters");
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
    try {
      long value = raw instanceof Number n && n.doubleValue() == n.longValue() ? n.longValue()
          : Long.parseLong(raw.toString().trim());
      if (value >= min && value <= max) {
        return (int) value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problems.put(field, "must be a whole number from " + min + " to " + max);
    return fallback;
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
      try {
        int id = item instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue()
            : Integer.parseInt(String.valueOf(item).trim());
        if (id < 1) {
          throw new NumberFormatException();
        }
        ids.add(id);
      } catch (NumberFormatException e) {
        problems.put(field, "must be a list of ids");
        return List.of();
      }
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

  private Object raw(String field) {
    if (json != null) {
      return json.getValue(field);
    }
    List<String> all = form.getAll(field);
    return all.isEmpty() ? null : all.get(0);
  }
}
