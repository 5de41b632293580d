package app.shipyard.team;

import app.shipyard.identity.Person;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Loads what {@link MatchRanking} needs from the database: matches for a person, and for a team's captain. */
public final class MatchFinder {

  private final TeamRepository teams;
  private final ListingRepository<FreeAgent> freeAgents;
  private final ListingRepository<Mentor> mentors;

  public MatchFinder(TeamRepository teams, ListingRepository<FreeAgent> freeAgents, ListingRepository<Mentor> mentors) {
    this.teams = teams;
    this.freeAgents = freeAgents;
    this.mentors = mentors;
  }

  /** A person's skills (profile and free-agent listing) and the pitches of the event they match, best first. */
  public record ForPerson(List<String> skills, List<MatchRanking.PitchMatch> pitches) {

    public JsonObject json() {
      return new JsonObject().put("skills", new JsonArray(skills))
          .put("pitches", new JsonArray(pitches.stream().map(TeamJson::of).toList()));
    }
  }

  /** A team's gaps and the free agents and mentors who fill them, best first. */
  public record ForTeam(Team team, List<String> gaps, List<MatchRanking.Filler<FreeAgent>> freeAgents,
                        List<MatchRanking.Filler<Mentor>> mentors) {

    public JsonObject json() {
      return new JsonObject().put("pitchId", team.pitchId()).put("wanted", new JsonArray(team.wanted()))
          .put("gaps", new JsonArray(gaps))
          .put("freeAgents", new JsonArray(freeAgents.stream()
              .map(f -> TeamJson.filler(f.who().person(), f.fills())).toList()))
          .put("mentors", new JsonArray(mentors.stream()
              .map(f -> TeamJson.filler(f.who().person(), f.fills())).toList()));
    }
  }

  public Future<ForPerson> forPerson(long eventId, Person person) {
    return Future.all(teams.teams(eventId), freeAgents.find(eventId, person.id())).map(all -> {
      List<Team> list = all.resultAt(0);
      java.util.Optional<FreeAgent> listing = all.resultAt(1);
      Set<String> skills = new LinkedHashSet<>(person.skills());
      listing.ifPresent(l -> l.skills().stream()
          .filter(s -> skills.stream().noneMatch(h -> MatchRanking.key(h).equals(MatchRanking.key(s)))).forEach(skills::add));
      List<MatchRanking.Opening> openings = list.stream().filter(t -> !t.hasMember(person.id()))
          .map(t -> new MatchRanking.Opening(t.pitchId(), t.title(), t.openPlaces(), t.createdAt(), t.wanted())).toList();
      return new ForPerson(List.copyOf(skills), MatchRanking.pitchesFor(skills, openings));
    });
  }

  public Future<ForTeam> forTeam(Team team) {
    return Future.all(freeAgents.list(team.eventId()), mentors.list(team.eventId())).map(all -> {
      List<FreeAgent> agents = all.resultAt(0);
      List<Mentor> helpers = all.resultAt(1);
      List<String> gaps = MatchRanking.gaps(team.wanted(), team.memberSkills());
      return new ForTeam(team, gaps, MatchRanking.fillers(gaps, agents, FreeAgent::skills, FreeAgent::personId),
          MatchRanking.fillers(gaps, helpers.stream().filter(m -> !team.hasMember(m.personId())).toList(),
              Mentor::skills, Mentor::personId));
    });
  }
}
