package app.shipyard.home;

import app.shipyard.event.Phase;
import app.shipyard.event.Times;
import app.shipyard.home.HomeRepository.Capped;
import app.shipyard.home.HomeRepository.EventNow;
import app.shipyard.home.HomeRepository.Found;
import app.shipyard.home.HomeRepository.Match;
import app.shipyard.home.HomeRepository.MyTeam;
import app.shipyard.home.HomeRepository.Needs;
import app.shipyard.home.HomeRepository.WaitingRequest;
import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.pitch.Audience;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The home page's view: events under way with their next date (in the viewer's time zone, as on the event pages),
 * the person's teams, pitches that match their skills, join requests waiting for them as captain, and for
 * organisers what needs them in each event.
 */
public record HomePage(Person person, boolean organiser, boolean employee, Capped<EventLine> events,
                       Capped<MyTeam> teams, Capped<Match> matches, String allMatches, Capped<WaitingRequest> requests,
                       boolean captain) {

  /** An event as the home page lists it. */
  public record EventLine(long id, String title, boolean lab, Phase phase, boolean draft, NextDate next, Needs needs,
                          Link act) {}

  /** Where the person acts next. */
  public record Link(String label, String href) {}

  /**
   * What comes next in an event: the schedule item under way ("Now") or next ("Next"); without one, the event's start
   * ("Starts"), end ("Ends"), or that it has ended ("Ended", for an event still waiting to be archived).
   */
  public record NextDate(String label, String what, Times.Shown when) {}

  public static HomePage of(Person me, Found found, OffsetDateTime now) {
    Capped<EventLine> events = new Capped<>(found.events().items().stream().map(e -> line(me, e, now)).toList(),
        found.events().total());
    // Every match's event is named on its line; the full list lives on the one event's free-agents tab.
    String allMatches = found.matchEvents() == 1
        ? "/events/" + found.matches().items().get(0).eventId() + "/free-agents" : "/events";
    boolean captain = found.requests().total() > 0 || found.teams().items().stream().anyMatch(MyTeam::captain);
    return new HomePage(me, Audience.of(me).organiser(), me.has(Role.EMPLOYEE), events, found.teams(),
        found.matches(), allMatches, found.requests(), captain);
  }

  private static EventLine line(Person me, EventNow e, OffsetDateTime now) {
    ZoneId local = Times.zone(e.timeZone());
    // As Times.viewerZone: the viewer's own location's zone, or the event's for a viewer without a location.
    ZoneId mine = me.location() == null ? local : Times.zone(me.location().timeZone());
    return new EventLine(e.id(), e.title(), "lab".equals(e.kind()), e.phase(), e.phase() == Phase.DRAFT,
        next(e, now, mine, local), e.needs(), act(e));
  }

  /** What a person does next in an event, by its phase. */
  static Link act(EventNow e) {
    String at = "/events/" + e.id();
    switch (e.phase()) {
      case DRAFT:
        return new Link("Open it for pitches", at);
      case PITCHING:
        return new Link("Pitch an idea or browse the pitches", at + "/pitches");
      case TEAM_FORMING:
        return new Link("Find a team with open places", at + "/pitches?sort=open&open=true");
      case BUILDING:
        return new Link("See the teams", at + "/teams");
      default:
        return new Link("See the event", at);
    }
  }

  static NextDate next(EventNow e, OffsetDateTime now, ZoneId mine, ZoneId local) {
    if (e.next() != null) {
      boolean underWay = !e.next().startsAt().isAfter(now);
      return new NextDate(underWay ? "Now" : "Next", e.next().title(),
          Times.span(e.next().startsAt(), e.next().endsAt(), mine, local));
    }
    if (e.startsAt().isAfter(now)) {
      return new NextDate("Starts", null, Times.moment(e.startsAt(), mine, local));
    }
    return new NextDate(e.endsAt().isAfter(now) ? "Ends" : "Ended", null, Times.moment(e.endsAt(), mine, local));
  }
}
