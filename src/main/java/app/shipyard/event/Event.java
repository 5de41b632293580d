package app.shipyard.event;

import java.time.OffsetDateTime;
import java.util.List;

/** An innovation event: a ShipIt {@code day} or a {@code lab} programme. */
public record Event(long id, String kind, String title, String theme, String description, Phase phase,
                    OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, Rules rules,
                    List<String> locations, long pitchCount) {

  /** How teams may form in this event. */
  public record Rules(int teamMin, int teamMax, int teamsPerPerson, boolean pitchesNeedApproval, boolean joinByRequest) {}
}
