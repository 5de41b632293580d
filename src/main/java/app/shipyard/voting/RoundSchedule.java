package app.shipyard.voting;

import app.shipyard.web.Input;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When the scheduler opens and closes a round ({@code opensAt}, {@code closesAt}; either may be empty, and then an
 * organiser does it by hand). Read from JSON (ISO-8601 with an offset) or a form (a local time in the event's zone).
 */
public record RoundSchedule(OffsetDateTime opensAt, OffsetDateTime closesAt) {

  static final RoundSchedule NONE = new RoundSchedule(null, null);

  /** Reads both times, each optional; a closing time must come after the opening time. */
  static RoundSchedule read(Input input, ZoneId zone) {
    OffsetDateTime opensAt = optionalTime(input, "opensAt", zone);
    OffsetDateTime closesAt = optionalTime(input, "closesAt", zone);
    if (closesAt != null && !closesAt.isAfter(OffsetDateTime.now())) {
      input.problem("closesAt", "must lie in the future");
    } else if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
      input.problem("closesAt", "must be after the opening time");
    }
    return new RoundSchedule(opensAt, closesAt);
  }

  private static OffsetDateTime optionalTime(Input input, String field, ZoneId zone) {
    return input.optional(field, 40).isEmpty() ? null : input.dateTime(field, zone);
  }

  /** Why this schedule cannot be set on a round in this state, or empty: an open round's opening is history. */
  Optional<String> refusal(RoundState state) {
    if (state == RoundState.CLOSED) {
      return Optional.of("This round is closed; it has no schedule left to change.");
    }
    if (state == RoundState.OPEN && opensAt != null) {
      return Optional.of("This round is already open; only its closing time can be set.");
    }
    return Optional.empty();
  }
}
