package app.shipyard.event;

import java.time.OffsetDateTime;
import java.util.List;

/** An innovation event: a ShipIt {@code day} or a {@code lab} programme. */
public record Event(long id, String kind, String title, String theme, String description, Phase phase,
                    OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, Rules rules,
                    List<String> locations, List<Integer> locationIds, long pitchCount) {

  /** How teams may form in this event. A solo team is allowed when {@code teamMin} is 1. */
  public record Rules(int teamMin, int teamMax, int teamsPerPerson, boolean pitchesNeedApproval, boolean joinByRequest) {

    public boolean soloAllowed() {
      return teamMin == 1;
    }
  }
}
