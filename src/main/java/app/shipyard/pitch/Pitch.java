package app.shipyard.pitch;

import java.util.List;

/** An idea pitched in an event; once people join it, it is a project with a team. */
public record Pitch(long id, long eventId, long captainId, String captainName, String title, String summary,
                    String problem, String idea, int capacity, String stage, List<String> skills,
                    List<Member> members) {

  public int openPlaces() {
    return Math.max(0, capacity - members.size());
  }

  public boolean hasMember(long personId) {
    return members.stream().anyMatch(m -> m.personId() == personId);
  }

  public record Member(long personId, String displayName, String department, boolean captain) {}
}
