package app.shipyard.search;

import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

/**
 * Archive search for everyone signed in: the page and its JSON twin read the same query string, and see the same
 * projects whatever their role (only published events' approved, visible projects are ever indexed).
 */
public final class SearchRoutes implements Routes.Feature {

  private final ProjectSearch search;

  public SearchRoutes(Pool pool) {
    this.search = new ProjectSearch(pool);
  }

  @Override
  public void register(Routes routes) {
    routes.get(SearchLinks.PAGE, Access.signedIn(), this::page)
        .get(SearchLinks.API, Access.signedIn(), this::api);
  }

  private Future<Answer> page(RoutingContext ctx) {
    return search.search(SearchQuery.from(ctx)).map(r -> Answer.page("search/search",
        r.asked().q().isEmpty() ? "Search the archive" : "Search: " + r.asked().q(), SearchView.of(r)));
  }

  private Future<Answer> api(RoutingContext ctx) {
    return search.search(SearchQuery.from(ctx)).map(r -> Answer.json(SearchJson.of(r)));
  }
}
