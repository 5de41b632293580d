package app.shipyard.portfolio;

import app.shipyard.identity.Person;
import app.shipyard.account.PersonRepository;
import app.shipyard.web.Access;
import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Portfolio pages and API. Every signed-in person may read anyone's portfolio (it is a showcase of growth inside the
 * company); only the person writes reflections, and only on projects whose team they were on.
 */
public final class PortfolioRoutes implements Routes.Feature {

  private final PortfolioRepository portfolios;
  private final PersonRepository people;
  private final Views views;

  public PortfolioRoutes(PortfolioRepository portfolios, PersonRepository people, Views views) {
    this.portfolios = portfolios;
    this.people = people;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/portfolio", Access.signedIn(), ctx -> Responses.seeOther(ctx, "/people/" + Viewer.person(ctx).id() + "/portfolio"))
        .legacyGet("/people/:id/portfolio", Access.signedIn(), this::page)
        .legacyPost("/portfolio/reflections/:pitchId", Access.signedIn(), this::reflectForm)
        .legacyGet("/api/people/:id/portfolio", Access.signedIn(), this::api)
        .legacyPut("/api/pitches/:pitchId/reflection", Access.signedIn(), this::reflectApi);
  }

  private record Loaded(Person person, Portfolio portfolio, boolean own) {}

  private Future<Loaded> load(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That person");
    boolean own = Viewer.person(ctx).id() == id;
    return people.findById(id).map(found -> found.orElseThrow(() -> AppError.notFound("That person")))
        .compose(person -> portfolios.of(id, own).map(p -> new Loaded(person, p, own)));
  }

  private void page(RoutingContext ctx) {
    load(ctx).onSuccess(l -> views.page(ctx, "portfolio/portfolio", l.person().displayName() + "'s portfolio", Map.of(
        "person", l.person(), "portfolio", l.portfolio(), "own", l.own()))).onFailure(ctx::fail);
  }

  private void api(RoutingContext ctx) {
    load(ctx).onSuccess(l -> Responses.json(ctx, PortfolioJson.of(l.portfolio()))).onFailure(ctx::fail);
  }

  private Future<Long> reflect(RoutingContext ctx) {
    long pitchId = Params.id(ctx, "pitchId", "That project");
    Input input = Input.of(ctx);
    String body = input.optional("reflection", 2000);
    input.check();
    return portfolios.reflect(Viewer.person(ctx).id(), pitchId, body.strip()).map(pitchId);
  }

  private void reflectForm(RoutingContext ctx) {
    reflect(ctx).onSuccess(pitchId -> Responses.seeOther(ctx, "/people/" + Viewer.person(ctx).id() + "/portfolio#project-"
        + pitchId)).onFailure(ctx::fail);
  }

  private void reflectApi(RoutingContext ctx) {
    reflect(ctx).compose(pitchId -> portfolios.of(Viewer.person(ctx).id(), true).map(p -> PortfolioJson.project(p, pitchId)))
        .onSuccess(project -> Responses.json(ctx, project)).onFailure(ctx::fail);
  }
}
