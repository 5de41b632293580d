package app.shipyard.voting;

import app.shipyard.award.AwardRepository;
import app.shipyard.event.EventRepository;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.List;

/** Wires voting, once per process: its repositories, every route it serves, and the round scheduler. */
public final class VotingFeatures implements Routes.Feature {

  private final List<Routes.Feature> features;
  private final VoteRepository votes;

  /** How often the scheduler looks for rounds due to open or close. */
  static final Duration CLOCK_TICK = Duration.ofSeconds(1);

  private final Pool pool;

  /** {@code meters} counts every vote cast through {@link #votes()}, over HTTP, the phone page or the live channel. */
  public VotingFeatures(Pool pool, EventRepository events, VoteMeters meters) {
    this.pool = pool;
    RoundRepository rounds = new RoundRepository(pool);
    this.votes = new VoteRepository(pool, meters);
    TallyRepository tallies = new TallyRepository(pool);
    this.features = List.of(
        new RoundRoutes(rounds, events),
        new RoundDecisionRoutes(rounds, events, new RoundSettings(pool), new AwardRepository(pool)),
        new VoteRoutes(rounds, votes, tallies, new RoundPage(rounds, votes, tallies, events)),
        new AuditRoutes(new AuditRepository(pool), rounds));
  }

  /** Deploys the round scheduler, once per process (it is safe when several processes run). */
  public Future<String> startClock(Vertx vertx) {
    return vertx.deployVerticle(new RoundClock(pool, CLOCK_TICK));
  }

  /**
   * Casting votes, shared with the live channel (votes over its websocket, and its tally ticks) and the phone page:
   * the one instance, so that every vote is counted in {@link VoteMeters}.
   */
  public VoteRepository votes() {
    return votes;
  }

  @Override
  public void register(Routes routes) {
    features.forEach(feature -> feature.register(routes));
  }
}
