package app.shipyard.pitch;

import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Which page of an event's pitches to list, how sorted and narrowed, read strictly from the query string. A page
 * starts at the {@code cursor} (none: the first page) and holds at most {@code limit} pitches.
 */
public record PitchFilter(Sort sort, String skill, String tag, Integer locationId, boolean openOnly, int limit,
                          PitchCursor cursor) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  /**
   * Sort orders, each on a column of {@code pitch_standings} ({@code s}) with an index of the same order; ties go
   * to the newest, then the highest id, so every pitch has one place and keyset pages never skip or repeat one.
   */
  public enum Sort {
    NEWEST(null, p -> 0),
    INTEREST("s.interest", PitchSummary::interestCount),
    OPEN("s.open_places", PitchSummary::openPlaces);

    private final String rankColumn;
    private final ToIntFunction<PitchSummary> rank;

    Sort(String rankColumn, ToIntFunction<PitchSummary> rank) {
      this.rankColumn = rankColumn;
      this.rank = rank;
    }

    public String key() {
      return name().toLowerCase();
    }

    int rankOf(PitchSummary p) {
      return rank.applyAsInt(p);
    }

    boolean ranked() {
      return rankColumn != null;
    }

    /**
     * The keyset condition and order of a page; the cursor's created-at and id are {@code $9, $10} and its rank
     * {@code $11} (ranked sorts only). A page before the cursor is read backwards, nearest first.
     */
    String pageSql(PitchCursor cursor) {
      List<String> keys = ranked() ? List.of(rankColumn, "s.created_at", "s.pitch_id")
          : List.of("s.created_at", "s.pitch_id");
      String place = (ranked() ? "$11::int, " : "") + "$9::timestamptz, $10::bigint";
      boolean backwards = cursor != null && cursor.before();
      String beyond = cursor == null ? ""
          : " AND (" + String.join(", ", keys) + ") " + (backwards ? "> (" : "< (") + place + ")";
      String direction = backwards ? " ASC" : " DESC";
      return beyond + " ORDER BY " + keys.stream().map(k -> k + direction).collect(Collectors.joining(", "))
          + " LIMIT $8::int";
    }

    static Optional<Sort> parse(String key) {
      return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
  }

  /**
   * {@code ?sort=newest|interest|open&skill=&tag=&location=<id>&open=true&limit=1..100&cursor=}; every problem is a
   * 400, all reported together.
   */
  public static PitchFilter from(RoutingContext ctx) {
    Map<String, String> problems = new LinkedHashMap<>();
    String sortKey = Params.text(ctx, "sort", 20);
    Sort sort = sortKey.isEmpty() ? Sort.NEWEST : Sort.parse(sortKey).orElse(null);
    if (sort == null) {
      problems.put("sort", "must be newest, interest or open");
    }
    String skill = Params.text(ctx, "skill", 60);
    String tag = Params.text(ctx, "tag", 30);
    Integer location = wholeNumber(Params.text(ctx, "location", 12));
    if (location != null && location < 1) {
      problems.put("location", "must be a location id");
    }
    String open = Params.text(ctx, "open", 5).toLowerCase();
    if (!open.isEmpty() && !open.equals("true") && !open.equals("false")) {
      problems.put("open", "must be true or false");
    }
    Integer limit = wholeNumber(Params.text(ctx, "limit", 12));
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      problems.put("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
    PitchCursor cursor = cursor(Params.text(ctx, "cursor", PitchCursor.MAX_LENGTH), sort, problems);
    if (!problems.isEmpty()) {
      throw AppError.invalid(problems);
    }
    return new PitchFilter(sort, skill.isEmpty() ? null : skill, tag.isEmpty() ? null : tag, location,
        open.equals("true"), limit == null ? DEFAULT_LIMIT : limit, cursor);
  }

  /** A whole number from the query; 0 when it is not one (callers refuse it), null when absent. */
  private static Integer wholeNumber(String text) {
    if (text.isEmpty()) {
      return null;
    }
    return Params.wholeNumber(text).filter(n -> n > 0 && n <= Integer.MAX_VALUE).map(Long::intValue).orElse(0);
  }

  private static PitchCursor cursor(String text, Sort sort, Map<String, String> problems) {
    if (text.isEmpty()) {
      return null;
    }
    PitchCursor cursor = PitchCursor.decode(text).orElse(null);
    if (cursor == null) {
      problems.put("cursor", "is not a cursor from this list; start again from the first page");
    } else if (sort != null && cursor.sort() != sort) {
      problems.put("cursor", "belongs to the " + cursor.sort().key() + " order, not " + sort.key()
          + "; start again from the first page");
    }
    return cursor;
  }

  public String sortKey() {
    return sort.key();
  }

  /** The page size asked for, or {@code null} for the default. */
  public Integer chosenLimit() {
    return limit == DEFAULT_LIMIT ? null : limit;
  }

  /** The same list from another place: {@code null} for the first page. */
  public PitchFilter at(PitchCursor place) {
    return new PitchFilter(sort, skill, tag, locationId, openOnly, limit, place);
  }

  /**
   * The query string of this page, with every parameter that differs from its default, so that a link to another
   * page keeps the sort, the filters and the page size; empty for the first page with the defaults.
   */
  public String query() {
    List<String> parts = new ArrayList<>();
    if (sort != Sort.NEWEST) {
      parts.add("sort=" + sort.key());
    }
    add(parts, "skill", skill);
    add(parts, "tag", tag);
    add(parts, "location", locationId == null ? null : String.valueOf(locationId));
    add(parts, "open", openOnly ? "true" : null);
    add(parts, "limit", chosenLimit() == null ? null : String.valueOf(limit));
    add(parts, "cursor", cursor == null ? null : cursor.encode());
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  private static void add(List<String> parts, String name, String value) {
    if (value != null) {
      parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
