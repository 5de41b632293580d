package app.shipyard.team;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Placement suggestions spread people, mix departments and do not depend on input order")
class PlacementPlannerTest {

  private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

  private static Team team(long id, int capacity, String captainDepartment, String captainLocation, String... wanted) {
    return new Team(id, 1, "Team " + id, "idea", capacity, true, 100 + id, T0, List.of(wanted),
        List.of(new Team.Member(100 + id, "Captain " + id, "c" + id + "@x", captainDepartment, captainLocation, true, T0,
            List.of())));
  }

  private static FreeAgent agent(long id, String department, String location, String... skills) {
    return new FreeAgent(new Someone(id, "Agent " + id, department, location), List.of(skills), "", T0);
  }

  private static Map<Long, Long> placements(PlacementPlanner.Suggestion s) {
    Map<Long, Long> placed = new TreeMap<>();
    s.proposals().forEach(p -> placed.put(p.agent().personId(), p.team().pitchId()));
    return placed;
  }

  @Test
  @DisplayName("People without matching skills spread evenly over equal teams")
  void spreadsEvenly() {
    List<Team> teams = List.of(team(1, 4, "Engineering", "Berlin"), team(2, 4, "Engineering", "Berlin"));
    List<FreeAgent> agents = List.of(agent(1, "Engineering", "Berlin"), agent(2, "Engineering", "Berlin"),
        agent(3, "Engineering", "Berlin"), agent(4, "Engineering", "Berlin"));
    assertEquals(Map.of(1L, 1L, 2L, 2L, 3L, 1L, 4L, 2L), placements(PlacementPlanner.suggest(teams, agents)));
  }

  @Test
  @DisplayName("A person goes to the team lacking their department and location, with the reasons said")
  void mixes() {
    List<Team> teams = List.of(team(1, 4, "Design", "Berlin"), team(2, 4, "Engineering", "Berlin"));
    PlacementPlanner.Suggestion s = PlacementPlanner.suggest(teams, List.of(agent(1, "Design", "Berlin")));
    assertEquals(Map.of(1L, 2L), placements(s));
    assertEquals(List.of("Brings Design, a department new to the team", "The team had 1 of 4 places taken"),
        s.proposals().get(0).reasons());
  }

  @Test
  @DisplayName("Gap skills come first; capacity is never exceeded and the rest are reported unplaced")
  void gapsFirstAndCapacity() {
    List<Team> teams = List.of(team(1, 2, "Design", "Sydney", "Kafka"), team(2, 2, "Engineering", "Berlin"));
    List<FreeAgent> agents = List.of(agent(1, "Design", "Sydney"), agent(2, "Design", "Sydney", "kafka"),
        agent(3, "Design", "Sydney"));
    PlacementPlanner.Suggestion s = PlacementPlanner.suggest(teams, agents);
    assertEquals(Map.of(2L, 1L, 1L, 2L), placements(s));
    assertEquals("Fills skill gaps: Kafka", s.proposals().get(0).reasons().get(0));
    assertEquals(List.of(3L), s.unplaced().stream().map(u -> u.agent().personId()).toList());
    assertEquals("Every team is full.", s.unplaced().get(0).reason());
  }

  @Test
  @DisplayName("The same data in another order gives the same suggestion")
  void deterministic() {
    List<Team> teams = new ArrayList<>(List.of(team(1, 3, "Design", "Sydney", "Go"), team(2, 3, "Data", "Berlin", "React"),
        team(3, 2, "Sales", "Remote")));
    List<FreeAgent> agents = new ArrayList<>(List.of(agent(1, "Data", "Sydney", "Go"), agent(2, "Design", "Berlin"),
        agent(3, "Sales", "Berlin", "React"), agent(4, "Data", "Remote"), agent(5, "Design", "Sydney")));
    PlacementPlanner.Suggestion first = PlacementPlanner.suggest(teams, agents);
    Collections.reverse(teams);
    Collections.reverse(agents);
    PlacementPlanner.Suggestion second = PlacementPlanner.suggest(teams, agents);
    assertEquals(placements(first), placements(second));
    assertEquals(first.proposals().stream().map(PlacementPlanner.Proposal::reasons).toList(),
        second.proposals().stream().map(PlacementPlanner.Proposal::reasons).toList());
  }
}
