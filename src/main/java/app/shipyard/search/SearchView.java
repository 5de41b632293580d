package app.shipyard.search;

import java.util.List;
import java.util.Map;

/** The page {@code /showcase/search}; the names are the template's. */
public record SearchView(String q, String searchedFor, long total, List<Hit> hits, List<Group> facets,
                         List<Hidden> kept, int page, int pages, String previous, String next, Integer chosenLimit,
                         boolean filtered, String clear) {

  private static final Map<Facet, String> TITLES = Map.of(Facet.YEAR, "Year", Facet.EVENT, "Event", Facet.KIND,
      "Kind", Facet.LOCATION, "Location", Facet.DEPARTMENT, "Department", Facet.TAG, "Tag", Facet.SKILL, "Skill",
      Facet.AWARD, "Award", Facet.OUTCOME, "Outcome");

  /** A facet with its values (shown only when it has some); {@code key} names the box for tests and scripts. */
  public record Group(String key, String title, List<Value> values) {}

  public record Value(String label, long count, boolean chosen, String href) {}

  /** A chosen filter the search form carries along as a hidden field, so a new query keeps it. */
  public record Hidden(String name, String value) {}

  public boolean paged() {
    return previous != null || next != null;
  }

  static SearchView of(SearchResults r) {
    SearchQuery asked = r.asked();
    List<Group> groups = r.facets().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(f -> new Group(f.getKey().key(), TITLES.get(f.getKey()), f.getValue().stream()
            .map(v -> new Value(v.label(), v.count(), v.chosen(), SearchLinks.toggle(asked, v))).toList()))
        .toList();
    List<Hidden> kept = asked.filters().entrySet().stream()
        .flatMap(f -> f.getValue().stream().map(v -> new Hidden(f.getKey().key(), v))).toList();
    return new SearchView(asked.q(), r.corrected() ? r.searched().q() : null, r.total(), r.hits(), groups, kept,
        asked.page(), r.pages(), SearchLinks.previous(r, false), SearchLinks.next(r, false),
        asked.limit() == SearchQuery.DEFAULT_LIMIT ? null : asked.limit(),
        !asked.filters().isEmpty(), SearchLinks.PAGE + (asked.q().isEmpty() ? "" : "?q=" + java.net.URLEncoder
            .encode(asked.q(), java.nio.charset.StandardCharsets.UTF_8)));
  }
}
