package app.shipyard.voting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/** A voting round of an event: its rules, where it is in its life, its categories and the projects on its ballot. */
public record Round(long id, long eventId, String title, RoundRules rules, Integer locationId, RoundState state,
                    OffsetDateTime openedAt, OffsetDateTime closedAt, OffsetDateTime revealedAt,
                    OffsetDateTime opensAt, OffsetDateTime closesAt, List<Category> categories,
                    List<Project> projects) {

  /** A category; {@code ownVisibility} overrides the round's visibility for it when set (null otherwise). */
  public record Category(long id, String name, Visibility ownVisibility) {

    public Visibility visibility(RoundRules rules) {
      return ownVisibility == null ? rules.visibility() : ownVisibility;
    }
  }

  public record Project(long pitchId, String title) {}

  public boolean revealed() {
    return revealedAt != null;
  }

  public boolean open() {
    return state == RoundState.OPEN;
  }

  /** A heat: a round scoped to one location, where only people of that location vote. */
  public boolean heat() {
    return locationId != null;
  }

  /** Whether the round, or one of its categories, waits for an organiser's reveal. */
  public boolean awaitsReveal() {
    return rules.visibility() == Visibility.ON_REVEAL
        || categories.stream().anyMatch(c -> c.ownVisibility() == Visibility.ON_REVEAL);
  }

  public Optional<Category> category(long categoryId) {
    return categories.stream().filter(c -> c.id() == categoryId).findFirst();
  }

  /**
   * Which categories' results a viewer sees now: everything for those who run the round, otherwise as its
   * {@link Visibility} says (the category's own, else the round's), given the categories the viewer has voted in.
   */
  public LongPredicate resultsVisibleTo(boolean runsTheRound, Set<Long> votedIn) {
    return categoryId -> category(categoryId).map(c -> c.visibility(rules)).orElse(rules.visibility())
        .shows(state, revealed(), runsTheRound, votedIn.contains(categoryId));
  }

  public String projectTitle(long pitchId) {
    return projects.stream().filter(p -> p.pitchId() == pitchId).map(Project::title).findFirst().orElse("");
  }
}
