package app.shipyard.outcome;

import java.util.Arrays;
import java.util.Optional;

/** What became of a project after its event. */
public enum OutcomeKind {
  SHIPPED("Shipped to production"), ROADMAP("On a roadmap"), LAB("Continued in the lab"), SPUN_OFF("Spun off"),
  PARKED("Parked");

  private final String label;

  OutcomeKind(String label) {
    this.label = label;
  }

  public String key() {
    return name().toLowerCase();
  }

  public String label() {
    return label;
  }

  public static Optional<OutcomeKind> parse(String key) {
    return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
  }

  static String keys() {
    return "shipped, roadmap, lab, spun_off or parked";
  }
}
