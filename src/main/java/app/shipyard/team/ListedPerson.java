package app.shipyard.team;

import java.time.Instant;
import java.util.List;

/** Someone listed in an event with skills and a text: a {@link FreeAgent} or a {@link Mentor}. */
public sealed interface ListedPerson permits FreeAgent, Mentor {

  Someone person();

  List<String> skills();

  /** What a free agent wants to work on, or a mentor's note. */
  String text();

  Instant listedAt();

  default long personId() {
    return person().id();
  }
}
