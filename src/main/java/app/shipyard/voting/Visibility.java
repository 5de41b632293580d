package app.shipyard.voting;

/** Who sees a round's tallies, and when. Ties are always shown as ties. */
public enum Visibility implements Keyed {
  LIVE("Live, for everyone"), AFTER_VOTING("To each voter once they have voted"),
  AFTER_CLOSE("Once the round closes"), ON_REVEAL("When an organiser reveals them"), NEVER("Never to participants");

  private final String label;

  Visibility(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Whether a viewer sees one category's tally now. Organisers and admins, who run the round, always do. Everyone
   * else as the round says; "after voting" shows a category to a voter once they voted in it, and to everyone once
   * the round has closed.
   */
  public boolean shows(RoundState state, boolean revealed, boolean runsTheRound, boolean votedInCategory) {
    if (runsTheRound) {
      return true;
    }
    return switch (this) {
      case LIVE -> state != RoundState.DRAFT;
      case AFTER_VOTING -> votedInCategory || state == RoundState.CLOSED;
      case AFTER_CLOSE -> state == RoundState.CLOSED;
      case ON_REVEAL -> revealed;
      case NEVER -> false;
    };
  }
}
