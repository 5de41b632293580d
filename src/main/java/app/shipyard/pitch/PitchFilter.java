package app.shipyard.pitch;

import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How a list of an event's pitches is sorted and narrowed, read strictly from the query string. */
public record PitchFilter(Sort sort, String skill, String tag, Integer locationId, boolean openOnly) {

  public static final PitchFilter NEWEST = new PitchFilter(Sort.NEWEST, null, null, null, false);

  /** Sort orders; each ends with the newest first, so equal entries keep a stable order. */
  public enum Sort {
    NEWEST("p.created_at DESC, p.id DESC"),
    INTEREST("interest_count DESC, p.created_at DESC, p.id DESC"),
    OPEN("open_places DESC, p.created_at DESC, p.id DESC");

    final String orderBy;

    Sort(String orderBy) {
      this.orderBy = orderBy;
    }

    public String key() {
      return name().toLowerCase();
    }

    static Optional<Sort> parse(String key) {
      return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
  }

  /** {@code ?sort=newest|interest|open&skill=&tag=&location=<id>&open=true}; every problem is a 400. */
  public static PitchFilter from(RoutingContext ctx) {
    Map<String, String> problems = new LinkedHashMap<>();
    String sortKey = Params.text(ctx, "sort", 20);
    Sort sort = sortKey.isEmpty() ? Sort.NEWEST : Sort.parse(sortKey).orElse(null);
    if (sort == null) {
      problems.put("sort", "must be newest, interest or open");
    }
    String skill = Params.text(ctx, "skill", 60);
    String tag = Params.text(ctx, "tag", 30);
    Integer location = null;
    String locationText = Params.text(ctx, "location", 12);
    if (!locationText.isEmpty()) {
      try {
        location = Integer.parseInt(locationText);
      } catch (NumberFormatException e) {
        location = 0;
      }
      if (location < 1) {
        problems.put("location", "must be a location id");
      }
    }
    String open = Params.text(ctx, "open", 5).toLowerCase();
    if (!open.isEmpty() && !open.equals("true") && !open.equals("false")) {
      problems.put("open", "must be true or false");
    }
    if (!problems.isEmpty()) {
      throw AppError.invalid(problems);
    }
    return new PitchFilter(sort, skill.isEmpty() ? null : skill, tag.isEmpty() ? null : tag, location,
        open.equals("true"));
  }

  public String sortKey() {
    return sort.key();
  }
}
