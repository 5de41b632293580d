package app.shipyard.event;

import app.shipyard.identity.Location;
import app.shipyard.web.Input;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * What an organiser writes about an event, read and validated the same way when it is created and when it is
 * edited (JSON body or HTML form).
 */
public record EventDetails(String kind, String title, String theme, String description, OffsetDateTime startsAt,
                           OffsetDateTime endsAt, String timeZone, Event.Rules rules, List<Integer> locationIds) {

  /** Reads every field, collecting all problems before refusing with 400. */
  public static EventDetails read(Input input) {
    String kind = input.required("kind", 10);
    if (!kind.isEmpty() && !kind.equals("day") && !kind.equals("lab")) {
      input.problem("kind", "must be day or lab");
    }
    String title = input.required("title", 120);
    String theme = input.optional("theme", 200);
    String description = input.optional("description", 20000);
    String zoneText = input.optional("timeZone", 60);
    ZoneId zone = ZoneId.of("UTC");
    if (!zoneText.isEmpty()) {
      try {
        zone = ZoneId.of(zoneText);
      } catch (DateTimeException e) {
        input.problem("timeZone", "is not a known time zone (e.g. Europe/Berlin)");
      }
    }
    OffsetDateTime starts = input.dateTime("startsAt", zone);
    OffsetDateTime ends = input.dateTime("endsAt", zone);
    if (starts != null && ends != null && !ends.isAfter(starts)) {
      input.problem("endsAt", "must be after the start");
    }
    int teamMin = input.integer("teamMin", 1, 1, 50);
    int teamMax = input.integer("teamMax", 6, 1, 50);
    if (teamMax < teamMin) {
      input.problem("teamMax", "must be at least teamMin");
    }
    int perPerson = input.integer("teamsPerPerson", 1, 1, 5);
    boolean approval = input.bool("pitchesNeedApproval");
    boolean byRequest = input.bool("joinByRequest");
    List<Integer> locations = input.ids("locationIds", 50);
    input.check();
    return new EventDetails(kind, title, theme, description, starts, ends, zone.getId(),
        new Event.Rules(teamMin, teamMax, perPerson, approval, byRequest), locations);
  }

  /** The event form's values, as the create and edit pages show them. */
  public record Form(String kind, String title, String theme, String description, String timeZone, String startsAt,
                     String endsAt, Event.Rules rules, List<LocationBox> locations) {}

  /** One location's checkbox on the event form. */
  public record LocationBox(int id, String name, boolean checked) {}

  /** The create form's starting values. */
  public static Form blankForm(List<Location> locations) {
    return form("day", "", "", "", "UTC", "", "", new Event.Rules(1, 6, 1, false, false), List.of(), locations);
  }

  /** The edit form filled in with the event as it is, times in the event's own zone. */
  public static Form form(Event e, List<Location> locations) {
    ZoneId zone = Times.zone(e.timeZone());
    return form(e.kind(), e.title(), e.theme(), e.description(), e.timeZone(), Times.forInput(e.startsAt(), zone),
        Times.forInput(e.endsAt(), zone), e.rules(), e.locationIds(), locations);
  }

  private static Form form(String kind, String title, String theme, String description, String zone, String starts,
                           String ends, Event.Rules rules, List<Integer> chosen, List<Location> locations) {
    return new Form(kind, title, theme, description, zone, starts, ends, rules, locations.stream()
        .map(l -> new LocationBox(l.id(), l.name(), chosen.contains(l.id()))).toList());
  }
}
