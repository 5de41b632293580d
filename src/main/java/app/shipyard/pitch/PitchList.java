package app.shipyard.pitch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One page of an event's pitches, with the places of the pages before and after it ({@code null}: none). */
public record PitchList(List<PitchSummary> pitches, PitchCursor previous, PitchCursor next) {

  /**
   * The page from the rows the query fetched for {@code f}: up to one more than the limit, in the order read (a page
   * before its cursor is read backwards), so that the extra row tells whether there is more in that direction.
   */
  static PitchList of(PitchFilter f, List<PitchSummary> fetched) {
    boolean more = fetched.size() > f.limit();
    List<PitchSummary> page = new ArrayList<>(fetched.subList(0, Math.min(fetched.size(), f.limit())));
    PitchCursor at = f.cursor();
    if (at != null && at.before()) {
      Collections.reverse(page);
      PitchCursor previous = more ? PitchCursor.before(f.sort(), page.get(0)) : null;
      return new PitchList(page, previous, page.isEmpty() ? at.reversed() : after(f, page));
    }
    PitchCursor previous = at == null ? null
        : page.isEmpty() ? at.reversed() : PitchCursor.before(f.sort(), page.get(0));
    return new PitchList(page, previous, more ? after(f, page) : null);
  }

  private static PitchCursor after(PitchFilter f, List<PitchSummary> page) {
    return PitchCursor.after(f.sort(), page.get(page.size() - 1));
  }
}
