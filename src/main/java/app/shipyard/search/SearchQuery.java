package app.shipyard.search;

import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Text;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to search for, read strictly from the query string: {@code q} (its words), the chosen values of each
 * {@link Facet}, the page and its size. Every problem is a 400, all reported together.
 */
public record SearchQuery(String q, List<String> words, Map<Facet, List<String>> filters, int page, int limit) {

  public static final int MAX_Q = 200;
  public static final int MAX_WORDS = 10;
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 50;
  public static final int MAX_PAGE = 50;
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  public SearchQuery {
    words = List.copyOf(words);
    EnumMap<Facet, List<String>> copy = new EnumMap<>(Facet.class);
    filters.forEach((facet, values) -> copy.put(facet, List.copyOf(values)));
    filters = copy;
  }

  /** {@code ?q=&year=&event=&kind=&location=&department=&tag=&skill=&award=&outcome=&page=&limit=}. */
  public static SearchQuery from(RoutingContext ctx) {
    Map<String, String> problems = new LinkedHashMap<>();
    String q = Params.text(ctx, "q", MAX_Q);
    List<String> words = words(q);
    if (words.size() > MAX_WORDS) {
      problems.put("q", "may have at most " + MAX_WORDS + " words");
    }
    Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      values(ctx, facet, problems).ifPresent(values -> filters.put(facet, values));
    }
    Integer page = number(ctx, "page", MAX_PAGE, problems);
    Integer limit = number(ctx, "limit", MAX_LIMIT, problems);
    if (!problems.isEmpty()) {
      throw AppError.invalid(problems);
    }
    return new SearchQuery(q, words, filters, page == null ? 1 : page, limit == null ? DEFAULT_LIMIT : limit);
  }

  /** The words of a query: runs of letters and digits, lower-cased; punctuation separates them. */
  static List<String> words(String q) {
    return Arrays.stream(NOT_WORD.split(q.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty()).toList();
  }

  private static Optional<List<String>> values(RoutingContext ctx, Facet facet, Map<String, String> problems) {
    List<String> values = new ArrayList<>();
    for (String raw : ctx.queryParam(facet.key())) {
      String value = raw.strip();
      Optional<String> problem = Text.lineProblem(value);
      if (problem.isPresent()) {
        problems.put(facet.key(), problem.get());
        return Optional.empty();
      }
      if (value.length() > facet.maxLength()) {
        problems.put(facet.key(), "must be at most " + facet.maxLength() + " characters");
        return Optional.empty();
      }
      if (!value.isEmpty()) {
        Optional<String> normalised = facet.normalised(value);
        if (normalised.isEmpty()) {
          problems.put(facet.key(), facet.shapeProblem());
          return Optional.empty();
        }
        if (!values.contains(normalised.get())) {
          values.add(normalised.get());
        }
      }
    }
    if (values.size() > Facet.MAX_VALUES) {
      problems.put(facet.key(), "may have at most " + Facet.MAX_VALUES + " values");
      return Optional.empty();
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(values);
  }

  private static Integer number(RoutingContext ctx, String name, int max, Map<String, String> problems) {
    String text = Params.text(ctx, name, 12);
    if (text.isEmpty()) {
      return null;
    }
    Optional<Long> n = Params.wholeNumber(text).filter(v -> v >= 1 && v <= max);
    if (n.isEmpty()) {
      problems.put(name, "must be a whole number from 1 to " + max);
      return null;
    }
    return n.get().intValue();
  }

  public boolean hasText() {
    return !words.isEmpty();
  }

  public List<String> values(Facet facet) {
    return filters.getOrDefault(facet, List.of());
  }

  public boolean chosen(Facet facet, String value) {
    return values(facet).contains(value);
  }

  /** The same search with other words (a corrected query), from its first page. */
  public SearchQuery withWords(List<String> corrected) {
    return new SearchQuery(String.join(" ", corrected), corrected, filters, page, limit);
  }

  public SearchQuery atPage(int other) {
    return new SearchQuery(q, words, filters, other, limit);
  }

  /** The same search with {@code value} of {@code facet} chosen, or no longer chosen; from the first page. */
  public SearchQuery toggled(Facet facet, String value) {
    Map<Facet, List<String>> changed = new EnumMap<>(filters);
    List<String> values = new ArrayList<>(values(facet));
    if (!values.remove(value)) {
      values.add(value);
    }
    if (values.isEmpty()) {
      changed.remove(facet);
    } else {
      changed.put(facet, values);
    }
    return new SearchQuery(q, words, changed, 1, limit);
  }

  /** The query string of this search, with only what differs from the defaults; empty when nothing does. */
  public String query() {
    List<String> parts = new ArrayList<>();
    if (!q.isEmpty()) {
      parts.add("q=" + encode(q));
    }
    filters.forEach((facet, values) -> values.forEach(v -> parts.add(facet.key() + "=" + encode(v))));
    if (page != 1) {
      parts.add("page=" + page);
    }
    if (limit != DEFAULT_LIMIT) {
      parts.add("limit=" + limit);
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
