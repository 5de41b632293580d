package app.shipyard.team;

import java.time.Instant;
import java.util.List;

/** An employee offering help in some skills during an event. */
public record Mentor(Someone person, List<String> skills, String note, Instant listedAt) implements ListedPerson {

  @Override
  public String text() {
    return note;
  }
}
