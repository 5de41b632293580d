package app.shipyard.team;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A suggestion placing the remaining free agents onto teams with open places, for an organiser to review. It only
 * proposes; applying goes through the normal join transaction.
 *
 * <p>The suggestion is built greedily, one placement at a time. At each step every pair of (unplaced free agent, team
 * with an open place) is scored, and the best pair is taken by, in order:
 * <ol>
 *   <li>gap skills filled: how many of the skills the team still lacks the person offers (more first), so scarce
 *       skills go where they are missing;</li>
 *   <li>mix: one point if the person's department is new to the team, one if their location is (more first);</li>
 *   <li>the team's current size (smaller first), so teams fill evenly;</li>
 *   <li>open places (more first);</li>
 *   <li>then the lower person id and the lower pitch id, so that one data set always gives one suggestion.</li>
 * </ol>
 * The chosen team then counts the person as a member (their skills, department and location included) before the
 * next step. Each placement keeps the reasons it was chosen for; free agents left over once every team is full are
 * reported as unplaced.
 */
public final class PlacementPlanner {

  private PlacementPlanner() {}

  /** One proposed placement, with the reasons it was chosen. */
  public record Proposal(FreeAgent agent, Team team, List<String> reasons) {}

  /** A free agent the suggestion could not place, and why. */
  public record Unplaced(FreeAgent agent, String reason) {}

  public record Suggestion(List<Proposal> proposals, List<Unplaced> unplaced) {}

  public static Suggestion suggest(List<Team> teams, List<FreeAgent> agents) {
    List<Slot> slots = teams.stream().filter(t -> t.openPlaces() > 0).map(Slot::new).toList();
    List<FreeAgent> waiting = new ArrayList<>(agents);
    List<Proposal> proposals = new ArrayList<>();
    while (!waiting.isEmpty()) {
      Choice best = null;
      for (FreeAgent agent : waiting) {
        for (Slot slot : slots) {
          if (slot.size < slot.team.capacity()) {
            Choice choice = new Choice(agent, slot);
            if (best == null || Choice.ORDER.compare(choice, best) < 0) {
              best = choice;
            }
          }
        }
      }
      if (best == null) {
        break;
      }
      proposals.add(new Proposal(best.agent, best.slot.team, best.reasons()));
      best.slot.take(best.agent);
      waiting.remove(best.agent);
    }
    String reason = slots.isEmpty() ? "No approved team has an open place." : "Every team is full.";
    return new Suggestion(proposals, waiting.stream().map(a -> new Unplaced(a, reason)).toList());
  }

  /** A team as the suggestion fills it. */
  private static final class Slot {
    final Team team;
    int size;
    final Set<String> covered = new HashSet<>();
    final Set<String> departments = new HashSet<>();
    final Set<String> locations = new HashSet<>();

    Slot(Team team) {
      this.team = team;
      this.size = team.members().size();
      team.members().forEach(m -> add(m.skills(), m.department(), m.location()));
    }

    void take(FreeAgent agent) {
      size++;
      add(agent.skills(), agent.person().department(), agent.person().location());
    }

    private void add(List<String> skills, String department, String location) {
      skills.forEach(s -> covered.add(MatchRanking.key(s)));
      if (!department.isBlank()) {
        departments.add(MatchRanking.key(department));
      }
      if (!location.isBlank()) {
        locations.add(MatchRanking.key(location));
      }
    }

    List<String> gaps() {
      return MatchRanking.gaps(team.wanted(), covered);
    }
  }

  /** One candidate pair, scored. */
  private record Choice(FreeAgent agent, Slot slot, List<String> fills, boolean newDepartment, boolean newLocation) {

    static final Comparator<Choice> ORDER = Comparator.<Choice>comparingInt(c -> -c.fills.size())
        .thenComparingInt(c -> -c.mix())
        .thenComparingInt(c -> c.slot.size)
        .thenComparingInt(c -> -(c.slot.team.capacity() - c.slot.size))
        .thenComparingLong(c -> c.agent.personId())
        .thenComparingLong(c -> c.slot.team.pitchId());

    Choice(FreeAgent agent, Slot slot) {
      this(agent, slot, MatchRanking.shared(slot.gaps(), agent.skills()),
          isNew(agent.person().department(), slot.departments), isNew(agent.person().location(), slot.locations));
    }

    int mix() {
      return (newDepartment ? 1 : 0) + (newLocation ? 1 : 0);
    }

    List<String> reasons() {
      Set<String> reasons = new LinkedHashSet<>();
      if (!fills.isEmpty()) {
        reasons.add("Fills skill gaps: " + String.join(", ", fills));
      }
      if (newDepartment) {
        reasons.add("Brings " + agent.person().department() + ", a department new to the team");
      }
      if (newLocation) {
        reasons.add("Brings " + agent.person().location() + ", a location new to the team");
      }
      reasons.add("The team had " + slot.size + " of " + slot.team.capacity() + " places taken");
      return List.copyOf(reasons);
    }

    private static boolean isNew(String value, Set<String> present) {
      return !value.isBlank() && !present.contains(MatchRanking.key(value));
    }
  }
}
