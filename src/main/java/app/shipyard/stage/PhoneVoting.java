package app.shipyard.stage;

import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.voting.BallotType;
import app.shipyard.voting.Choice;
import app.shipyard.voting.Round;
import app.shipyard.voting.RoundRepository;
import app.shipyard.voting.VoteRepository;
import app.shipyard.web.Answer;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The phone voting page, made for one thumb: the project on stage first, then a plain ballot form per category of
 * each open round (posting to the round's vote route, which answers refusals), and the person's own votes so far.
 */
final class PhoneVoting {

  private final StageRepository stage;
  private final EventRepository events;
  private final RoundRepository rounds;
  private final VoteRepository votes;

  PhoneVoting(StageRepository stage, EventRepository events, RoundRepository rounds, VoteRepository votes) {
    this.stage = stage;
    this.events = events;
    this.rounds = rounds;
    this.votes = votes;
  }

  record PhoneView(Event event, OnStage onStage, List<BallotRound> rounds) {}

  record BallotRound(long id, String title, String ballot, boolean single, boolean budget, boolean ranked,
                     Integer budgetPoints, Integer maxPerProject, List<BallotCategory> categories) {}

  record BallotCategory(long id, String name, boolean showForm, String voteId, String myVote, List<Option> options,
                        List<Place> places) {}

  /** A project on the form; {@code onStage} puts the project on stage first and marks it. */
  record Option(long pitchId, String title, boolean checked, int points, boolean onStage) {}

  record Place(int rank, List<Option> options) {}

  Future<Answer> answer(RoutingContext ctx) {
    long id = StageRoutes.eventId(ctx);
    long me = Viewer.person(ctx).id();
    return Future.all(events.get(id), stage.order(id), rounds.list(id)).compose(all -> {
      RunningOrder order = all.resultAt(1);
      Long onStagePitch = order.onStage().map(Slot::pitchId).orElse(null);
      List<Round> open = all.<List<Round>>resultAt(2).stream().filter(Round::open).toList();
      return Future.all(open.stream().map(r -> votes.mine(r.id(), me).map(mine -> round(r, mine, onStagePitch)))
              .toList())
          .map(ballots -> Answer.page("stage/vote", "Vote · " + all.<Event>resultAt(0).title(),
              new PhoneView(all.resultAt(0), order.onStage().map(s -> OnStage.of(s, stage.now())).orElse(null),
                  ballots.list())));
    });
  }

  private static BallotRound round(Round round, List<VoteRepository.OwnBallot> ballots, Long onStagePitch) {
    Map<Long, VoteRepository.OwnBallot> mine = ballots.stream()
        .collect(Collectors.toMap(VoteRepository.OwnBallot::categoryId, Function.identity()));
    BallotType type = round.rules().ballot();
    List<Round.Project> projects = round.projects().stream()
        .sorted((a, b) -> Boolean.compare(onStage(b, onStagePitch), onStage(a, onStagePitch))).toList();
    List<BallotCategory> categories = round.categories().stream().map(c -> {
      Optional<VoteRepository.OwnBallot> own = Optional.ofNullable(mine.get(c.id()));
      List<Choice> choices = own.map(VoteRepository.OwnBallot::choices).orElse(List.of());
      List<Place> places = type != BallotType.RANKED ? List.of() : IntStream.rangeClosed(1, round.rules().rankSize())
          .mapToObj(rank -> new Place(rank, options(projects, choices, rank, onStagePitch))).toList();
      String myVote = own.isEmpty() ? null : describe(round, choices);
      return new BallotCategory(c.id(), c.name(), own.isEmpty() || round.rules().changesAllowed(),
          UUID.randomUUID().toString(), myVote, options(projects, choices, null, onStagePitch), places);
    }).toList();
    return new BallotRound(round.id(), round.title(), round.rules().summary(), type == BallotType.SINGLE,
        type == BallotType.BUDGET, type == BallotType.RANKED, round.rules().budget(), round.rules().maxPerProject(),
        categories);
  }

  private static boolean onStage(Round.Project project, Long onStagePitch) {
    return onStagePitch != null && project.pitchId() == onStagePitch;
  }

  private static List<Option> options(List<Round.Project> projects, List<Choice> choices, Integer rank,
                                      Long onStagePitch) {
    return projects.stream().map(p -> {
      Optional<Choice> chosen = choices.stream()
          .filter(c -> c.pitchId() == p.pitchId() && (rank == null || rank.equals(c.rank()))).findFirst();
      return new Option(p.pitchId(), p.title(), chosen.isPresent(), chosen.map(Choice::points).orElse(0),
          onStage(p, onStagePitch));
    }).toList();
  }

  /** Your vote in words: the project, "3 × Bot, 2 × Data" for points, "Bot › Data" best first for a ranking. */
  private static String describe(Round round, List<Choice> choices) {
    BallotType type = round.rules().ballot();
    return choices.stream().sorted(Comparator.comparing(c -> c.rank() == null ? 0 : c.rank()))
        .map(c -> (type == BallotType.BUDGET ? c.points() + " × " : "") + round.projectTitle(c.pitchId()))
        .collect(Collectors.joining(type == BallotType.RANKED ? " › " : ", "));
  }
}
