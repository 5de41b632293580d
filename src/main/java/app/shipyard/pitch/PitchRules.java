package app.shipyard.pitch;

import app.shipyard.event.Phase;
import java.util.Optional;

/** What the event's kind and phase allow to change on its pitches, with the reason when refused. */
final class PitchRules {

  private PitchRules() {}

  /** Details may be edited until the demos start: in pitching, team forming and building. */
  static Optional<String> editRefusal(Phase phase) {
    return phase.ordinal() < Phase.DEMOS.ordinal() ? Optional.empty()
        : Optional.of("A pitch can be edited until the demos start; this event is in " + phase.label() + ".");
  }

  /** Comments, interest marks and approvals: anything but an archived (read-only) event. */
  static Optional<String> talkRefusal(Phase phase) {
    return phase == Phase.ARCHIVED ? Optional.of("This event is archived and read-only.") : Optional.empty();
  }

  static Optional<String> stageRefusal(String eventKind, Phase phase) {
    if (!"lab".equals(eventKind)) {
      return Optional.of("Stages belong to lab projects; this event is a ShipIt day.");
    }
    return talkRefusal(phase);
  }
}
