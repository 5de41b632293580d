package app.shipyard.search;

/** Addresses of a search: every state is a plain link to the page (or the API), so nothing needs a script. */
final class SearchLinks {

  static final String PAGE = "/showcase/search";
  static final String API = "/api/showcase/search";

  private SearchLinks() {}

  static String page(SearchQuery query) {
    return PAGE + query.query();
  }

  static String api(SearchQuery query) {
    return API + query.query();
  }

  /** The page with this facet value chosen or, when it is chosen, no longer. */
  static String toggle(SearchQuery query, FacetCount value) {
    return page(query.toggled(value.facet(), value.value()));
  }

  static String previous(SearchResults results, boolean api) {
    SearchQuery asked = results.asked();
    if (asked.page() <= 1) {
      return null;
    }
    SearchQuery other = asked.atPage(Math.min(asked.page() - 1, Math.max(results.pages(), 1)));
    return api ? api(other) : page(other);
  }

  static String next(SearchResults results, boolean api) {
    if (!results.hasNext()) {
      return null;
    }
    SearchQuery other = results.asked().atPage(results.asked().page() + 1);
    return api ? api(other) : page(other);
  }
}
