package app.shipyard.stage;

import app.shipyard.web.AppError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An event's running order as a value: the slots in position order, and the moves organisers make on it. Each move
 * returns a new running order or throws an {@link AppError} saying why it cannot be made; nothing here touches the
 * database, so the rules are tested without a server.
 */
public record RunningOrder(List<Slot> slots) {

  public RunningOrder {
    slots = slots.stream().sorted(Comparator.comparingInt(Slot::position)).toList();
  }

  public Optional<Slot> onStage() {
    return slots.stream().filter(Slot::onStage).findFirst();
  }

  /** The slot that goes on stage at the next "next": the first still to come after the one on stage. */
  public Optional<Slot> nextUp() {
    return firstPendingAfter(onStage().map(Slot::position).orElse(0)).or(() -> firstPendingAfter(0));
  }

  public Optional<Slot> slot(long slotId) {
    return slots.stream().filter(s -> s.id() == slotId).findFirst();
  }

  public boolean hasPitch(long pitchId) {
    return slots.stream().anyMatch(s -> s.pitchId() == pitchId);
  }

  public int nextPosition() {
    return slots.stream().mapToInt(Slot::position).max().orElse(0) + 1;
  }

  /** Puts a slot still to come on stage (the first one when {@code slotId} is null), its clock running from now. */
  public RunningOrder start(Long slotId, Instant now) {
    onStage().ifPresent(s -> {
      throw AppError.conflict("\"" + s.title() + "\" is on stage: move on with next, or pause.");
    });
    Slot slot = slotId == null ? firstPendingAfter(0).orElseThrow(RunningOrder::nothingLeft) : existing(slotId);
    if (slot.state() != SlotState.PENDING) {
      throw AppError.conflict("Only a slot still to come can start; \"" + slot.title() + "\" is "
          + slot.state().label().toLowerCase() + ".");
    }
    return with(slot.id(), s -> s.in(SlotState.ON_STAGE, SlotClock.ZERO.resume(now)));
  }

  /** The slot on stage is done; the next slot still to come goes on stage (none, after the last). */
  public RunningOrder next(Instant now) {
    Optional<Slot> current = onStage();
    if (current.isEmpty()) {
      return start(null, now);
    }
    RunningOrder done = with(current.get().id(), s -> s.in(SlotState.DONE, s.clock().pause(now)));
    return nextUp()
        .map(up -> done.with(up.id(), s -> s.in(SlotState.ON_STAGE, SlotClock.ZERO.resume(now))))
        .orElse(done);
  }

  /**
   * Back to the slot shown before: the one on stage is still to come again (its clock back to zero), and the last
   * done slot before it is on stage again, its clock running on from where it stopped.
   */
  public RunningOrder previous(Instant now) {
    Optional<Slot> current = onStage();
    int before = current.map(Slot::position).orElse(Integer.MAX_VALUE);
    Slot back = slots.stream().filter(s -> s.state() == SlotState.DONE && s.position() < before)
        .max(Comparator.comparingInt(Slot::position))
        .orElseThrow(() -> AppError.conflict("No slot was shown before this one."));
    RunningOrder again = current.map(c -> with(c.id(), s -> s.in(SlotState.PENDING, SlotClock.ZERO))).orElse(this);
    return again.with(back.id(), s -> s.in(SlotState.ON_STAGE, s.clock().resume(now)));
  }

  public RunningOrder pause(Instant now) {
    Slot current = onStage().orElseThrow(RunningOrder::nobodyOnStage);
    if (!current.clock().running()) {
      throw AppError.conflict("The clock of \"" + current.title() + "\" is already paused.");
    }
    return with(current.id(), s -> s.in(SlotState.ON_STAGE, s.clock().pause(now)));
  }

  public RunningOrder resume(Instant now) {
    Slot current = onStage().orElseThrow(RunningOrder::nobodyOnStage);
    if (current.clock().running()) {
      throw AppError.conflict("The clock of \"" + current.title() + "\" is already running.");
    }
    return with(current.id(), s -> s.in(SlotState.ON_STAGE, s.clock().resume(now)));
  }

  /** A slot still to come will not be shown (it keeps its place, and can be restored). */
  public RunningOrder skip(long slotId) {
    Slot slot = existing(slotId);
    if (slot.state() != SlotState.PENDING) {
      throw AppError.conflict("Only a slot still to come can be skipped; \"" + slot.title() + "\" is "
          + slot.state().label().toLowerCase() + ".");
    }
    return with(slotId, s -> s.in(SlotState.SKIPPED, SlotClock.ZERO));
  }

  /** A skipped slot is still to come again. */
  public RunningOrder restore(long slotId) {
    Slot slot = existing(slotId);
    if (slot.state() != SlotState.SKIPPED) {
      throw AppError.conflict("Only a skipped slot can be restored; \"" + slot.title() + "\" is "
          + slot.state().label().toLowerCase() + ".");
    }
    return with(slotId, s -> s.in(SlotState.PENDING, SlotClock.ZERO));
  }

  public RunningOrder length(long slotId, int seconds) {
    existing(slotId);
    if (seconds < Slot.MIN_SECONDS || seconds > Slot.MAX_SECONDS) {
      throw AppError.invalid("seconds", "must be a whole number from " + Slot.MIN_SECONDS + " to " + Slot.MAX_SECONDS);
    }
    return with(slotId, s -> s.lasting(seconds));
  }

  /** The slots in the order given: every slot of the running order, each once. */
  public RunningOrder reorder(List<Long> slotIds) {
    if (slotIds.size() != slots.size() || !new HashSet<>(slotIds).equals(new HashSet<>(ids()))) {
      throw AppError.invalid("slotIds", "must list every slot of the running order once");
    }
    List<Slot> moved = new ArrayList<>();
    for (int i = 0; i < slotIds.size(); i++) {
      moved.add(existing(slotIds.get(i)).at(i + 1));
    }
    return new RunningOrder(moved);
  }

  /** The slot ids in order, with the slot at {@code index} moved one place by {@code step} (-1 up, +1 down). */
  public List<Long> idsWithMove(int index, int step) {
    List<Long> ids = new ArrayList<>(ids());
    int other = index + step;
    if (other >= 0 && other < ids.size()) {
      ids.set(index, ids.get(other));
      ids.set(other, slots.get(index).id());
    }
    return ids;
  }

  public List<Long> ids() {
    return slots.stream().map(Slot::id).toList();
  }

  /** The slots of {@code after} that differ from this running order's, those leaving the stage first. */
  public List<Slot> changedIn(RunningOrder after) {
    return after.slots.stream().filter(s -> !slot(s.id()).map(s::equals).orElse(false))
        .sorted(Comparator.comparing(Slot::onStage)).toList();
  }

  private Optional<Slot> firstPendingAfter(int position) {
    return slots.stream().filter(s -> s.state() == SlotState.PENDING && s.position() > position).findFirst();
  }

  private Slot existing(long slotId) {
    return slot(slotId).orElseThrow(() -> AppError.invalid("slotId", "is not a slot of this running order"));
  }

  private RunningOrder with(long slotId, UnaryOperator<Slot> change) {
    return new RunningOrder(slots.stream().map(s -> s.id() == slotId ? change.apply(s) : s).toList());
  }

  private static AppError nothingLeft() {
    return AppError.conflict("No slot is still to come: every team has been shown or skipped.");
  }

  private static AppError nobodyOnStage() {
    return AppError.conflict("No slot is on stage.");
  }
}
