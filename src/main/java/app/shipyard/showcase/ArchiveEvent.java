package app.shipyard.showcase;

import app.shipyard.event.Phase;
import java.time.LocalDate;
import java.util.List;

/**
 * A published event as the archive lists it: its projects (those everyone sees), the pitches not shown (hidden or
 * never approved; a count for leadership and organisers, null for everyone else) and its winners and finalists.
 */
public record ArchiveEvent(long id, String kind, String title, String theme, Phase phase, LocalDate startsOn,
                           int year, long projects, Long unshown, List<ShowcaseAward> awards) {

  public boolean lab() {
    return kind.equals("lab");
  }

  /** The same event without the count of pitches not shown, for those who may not know it. */
  ArchiveEvent withoutUnshown() {
    return new ArchiveEvent(id, kind, title, theme, phase, startsOn, year, projects, null, awards);
  }
}
