package app.shipyard.showcase;

import app.shipyard.attachment.Galleries;
import app.shipyard.outcome.OutcomeRepository;
import app.shipyard.outcome.OutcomeRoutes;
import app.shipyard.web.Routes;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** Wires the showcase and outcomes, once per process: their repositories and every route. */
public final class ShowcaseFeatures implements Routes.Feature {

  private final List<Routes.Feature> features;

  public ShowcaseFeatures(Pool pool, Galleries galleries) {
    ShowcaseRepository showcase = new ShowcaseRepository(pool);
    this.features = List.of(
        new ShowcaseRoutes(showcase),
        new ProjectRoutes(new ProjectRepository(pool), galleries),
        new OutcomeRoutes(new OutcomeRepository(pool)),
        new FeedRoutes(new FeedRepository(pool), showcase));
  }

  @Override
  public void register(Routes routes) {
    features.forEach(feature -> feature.register(routes));
  }
}
