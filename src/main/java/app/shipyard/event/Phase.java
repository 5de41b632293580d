package app.shipyard.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an event is in its life. Organisers move it one step forward (or one step back to reopen), never
 * out of the archive; each phase decides what may change.
 */
public enum Phase {
  DRAFT("Draft"), PITCHING("Pitching"), TEAM_FORMING("Team forming"), BUILDING("Building"),
  DEMOS("Demos"), RESULTS("Results"), ARCHIVED("Archived");

  private final String label;

  Phase(String label) {
    this.label = label;
  }

  public String key() {
    return name().toLowerCase();
  }

  public String label() {
    return label;
  }

  public static Optional<Phase> parse(String key) {
    return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
  }

  /** Why moving to {@code target} is refused, or empty when it is allowed. */
  public Optional<String> refusalToMoveTo(Phase target) {
    if (this == ARCHIVED) {
      return Optional.of("An archived event is read-only and cannot change phase.");
    }
    if (target == this) {
      return Optional.of("The event is already in " + label + ".");
    }
    int step = target.ordinal() - ordinal();
    if (step == 1 || (step == -1 && target != DRAFT)) {
      return Optional.empty();
    }
    return Optional.of("An event moves one phase at a time: from " + label + " it can go to "
        + values()[ordinal() + 1].label + (ordinal() > 1 ? " or back to " + values()[ordinal() - 1].label : "")
        + ", not to " + target.label + ".");
  }

  public boolean pitchesOpen() {
    return this == PITCHING || this == TEAM_FORMING;
  }

  public boolean teamsOpen() {
    return this == PITCHING || this == TEAM_FORMING || this == BUILDING;
  }

  /** From demos on, teams and the rules they formed under are settled. */
  public boolean teamsLocked() {
    return ordinal() >= DEMOS.ordinal();
  }

  /** The phase after this one, if there is one. */
  public Optional<Phase> next() {
    return this == ARCHIVED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
  }
}
