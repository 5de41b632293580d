package app.shipyard.showcase;

import app.shipyard.attachment.Galleries;
import app.shipyard.outcome.OutcomeRepository;
import app.shipyard.outcome.OutcomeRoutes;
import app.shipyard.web.Routes;
import app.shipyard.web.Views;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** Wires the showcase and outcomes, once per process: their repositories, the pages kept in memory, every route. */
public final class ShowcaseFeatures implements Routes.Feature {

  private final List<Routes.Feature> features;

  public ShowcaseFeatures(Pool pool, Galleries galleries, Views views) {
    ShowcaseRepository showcase = new ShowcaseRepository(pool);
    KeptPages pages = new KeptPages(views);
    this.features = List.of(
        new ShowcaseRoutes(showcase, pages),
        new ProjectRoutes(new ProjectRepository(pool), galleries, pages),
        new OutcomeRoutes(new OutcomeRepository(pool)),
        new FeedRoutes(new FeedRepository(pool), showcase));
  }

  @Override
  public void register(Routes routes) {
    features.forEach(feature -> feature.register(routes));
  }
}
