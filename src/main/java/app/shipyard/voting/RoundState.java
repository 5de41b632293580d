package app.shipyard.voting;

/** A round is prepared as a draft, opened by an organiser, then closed for good. */
public enum RoundState implements Keyed {
  DRAFT("Draft"), OPEN("Open"), CLOSED("Closed");

  private final String label;

  RoundState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
