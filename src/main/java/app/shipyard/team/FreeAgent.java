package app.shipyard.team;

import java.time.Instant;
import java.util.List;

/** A participant without a team who listed themselves, with the skills they offer and what they want to build. */
public record FreeAgent(Someone person, List<String> skills, String wants, Instant listedAt) implements ListedPerson {

  @Override
  public String text() {
    return wants;
  }
}
