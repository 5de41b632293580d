package app.shipyard.voting;

import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.event.Times;
import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.web.Answer;
import app.shipyard.web.Params;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The round page: rules and state, per category a plain ballot form (or your vote), the results you may see, and the
 * organisers' buttons. Each form carries a fresh vote id, so posting it twice records one vote.
 */
final class RoundPage {

  private final RoundRepository rounds;
  private final VoteRepository votes;
  private final TallyRepository tallies;
  private final EventRepository events;

  RoundPage(RoundRepository rounds, VoteRepository votes, TallyRepository tallies, EventRepository events) {
    this.rounds = rounds;
    this.votes = votes;
    this.tallies = tallies;
    this.events = events;
  }

  record RoundView(Event event, Round round, String ballot, String visibility, boolean single,
                   boolean budget, boolean ranked, String refusal, String notice, List<CategoryView> categories,
                   List<Action> actions, RoundTools tools, String schedule) {}

  record CategoryView(long id, String name, String visibility, boolean showForm, String voteId, String myVote,
                      List<Option> options, List<Place> places, Results results) {}

  /** A project on a ballot form, with what the voter's current ballot gives it. */
  record Option(long pitchId, String title, boolean checked, int points) {}

  /** One place of a ranked ballot form ("1st"), with the projects to pick from. */
  record Place(int rank, List<Option> options) {}

  record Results(long ballots, List<Bar> bars, String tieBreak) {}

  record Bar(String title, long points, long most, int place, boolean tied) {}

  /** An organiser's button: the path it posts to and its label. */
  record Action(String path, String label) {}

  static boolean runsRounds(Person person) {
    return person.has(Role.ORGANISER) || person.has(Role.ADMIN);
  }

  /** The page, with a refusal to show (after a refused form vote) or null. */
  Future<Answer> answer(RoutingContext ctx, long roundId, int status, String refusal) {
    Person me = Viewer.person(ctx);
    String voted = Params.text(ctx, "voted", 20);
    return rounds.get(roundId).compose(round -> Future.all(events.get(round.eventId()), tallies.tally(roundId),
        votes.mine(roundId, me.id()), runsRounds(me) ? rounds.list(round.eventId()) : Future.succeededFuture(List.of()))
        .map(all -> {
          Event event = all.resultAt(0);
          Map<Long, VoteRepository.OwnBallot> mine = all.<List<VoteRepository.OwnBallot>>resultAt(2).stream()
              .collect(Collectors.toMap(VoteRepository.OwnBallot::categoryId, Function.identity()));
          String notice = round.categories().stream()
              .filter(c -> String.valueOf(c.id()).equals(voted) && mine.containsKey(c.id()))
              .map(c -> "Your vote in " + c.name() + " is recorded.").findFirst().orElse(null);
          return Answer.page(status, "voting/round", round.title() + " · " + event.title(),
              view(me, event, round, all.resultAt(1), mine, refusal, notice, all.resultAt(3)));
        }));
  }

  private static RoundView view(Person me, Event event, Round round, Tally tally,
                                Map<Long, VoteRepository.OwnBallot> mine, String refusal, String notice,
                                List<Round> eventRounds) {
    LongPredicate visible = round.resultsVisibleTo(runsRounds(me), mine.keySet());
    List<CategoryView> categories = tally.categories().stream().map(c -> category(round, c,
        Optional.ofNullable(mine.get(c.categoryId())), visible.test(c.categoryId()))).toList();
    BallotType ballot = round.rules().ballot();
    return new RoundView(event, round, round.rules().summary(), round.rules().visibility().label(),
        ballot == BallotType.SINGLE, ballot == BallotType.BUDGET, ballot == BallotType.RANKED, refusal, notice,
        categories, runsRounds(me) ? actions(round, event) : List.of(),
        runsRounds(me) ? RoundTools.of(event, round, tally, eventRounds) : null, schedule(round, event, me));
  }

  private static CategoryView category(Round round, Tally.CategoryTally tally, Optional<VoteRepository.OwnBallot> mine,
                                       boolean visible) {
    List<Choice> choices = mine.map(VoteRepository.OwnBallot::choices).orElse(List.of());
    boolean showForm = round.open() && (mine.isEmpty() || round.rules().changesAllowed());
    List<Option> options = round.projects().stream().map(p -> option(p, choices, null)).toList();
    List<Place> places = round.rules().ballot() != BallotType.RANKED ? List.of()
        : IntStream.rangeClosed(1, round.rules().rankSize()).mapToObj(rank -> new Place(rank,
            round.projects().stream().map(p -> option(p, choices, rank)).toList())).toList();
    long most = tally.standings().stream().mapToLong(Standing::points).max().orElse(0);
    Results results = !visible ? null : new Results(tally.ballots(), tally.standings().stream()
        .map(s -> new Bar(s.title(), s.points(), Math.max(most, 1), s.place(), s.tied())).toList(), !tally.decided()
        ? null : "Tie broken for " + round.projectTitle(tally.tieBreak().pitchId()) + ": " + tally.tieBreak().reason());
    String myVote = mine.isEmpty() ? null : choices.stream().map(c -> describe(round, c))
        .collect(Collectors.joining(", "));
    String visibility = round.category(tally.categoryId()).map(c -> c.visibility(round.rules()).label()).orElse("");
    return new CategoryView(tally.categoryId(), tally.name(), visibility, showForm, UUID.randomUUID().toString(), myVote,
        options, places, results);
  }

  /** A project on the form, marked as the current ballot has it (at {@code rank}, for a ranked ballot). */
  private static Option option(Round.Project project, List<Choice> choices, Integer rank) {
    Optional<Choice> chosen = choices.stream().filter(c -> c.pitchId() == project.pitchId()
        && (rank == null || rank.equals(c.rank()))).findFirst();
    return new Option(project.pitchId(), project.title(), chosen.isPresent(), chosen.map(Choice::points).orElse(0));
  }

  private static String describe(Round round, Choice choice) {
    String title = round.projectTitle(choice.pitchId());
    return switch (round.rules().ballot()) {
      case SINGLE -> title;
      case BUDGET -> title + " (" + choice.points() + (choice.points() == 1 ? " point)" : " points)");
      case RANKED -> choice.rank() + ". " + title;
    };
  }

  /** When the scheduler opens or closes the round, in the viewer's time zone; null when nothing is scheduled. */
  private static String schedule(Round round, Event event, Person me) {
    var zone = Times.viewerZone(me, event);
    List<String> parts = new ArrayList<>();
    if (round.state() == RoundState.DRAFT && round.opensAt() != null) {
      parts.add("Opens by itself " + Times.withZone(round.opensAt(), zone));
    }
    if (round.state() != RoundState.CLOSED && round.closesAt() != null) {
      parts.add((parts.isEmpty() ? "Closes" : "closes") + " by itself " + Times.withZone(round.closesAt(), zone));
    }
    return parts.isEmpty() ? null : String.join(", ", parts) + ".";
  }

  private static List<Action> actions(Round round, Event event) {
    return Arrays.stream(RoundChange.values())
        .filter(c -> c.refusal(round.state(), round.awaitsReveal() ? Visibility.ON_REVEAL : round.rules().visibility(),
            round.revealed(), event.phase()).isEmpty())
        .map(c -> new Action("/rounds/" + round.id() + "/" + c.action(), c.label())).toList();
  }
}
