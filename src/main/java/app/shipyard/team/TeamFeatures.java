package app.shipyard.team;

import app.shipyard.award.AwardRepository;
import app.shipyard.event.EventRepository;
import app.shipyard.pitch.PitchRepository;
import app.shipyard.web.Idempotency;
import app.shipyard.web.Routes;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** Wires teams, once per process: their repositories and every route they serve. */
public final class TeamFeatures implements Routes.Feature {

  private final List<Routes.Feature> features;

  public TeamFeatures(Pool pool, PitchRepository pitches, EventRepository events, Idempotency idempotency) {
    TeamRepository teams = new TeamRepository(pool);
    JoinRequestRepository requests = new JoinRequestRepository(pool);
    ListingRepository<FreeAgent> freeAgents = new ListingRepository<>(pool, ListingKind.FREE_AGENTS);
    ListingRepository<Mentor> mentors = new ListingRepository<>(pool, ListingKind.MENTORS);
    MatchFinder matches = new MatchFinder(teams, freeAgents, mentors);
    this.features = List.of(
        new TeamRoutes(teams, requests, pitches, idempotency),
        new RosterRoutes(teams, requests, matches, events, new AwardRepository(pool)),
        ListingRoutes.freeAgents(freeAgents, teams, matches, events),
        ListingRoutes.mentors(mentors, events),
        new PlacementRoutes(new AutoPlacement(teams, freeAgents), events));
  }

  @Override
  public void register(Routes routes) {
    features.forEach(feature -> feature.register(routes));
  }
}
