package app.shipyard.pitch;

import app.shipyard.identity.Location;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A pitch as lists show it: what helps pick one, without the long Markdown fields, links and team roster that the
 * pitch's own page and endpoint carry.
 */
public record PitchSummary(long id, long eventId, long captainId, String captainName, String title, String summary,
                           int capacity, int memberCount, int openPlaces, String stage, List<String> skills,
                           List<String> tags, boolean remoteOk, List<Location> locations, boolean approved,
                           Pitch.Hidden hidden, int interestCount, OffsetDateTime createdAt) {

  public String stageLabel() {
    return Stage.labelOf(stage);
  }
}
