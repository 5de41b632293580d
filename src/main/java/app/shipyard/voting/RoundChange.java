package app.shipyard.voting;

import app.shipyard.event.Phase;
import java.util.Optional;

/** What organisers do to a round, and when each is refused. A round goes draft, open, closed; then maybe revealed. */
public enum RoundChange {
  OPEN("Open voting", "round.opened",
      "UPDATE voting_rounds SET state = 'open', opened_at = clock_timestamp() WHERE id = $1"),
  CLOSE("Close voting", "round.closed",
      "UPDATE voting_rounds SET state = 'closed', closed_at = clock_timestamp() WHERE id = $1"),
  REVEAL("Reveal the results", "round.revealed",
      "UPDATE voting_rounds SET revealed_at = clock_timestamp() WHERE id = $1");

  private final String label;
  private final String auditAction;
  private final String update;

  RoundChange(String label, String auditAction, String update) {
    this.label = label;
    this.auditAction = auditAction;
    this.update = update;
  }

  /** The last segment of the paths this change is posted to: {@code /rounds/{id}/open}. */
  public String action() {
    return name().toLowerCase();
  }

  /** The organiser's button for this change. */
  public String label() {
    return label;
  }

  String auditAction() {
    return auditAction;
  }

  String update() {
    return update;
  }

  /** Why this change is refused for a round in this state, or empty when it may go ahead. */
  public Optional<String> refusal(RoundState state, Visibility visibility, boolean revealed, Phase eventPhase) {
    return Optional.ofNullable(switch (this) {
      case OPEN -> eventPhase == Phase.ARCHIVED ? "An archived event is read-only; its rounds cannot be opened."
          : state == RoundState.OPEN ? "This round is already open."
          : state == RoundState.CLOSED ? "A closed round cannot be opened again." : null;
      case CLOSE -> state == RoundState.DRAFT ? "This round has not been opened yet, so it cannot be closed."
          : state == RoundState.CLOSED ? "This round is already closed." : null;
      case REVEAL -> visibility != Visibility.ON_REVEAL
          ? "Only a round whose results wait for an organiser's reveal can be revealed."
          : state != RoundState.CLOSED ? "Results are revealed once the round is closed."
          : revealed ? "This round's results are already revealed." : null;
    });
  }
}
