package app.shipyard.voting;

import app.shipyard.web.Input;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A new round as an organiser asked for it, read from JSON or a form and checked field by field. Without
 * {@code pitchIds} the ballot lists every approved, visible pitch of the event.
 */
public record RoundDraft(String title, RoundRules rules, List<String> categories, Integer locationId,
                         List<Integer> pitchIds, RoundSchedule schedule) {

  /** Reads the draft; local times of a form are read in {@code zone}, the event's. */
  static RoundDraft read(Input input, ZoneId zone) {
    String title = input.required("title", 120);
    BallotType ballot = keyed(input, "ballot", BallotType.values(), null);
    Electorate electorate = keyed(input, "electorate", Electorate.values(), Electorate.PARTICIPANTS);
    Visibility visibility = keyed(input, "visibility", Visibility.values(), Visibility.AFTER_CLOSE);
    List<String> categories = input.list("categories", 10, 60);
    Set<String> names = new HashSet<>();
    if (categories.isEmpty()) {
      input.problem("categories", "is required");
    } else if (!categories.stream().allMatch(c -> names.add(c.toLowerCase()))) {
      input.problem("categories", "names a category twice");
    }
    Integer budget = ballot == BallotType.BUDGET ? input.integer("budget", 10, 1, 100) : null;
    Integer maxPerProject = ballot == BallotType.BUDGET ? input.integer("maxPerProject", budget, 1, budget) : null;
    Integer rankSize = ballot == BallotType.RANKED ? input.integer("rankSize", 3, 1, 10) : null;
    RoundRules rules = new RoundRules(ballot, budget, maxPerProject, rankSize, electorate, input.bool("ownTeamAllowed"),
        input.bool("changesAllowed"), visibility);
    Optional<Integer> location = input.optionalId("locationId");
    List<Integer> pitchIds = input.ids("pitchIds", 500);
    RoundSchedule schedule = RoundSchedule.read(input, zone);
    input.check();
    return new RoundDraft(title, rules, categories, location.orElse(null), pitchIds, schedule);
  }

  private static <E extends Enum<E> & Keyed> E keyed(Input input, String field, E[] values, E fallback) {
    String key = input.optional(field, 20).toLowerCase();
    if (key.isEmpty()) {
      if (fallback == null) {
        input.problem(field, "is required");
      }
      return fallback;
    }
    Optional<E> value = Keyed.parse(values, key);
    if (value.isEmpty()) {
      input.problem(field, "must be one of " + String.join(", ", Keyed.keys(values)));
    }
    return value.orElse(fallback);
  }
}
