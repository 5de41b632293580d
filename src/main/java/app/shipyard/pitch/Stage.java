package app.shipyard.pitch;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where a lab project stands. Day events keep every pitch at {@link #IDEA}. */
public enum Stage {
  IDEA("Idea"), PROTOTYPE("Prototype"), PILOT("Pilot"), SHIPPED("Shipped"), PARKED("Parked");

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String key() {
    return name().toLowerCase();
  }

  public String label() {
    return label;
  }

  public static Optional<Stage> parse(String key) {
    return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
  }

  public static String labelOf(String key) {
    return parse(key).map(Stage::label).orElse(key);
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Stage::key).toList();
  }
}
