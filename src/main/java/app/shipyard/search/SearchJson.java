package app.shipyard.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON of {@code GET /api/showcase/search}. */
final class SearchJson {

  private SearchJson() {}

  static JsonObject of(SearchResults r) {
    JsonObject facets = new JsonObject();
    r.facets().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(f -> facets.put(
        f.getKey().key(), new JsonArray(f.getValue().stream().map(v -> new JsonObject().put("value", v.value())
            .put("label", v.label()).put("count", v.count()).put("chosen", v.chosen())
            .put("href", SearchLinks.toggle(r.asked(), v))).toList())));
    JsonObject filters = new JsonObject();
    r.asked().filters().forEach((facet, values) -> filters.put(facet.key(), new JsonArray(values)));
    return new JsonObject()
        .put("q", r.asked().q())
        .put("searchedFor", r.corrected() ? r.searched().q() : null)
        .put("filters", filters)
        .put("total", r.total())
        .put("page", r.asked().page())
        .put("pages", r.pages())
        .put("limit", r.asked().limit())
        .put("results", new JsonArray(r.hits().stream().map(SearchJson::hit).toList()))
        .put("facets", facets)
        .put("links", new JsonObject().put("page", SearchLinks.page(r.asked()))
            .put("previous", SearchLinks.previous(r, true)).put("next", SearchLinks.next(r, true)));
  }

  private static JsonObject hit(Hit h) {
    return new JsonObject().put("id", h.id()).put("url", h.url()).put("title", h.title())
        .put("titleHtml", h.titleHtml()).put("snippet", h.snippet())
        .put("event", new JsonObject().put("id", h.eventId()).put("title", h.eventTitle()).put("year", h.year())
            .put("kind", h.kind()))
        .put("tags", new JsonArray(h.tags())).put("skills", new JsonArray(h.skills()))
        .put("awards", new JsonArray(h.awards().stream()
            .map(a -> new JsonObject().put("kind", a.kind()).put("title", a.title())).toList()))
        .put("outcome", h.outcome());
  }
}
