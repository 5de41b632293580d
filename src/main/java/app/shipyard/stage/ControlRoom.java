package app.shipyard.stage;

import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.voting.Round;
import app.shipyard.voting.RoundRepository;
import app.shipyard.web.Answer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The organisers' control room: the running order with a plain form for every move, the open voting rounds, and the
 * live turnout (filled in by its script from the live channel; never who voted for what).
 */
final class ControlRoom {

  private final StageRepository stage;
  private final EventRepository events;
  private final RoundRepository rounds;

  ControlRoom(StageRepository stage, EventRepository events, RoundRepository rounds) {
    this.stage = stage;
    this.events = events;
    this.rounds = rounds;
  }

  record ControlView(Event event, List<SlotRow> slots, OnStage onStage, boolean paused, String nextUp,
                     List<StageRepository.Team> lateTeams, List<RoundLink> openRounds, String arrangeRefusal,
                     String driveRefusal, int minSeconds, int maxSeconds, String signature, String refusal) {}

  /** One slot with what its forms post: the order with it moved up or down (empty at the ends). */
  record SlotRow(long id, int position, String title, String team, int seconds, String state, String stateLabel,
                 boolean pending, boolean skipped, List<Long> upOrder, List<Long> downOrder) {}

  record RoundLink(long id, String title, List<Round.Category> categories) {}

  Future<Answer> answer(RoutingContext ctx) {
    return answer(ctx, 200, null);
  }

  /** The page with a refused move's reason on top (after a refused form post), or none. */
  Future<Answer> answer(RoutingContext ctx, int status, String refusal) {
    long id = StageRoutes.eventId(ctx);
    return Future.all(events.get(id), stage.order(id), stage.teamsNotInOrder(id), rounds.list(id)).map(all -> {
      Event event = all.resultAt(0);
      RunningOrder order = all.resultAt(1);
      Instant now = stage.now();
      List<Slot> slots = order.slots();
      List<SlotRow> rows = IntStream.range(0, slots.size()).mapToObj(i -> row(order, slots.get(i), i)).toList();
      List<RoundLink> open = all.<List<Round>>resultAt(3).stream().filter(Round::open)
          .map(r -> new RoundLink(r.id(), r.title(), r.categories())).toList();
      OnStage onStage = order.onStage().map(s -> OnStage.of(s, now)).orElse(null);
      return Answer.page(status, "stage/control", "Control room · " + event.title(), new ControlView(event, rows,
          onStage,
          onStage != null && !onStage.running(), order.nextUp().map(Slot::title).orElse(null),
          all.resultAt(2), open, StageAction.REORDER.refusal(event.phase()).orElse(null),
          StageAction.NEXT.refusal(event.phase()).orElse(null), Slot.MIN_SECONDS, Slot.MAX_SECONDS,
          signature(order), refusal));
    });
  }

  /** What the forms were built from, for the script to tell when the running order changed under them. */
  static String signature(RunningOrder order) {
    return order.slots().stream().map(s -> s.id() + ":" + s.state().key() + ":" + s.position() + ":" + s.seconds())
        .collect(java.util.stream.Collectors.joining(","));
  }

  private static SlotRow row(RunningOrder order, Slot slot, int index) {
    int last = order.slots().size() - 1;
    return new SlotRow(slot.id(), slot.position(), slot.title(), slot.team(), slot.seconds(), slot.state().key(),
        slot.state().label(), slot.state() == SlotState.PENDING, slot.state() == SlotState.SKIPPED,
        index == 0 ? List.of() : order.idsWithMove(index, -1), index == last ? List.of() : order.idsWithMove(index, 1));
  }
}
