package app.shipyard.portfolio;

import app.shipyard.award.AwardRepository;
import app.shipyard.identity.Person;
import app.shipyard.account.PersonRepository;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Portfolio pages and API. Every signed-in person may read anyone's portfolio (it is a showcase of growth inside the
 * company); only the person writes reflections, and only on projects whose team they were on.
 */
public final class PortfolioRoutes implements Routes.Feature {

  private final PortfolioRepository portfolios;
  private final PersonRepository people;
  private final AwardRepository awards;

  public PortfolioRoutes(PortfolioRepository portfolios, PersonRepository people, AwardRepository awards) {
    this.awards = awards;
    this.portfolios = portfolios;
    this.people = people;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/portfolio", Access.signedIn(), this::myPortfolio)
        .get("/people/:id/portfolio", Access.signedIn(), this::page)
        .post("/portfolio/reflections/:pitchId", Access.signedIn(), this::reflectForm)
        .get("/api/people/:id/portfolio", Access.signedIn(), this::api)
        .put("/api/pitches/:pitchId/reflection", Access.signedIn(), this::reflectApi);
  }

  /** A person's portfolio as the viewer sees it; {@code own} when it is the viewer's, who may then reflect. */
  record PortfolioView(Person person, Portfolio portfolio, boolean own) {}

  private Future<PortfolioView> load(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That person");
    boolean own = Viewer.person(ctx).id() == id;
    return people.findById(id).map(found -> found.orElseThrow(() -> AppError.notFound("That person")))
        .compose(person -> portfolio(id, own).map(p -> new PortfolioView(person, p, own)));
  }

  /** The person's portfolio with its projects' awards. */
  private Future<Portfolio> portfolio(long personId, boolean own) {
    return portfolios.of(personId, own).compose(p -> awards.ofPitches(p.pitchIds()).map(p::withAwards));
  }

  private Future<Answer> myPortfolio(RoutingContext ctx) {
    return Future.succeededFuture(Answer.seeOther("/people/" + Viewer.person(ctx).id() + "/portfolio"));
  }

  private Future<Answer> page(RoutingContext ctx) {
    return load(ctx).map(v -> Answer.page("portfolio/portfolio", v.person().displayName() + "'s portfolio", v));
  }

  private Future<Answer> api(RoutingContext ctx) {
    return load(ctx).map(v -> Answer.json(PortfolioJson.of(v.portfolio())));
  }

  private Future<Long> reflect(RoutingContext ctx) {
    long pitchId = Params.id(ctx, "pitchId", "That project");
    Input input = Input.of(ctx);
    String body = input.optional("reflection", 2000);
    input.check();
    return portfolios.reflect(Viewer.person(ctx).id(), pitchId, body.strip()).map(pitchId);
  }

  private Future<Answer> reflectForm(RoutingContext ctx) {
    return reflect(ctx).map(pitchId -> Answer.seeOther("/people/" + Viewer.person(ctx).id() + "/portfolio#project-"
        + pitchId));
  }

  private Future<Answer> reflectApi(RoutingContext ctx) {
    return reflect(ctx).compose(pitchId -> portfolio(Viewer.person(ctx).id(), true)
        .map(p -> Answer.json(PortfolioJson.project(p, pitchId))));
  }
}
