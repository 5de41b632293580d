package app.shipyard.stage;

import java.util.Arrays;
import java.util.Optional;

/** Where a demo slot is in the session: still to come, on stage now, shown, or skipped. */
public enum SlotState {
  PENDING("Up later"), ON_STAGE("On stage"), DONE("Done"), SKIPPED("Skipped");

  private final String label;

  SlotState(String label) {
    this.label = label;
  }

  public String key() {
    return name().toLowerCase();
  }

  public String label() {
    return label;
  }

  public static Optional<SlotState> parse(String key) {
    return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
  }
}
