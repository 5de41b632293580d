package app.shipyard.search;

import app.shipyard.web.Params;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A dimension projects can be narrowed by, its query parameter and how a value is read and matched in
 * {@code project_search} ({@code s}). Values of one facet are alternatives (OR); facets combine (AND).
 */
public enum Facet {
  YEAR("year", "s.year = ANY(%s::bigint[])", null, "must be a year such as 2025"),
  EVENT("event", "s.event_id = ANY(%s::bigint[])", null, "must be an event id"),
  KIND("kind", "s.kind = ANY(%s::text[])", List.of("day", "lab"), "must be day or lab"),
  LOCATION("location", "s.location_ids && %s::bigint[]::int[]", null, "must be a location id"),
  DEPARTMENT("department", "s.department_keys && %s::text[]", null, null),
  TAG("tag", "s.tag_keys && %s::text[]", null, null),
  SKILL("skill", "s.skill_keys && %s::text[]", null, null),
  AWARD("award", "s.awards && %s::text[]", List.of("winner", "finalist", "prize"),
      "must be winner, finalist or prize"),
  OUTCOME("outcome", "s.outcome = ANY(%s::text[])", List.of("shipped", "roadmap", "lab", "spun_off", "parked"),
      "must be shipped, roadmap, lab, spun_off or parked");

  private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("day", "ShipIt day"),
      Map.entry("lab", "Innovation lab"), Map.entry("winner", "Winner"), Map.entry("finalist", "Finalist"),
      Map.entry("prize", "Prize"), Map.entry("shipped", "Shipped"), Map.entry("roadmap", "On a roadmap"),
      Map.entry("spun_off", "Spun off"), Map.entry("parked", "Parked"));

  /** At most this many values of one facet in one search. */
  public static final int MAX_VALUES = 10;

  private final String key;
  private final String condition;
  private final List<String> vocabulary;
  private final String shapeProblem;

  Facet(String key, String condition, List<String> vocabulary, String shapeProblem) {
    this.key = key;
    this.condition = condition;
    this.vocabulary = vocabulary;
    this.shapeProblem = shapeProblem;
  }

  public String key() {
    return key;
  }

  /** The longest value a parameter of this facet may have. */
  int maxLength() {
    return switch (this) {
      case DEPARTMENT -> 100;
      case TAG -> 30;
      case SKILL -> 60;
      default -> 20;
    };
  }

  /** The SQL condition matching any of the values bound at {@code param} (e.g. {@code $4}). */
  String condition(String param) {
    return condition.formatted(param);
  }

  /** Whether the values are ids or years (bound as a {@code bigint[]}) rather than text. */
  boolean numeric() {
    return this == YEAR || this == EVENT || this == LOCATION;
  }

  /** Whether the values must exist in the database (events of the archive, locations, skills). */
  boolean looked() {
    return this == EVENT || this == LOCATION || this == SKILL;
  }

  /** The value as matched (ids and years as digits, text lower-cased), or the problem with it. */
  Optional<String> normalised(String raw) {
    if (vocabulary != null) {
      String value = raw.toLowerCase(Locale.ROOT);
      return vocabulary.contains(value) ? Optional.of(value) : Optional.empty();
    }
    if (this == YEAR) {
      return Params.wholeNumber(raw).filter(y -> y >= 1900 && y <= 2999).map(String::valueOf);
    }
    if (numeric()) {
      return Params.wholeNumber(raw).filter(id -> id >= 1 && id <= Integer.MAX_VALUE).map(String::valueOf);
    }
    return Optional.of(raw.toLowerCase(Locale.ROOT));
  }

  /** How a value of a fixed vocabulary (kind, award, outcome) is shown. */
  public static String label(String value) {
    return LABELS.getOrDefault(value, value);
  }

  String shapeProblem() {
    return shapeProblem;
  }

  /** The fixed values, in the order facets list them; {@code null} for open vocabularies. */
  List<String> vocabulary() {
    return vocabulary;
  }
}
