package app.shipyard.voting;

import app.shipyard.event.Event;
import app.shipyard.event.Phase;
import app.shipyard.event.Times;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The organisers' part of the round page, beyond open, close and reveal: the schedule form, each category's own
 * visibility, the tie-break form of a tied first place, carrying heats into this round (a draft final) and publishing
 * its awards. Built only for those who run rounds, and only with what applies now.
 */
record RoundTools(boolean schedulable, boolean draft, String opensAt, String closesAt, String zone, boolean publishable,
                  List<Heat> heats, List<CategoryTools> categories) {

  /** A closed heat of the event that can be carried into this round. */
  record Heat(long id, String title) {}

  /** One category's tools: its visibility choices, and the projects tied first (empty unless a tie can be broken). */
  record CategoryTools(long id, String name, List<Choice> visibilities, List<Round.Project> tied) {}

  /** A choice of a select: its key ("" follows the round), label and whether it is the current one. */
  record Choice(String key, String label, boolean selected) {}

  static RoundTools of(Event event, Round round, Tally tally, List<Round> eventRounds) {
    ZoneId zone = Times.zone(event.timeZone());
    boolean live = event.phase() != Phase.ARCHIVED;
    boolean closed = round.state() == RoundState.CLOSED;
    List<Heat> heats = !live || round.state() != RoundState.DRAFT || round.heat() ? List.of()
        : eventRounds.stream().filter(r -> r.heat() && r.state() == RoundState.CLOSED)
            .map(r -> new Heat(r.id(), r.title())).toList();
    List<CategoryTools> categories = !live ? List.of() : tally.categories().stream().map(c -> {
      Round.Category category = round.category(c.categoryId()).orElseThrow();
      List<Round.Project> tied = !closed || !c.tiedFirst() ? List.of() : Standings.winners(c.standings()).stream()
          .map(id -> new Round.Project(id, round.projectTitle(id))).toList();
      return new CategoryTools(c.categoryId(), c.name(), visibilities(round, category), tied);
    }).toList();
    return new RoundTools(live && !closed, round.state() == RoundState.DRAFT, time(round.opensAt(), zone), time(round.closesAt(), zone), event.timeZone(),
        live && closed && (!round.awaitsReveal() || round.revealed()), heats, categories);
  }

  private static List<Choice> visibilities(Round round, Round.Category category) {
    Choice follow = new Choice("", "As the round: " + round.rules().visibility().label(),
        category.ownVisibility() == null);
    return Stream.concat(Stream.of(follow), Arrays.stream(Visibility.values())
        .map(v -> new Choice(v.key(), v.label(), v == category.ownVisibility()))).toList();
  }

  private static String time(OffsetDateTime at, ZoneId zone) {
    return at == null ? "" : Times.forInput(at, zone);
  }
}
