package app.shipyard.pitch;

import app.shipyard.identity.Location;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An idea pitched in an event; once people join it, it is a project with a team. {@code locations} are where
 * the team works, {@code remoteOk} says remote people are welcome. A pitch that is not {@code approved} yet or
 * is {@code hidden} is seen only by its captain and the organisers.
 */
public record Pitch(long id, long eventId, long captainId, String captainName, String title, String summary,
                    String problem, String idea, int capacity, String stage, List<String> skills,
                    List<Member> members, List<String> tags, List<String> links, boolean remoteOk,
                    List<Location> locations, boolean approved, Hidden hidden, long interestCount,
                    long revisionCount, OffsetDateTime createdAt) {

  public int openPlaces() {
    return Math.max(0, capacity - members.size());
  }

  public boolean hasMember(long personId) {
    return members.stream().anyMatch(m -> m.personId() == personId);
  }

  /** Approved and not hidden: anyone may see and join it. */
  public boolean open() {
    return approved && hidden == null;
  }

  public String stageLabel() {
    return Stage.labelOf(stage);
  }

  public record Member(long personId, String displayName, String department, boolean captain) {}

  /** Why, by whom and when the organisers hid the pitch. */
  public record Hidden(String reason, String by, OffsetDateTime at) {}
}
