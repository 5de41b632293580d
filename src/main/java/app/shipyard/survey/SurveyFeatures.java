package app.shipyard.survey;

import app.shipyard.event.EventRepository;
import app.shipyard.web.Routes;
import io.vertx.sqlclient.Pool;

/** Wires surveys, once per process: the repository insights read results from, and the survey routes. */
public final class SurveyFeatures implements Routes.Feature {

  private final SurveyRepository surveys;
  private final SurveyRoutes routes;

  public SurveyFeatures(Pool pool, EventRepository events) {
    this.surveys = new SurveyRepository(pool);
    this.routes = new SurveyRoutes(surveys, events);
  }

  public SurveyRepository surveys() {
    return surveys;
  }

  @Override
  public void register(Routes routes) {
    this.routes.register(routes);
  }
}
