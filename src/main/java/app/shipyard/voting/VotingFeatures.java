package app.shipyard.voting;

import app.shipyard.event.EventRepository;
import app.shipyard.web.Routes;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** Wires voting, once per process: its repositories and every route it serves. */
public final class VotingFeatures implements Routes.Feature {

  private final List<Routes.Feature> features;
  private final VoteRepository votes;

  public VotingFeatures(Pool pool, EventRepository events) {
    RoundRepository rounds = new RoundRepository(pool);
    this.votes = new VoteRepository(pool);
    TallyRepository tallies = new TallyRepository(pool);
    this.features = List.of(
        new RoundRoutes(rounds, events),
        new VoteRoutes(rounds, votes, tallies, new RoundPage(rounds, votes, tallies, events)),
        new AuditRoutes(new AuditRepository(pool), rounds));
  }

  /** Casting votes, shared with the live channel (votes over its websocket, and its tally ticks). */
  public VoteRepository votes() {
    return votes;
  }

  @Override
  public void register(Routes routes) {
    features.forEach(feature -> feature.register(routes));
  }
}
