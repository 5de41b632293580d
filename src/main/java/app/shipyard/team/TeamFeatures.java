package app.shipyard.team;

import app.shipyard.event.EventRepository;
import app.shipyard.pitch.PitchRepository;
import app.shipyard.web.Routes;
import app.shipyard.web.Views;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** Wires the team feature: its repositories and every route it serves. */
public final class TeamFeatures {

  private TeamFeatures() {}

  public static Routes.Feature routes(Pool pool, PitchRepository pitches, EventRepository events, Views views) {
    TeamRepository teams = new TeamRepository(pool);
    JoinRequestRepository requests = new JoinRequestRepository(pool);
    FreeAgentRepository freeAgents = new FreeAgentRepository(pool);
    MentorRepository mentors = new MentorRepository(pool);
    Matches matches = new Matches(teams, freeAgents, mentors);
    List<Routes.Feature> features = List.of(
        new TeamRoutes(teams, requests, pitches),
        new RosterRoutes(teams, requests, matches, events, views),
        new FreeAgentRoutes(freeAgents, teams, matches, events, views),
        new MentorRoutes(mentors, events, views),
        new PlacementRoutes(new Placements(teams, freeAgents), events, views));
    return routes -> features.forEach(feature -> feature.register(routes));
  }
}
