package app.shipyard.search;

import java.util.List;
import java.util.Map;

/**
 * A page of a search: the query that was run ({@code searched}, which differs from the one asked when a typo was
 * corrected), its hits, the total, and the facet counts in display order.
 */
public record SearchResults(SearchQuery asked, SearchQuery searched, List<Hit> hits, long total,
                            Map<Facet, List<FacetCount>> facets) {

  public SearchResults {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  public boolean corrected() {
    return !asked.words().equals(searched.words());
  }

  public int pages() {
    return (int) Math.min(SearchQuery.MAX_PAGE, (total + asked.limit() - 1) / asked.limit());
  }

  public boolean hasNext() {
    return asked.page() < pages();
  }
}
