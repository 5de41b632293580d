package app.shipyard.team;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The people building one pitch, with where they work, so pages can show how cross-functional a team is. */
public record Team(long pitchId, long eventId, String title, String stage, int capacity, boolean approved,
                   long captainId, Instant createdAt, List<String> wanted, List<Member> members) {

  public int openPlaces() {
    return Math.max(0, capacity - members.size());
  }

  public boolean hasMember(long personId) {
    return members.stream().anyMatch(m -> m.personId() == personId);
  }

  public String captainName() {
    return members.stream().filter(Member::captain).map(Member::displayName).findFirst().orElse("");
  }

  /** How many different departments the members come from (blank departments are not counted). */
  public long departments() {
    return distinct(members.stream().map(Member::department).toList());
  }

  /** How many different locations the members work from (people without a location are not counted). */
  public long locations() {
    return distinct(members.stream().map(Member::location).toList());
  }

  /** The cross-functional signal in words, e.g. "2 departments, 1 location". */
  public String span() {
    return counted(departments(), "department") + ", " + counted(locations(), "location");
  }

  private static String counted(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Every skill the members have on their profiles. */
  public List<String> memberSkills() {
    return members.stream().flatMap(m -> m.skills().stream()).toList();
  }

  private static long distinct(List<String> values) {
    return values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty())
        .map(String::toLowerCase).distinct().count();
  }

  /** A member of the team; {@code location} is the location's name or "". */
  public record Member(long personId, String displayName, String email, String department, String location,
                       boolean captain, Instant joinedAt, List<String> skills) {}
}
