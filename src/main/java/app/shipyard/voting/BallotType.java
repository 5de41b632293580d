package app.shipyard.voting;

/**
 * How a voter fills in a ballot: one project per category, a budget of points to spread (at most some per project),
 * or an ordered top K scored by Borda count (K points for first, 1 for K-th).
 */
public enum BallotType implements Keyed {
  SINGLE("One project per category"), BUDGET("Points to spread"), RANKED("Your top projects in order");

  private final String label;

  BallotType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
