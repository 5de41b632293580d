package app.shipyard.outcome;

import java.util.Arrays;
import java.util.Optional;

/** What a project's impact is measured in. */
public enum ImpactKind {
  HOURS_SAVED("hours saved"), COST_AVOIDED("cost avoided"), REVENUE("revenue"), CUSTOMERS_REACHED("customers reached");

  private final String label;

  ImpactKind(String label) {
    this.label = label;
  }

  public String key() {
    return name().toLowerCase();
  }

  public String label() {
    return label;
  }

  public static Optional<ImpactKind> parse(String key) {
    return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
  }

  static String keys() {
    return "hours_saved, cost_avoided, revenue or customers_reached";
  }
}
