package app.shipyard.showcase;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.showcase.ShowcaseRepository.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The typed view models of the archive's pages, and who sees the counts of pitches not shown. */
final class ShowcaseViews {

  private ShowcaseViews() {}

  /** Leadership reads everything, organisers and admins run events: they see how many pitches are not shown. */
  static boolean seesUnshown(Person me) {
    return me.has(Role.LEADERSHIP) || me.has(Role.ORGANISER) || me.has(Role.ADMIN);
  }

  /** The events of one year on a page of the archive. */
  record YearGroup(int year, List<ArchiveEvent> events) {}

  record ArchiveView(Integer year, List<YearGroup> groups, List<Year> years, Paging<ArchiveEvent> paging,
                     boolean seesUnshown) {

    static ArchiveView of(Integer year, List<Year> years, Paging<ArchiveEvent> paging, boolean seesUnshown) {
      Map<Integer, List<ArchiveEvent>> byYear = new LinkedHashMap<>();
      paging.items().forEach(e -> byYear.computeIfAbsent(e.year(), y -> new ArrayList<>()).add(e));
      return new ArchiveView(year, byYear.entrySet().stream().map(g -> new YearGroup(g.getKey(), g.getValue())).toList(),
          years, paging, seesUnshown);
    }
  }

  record EventView(ArchiveEvent event, Paging<GalleryProject> paging, boolean seesUnshown) {}

  record ShippedView(Paging<GalleryProject> paging) {}
}
