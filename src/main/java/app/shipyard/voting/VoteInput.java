package app.shipyard.voting;

import app.shipyard.web.Params;
import app.shipyard.web.Input;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a vote from JSON or from the plain form of the round page. JSON: {@code points} is a list of
 * {@code {pitchId, points}} and {@code ranking} a list of pitch ids, best first. Form: one number field
 * {@code points-<pitchId>} per project, and one {@code ranking} select per place (blank places are skipped).
 */
public final class VoteInput {

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern POINTS_FIELD = Pattern.compile("points-(\\d{1,15})");
  private static final int MOST_ENTRIES = 100;
  private static final int MOST_POINTS = 1000;

  private VoteInput() {}

  static VoteRequest read(RoutingContext ctx) {
    JsonObject json = isJson(ctx) ? ctx.body().asJsonObject() : null;
    return read(Input.of(ctx), json, json == null ? ctx.request().formAttributes() : null);
  }

  /** A vote sent as a JSON object another way than HTTP (the live channel): the same fields, the same problems. */
  public static VoteRequest read(JsonObject json) {
    return read(Input.of(json), json, null);
  }

  private static VoteRequest read(Input input, JsonObject json, MultiMap form) {
    String voteId = input.required("voteId", 36);
    if (!voteId.isEmpty() && !UUID_TEXT.matcher(voteId).matches()) {
      input.problem("voteId", "must be a UUID such as 3f1c2e0a-8d6b-4c1e-9a57-2b7d9e4f6a10");
    }
    Optional<Integer> category = input.optionalId("categoryId");
    if (category.isEmpty()) {
      input.problem("categoryId", "is required");
    }
    Optional<Integer> pitch = input.optionalId("pitchId");
    List<VoteRequest.Points> points = json != null ? jsonPoints(json, input) : formPoints(form, input);
    List<Long> ranking = json != null ? jsonRanking(json, input) : formRanking(form, input);
    input.check();
    return new VoteRequest(UUID.fromString(voteId), category.get(), pitch.map(Integer::longValue).orElse(null),
        points, ranking);
  }

  private static boolean isJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase().startsWith("application/json");
  }

  private static List<VoteRequest.Points> jsonPoints(JsonObject json, Input input) {
    Object raw = json.getValue("points");
    if (raw == null) {
      return List.of();
    }
    List<VoteRequest.Points> points = new ArrayList<>();
    if (raw instanceof JsonArray array && array.size() <= MOST_ENTRIES) {
      for (Object item : array) {
        JsonObject entry = item instanceof JsonObject o ? o : new JsonObject();
        Long pitchId = whole(entry.getValue("pitchId"), 1);
        Long given = whole(entry.getValue("points"), 0);
        if (pitchId != null && given != null && given <= MOST_POINTS) {
          points.add(new VoteRequest.Points(pitchId, given.intValue()));
        }
      }
      if (points.size() == array.size()) {
        return points;
      }
    }
    input.problem("points", "must be a list of at most " + MOST_ENTRIES + " {pitchId, points} with whole numbers");
    return List.of();
  }

  private static List<Long> jsonRanking(JsonObject json, Input input) {
    Object raw = json.getValue("ranking");
    if (raw == null) {
      return List.of();
    }
    List<Long> ranking = new ArrayList<>();
    if (raw instanceof JsonArray array && array.size() <= MOST_ENTRIES) {
      array.forEach(item -> ranking.add(whole(item, 1)));
      if (!ranking.contains(null)) {
        return ranking;
      }
    }
    input.problem("ranking", "must be a list of at most " + MOST_ENTRIES + " pitch ids, best first");
    return List.of();
  }

  private static List<VoteRequest.Points> formPoints(MultiMap form, Input input) {
    List<VoteRequest.Points> points = new ArrayList<>();
    for (Map.Entry<String, String> field : form) {
      Matcher name = POINTS_FIELD.matcher(field.getKey());
      if (!name.matches() || field.getValue().isBlank()) {
        continue;
      }
      Long given = whole(field.getValue().strip(), 0);
      if (given == null || given > MOST_POINTS) {
        input.problem("points", "must be whole numbers of points");
        return List.of();
      }
      points.add(new VoteRequest.Points(Params.wholeNumber(name.group(1)).orElse(0L), given.intValue()));
    }
    return points;
  }

  private static List<Long> formRanking(MultiMap form, Input input) {
    List<Long> ranking = new ArrayList<>();
    for (String value : form.getAll("ranking")) {
      if (value.isBlank()) {
        continue;
      }
      Long pitchId = whole(value.strip(), 1);
      if (pitchId == null) {
        input.problem("ranking", "must name projects by their ids");
        return List.of();
      }
      ranking.add(pitchId);
    }
    return ranking;
  }

  /** A whole number of at least {@code min}, from JSON or form text; null for anything else. */
  private static Long whole(Object raw, long min) {
    try {
      long value = raw instanceof Number n && n.doubleValue() == n.longValue() ? n.longValue()
          : raw instanceof String s ? Params.wholeNumber(s).orElse(Long.MIN_VALUE) : Long.MIN_VALUE;
      return value >= min ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
