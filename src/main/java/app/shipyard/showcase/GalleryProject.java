package app.shipyard.showcase;

import app.shipyard.outcome.Outcome.Impact;
import app.shipyard.outcome.OutcomeKind;
import java.util.List;

/** A project in an event's gallery or the shipped list: enough to pick it, with its awards and current outcome. */
public record GalleryProject(long id, long eventId, String eventTitle, String title, String summary,
                             String captainName, int teamSize, List<ShowcaseAward> awards, OutcomeKind outcome,
                             String happenedOn, Impact impact) {

  public String outcomeLabel() {
    return outcome == null ? null : outcome.label();
  }
}
