package app.shipyard.team;

import app.shipyard.event.EventRepository;
import app.shipyard.pitch.PitchRepository;
import app.shipyard.web.Idempotency;
import app.shipyard.web.Routes;
import app.shipyard.web.Views;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** Wires the team feature: its repositories and every route it serves. */
public final class TeamFeatures {

  private TeamFeatures() {}

  public static Routes.Feature routes(Pool pool, PitchRepository pitches, EventRepository events, Views views,
                                      Idempotency idempotency) {
    TeamRepository teams = new TeamRepository(pool);
    JoinRequestRepository requests = new JoinRequestRepository(pool);
    ListingRepository<FreeAgent> freeAgents = new ListingRepository<>(pool, ListingKind.FREE_AGENTS);
    ListingRepository<Mentor> mentors = new ListingRepository<>(pool, ListingKind.MENTORS);
    MatchFinder matches = new MatchFinder(teams, freeAgents, mentors);
    List<Routes.Feature> features = List.of(
        new TeamRoutes(teams, requests, pitches, idempotency),
        new RosterRoutes(teams, requests, matches, events, views),
        ListingRoutes.freeAgents(freeAgents, teams, matches, events, views),
        ListingRoutes.mentors(mentors, events, views),
        new PlacementRoutes(new AutoPlacement(teams, freeAgents), events, views));
    return routes -> features.forEach(feature -> feature.register(routes));
  }
}
