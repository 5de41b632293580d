package app.shipyard.stage;

import app.shipyard.event.Phase;
import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What organisers do with a running order. Arranging it (build, add a late team, reorder, lengths, skip, restore) is
 * open from building on, so it can be prepared before the demos; driving it (start, next, previous, pause, resume)
 * only in the demos phase.
 */
public enum StageAction {
  BUILD("build", "Add every team", false), ADD("add", "Add a late team", false),
  REORDER("reorder", "Reorder", false), LENGTH("length", "Set length", false), SKIP("skip", "Skip", false),
  RESTORE("restore", "Restore", false), START("start", "Start", true), NEXT("next", "Next", true),
  PREVIOUS("previous", "Previous", true), PAUSE("pause", "Pause", true), RESUME("resume", "Resume", true);

  /** The most slots one running order takes (a reorder lists them all). */
  static final int MOST_SLOTS = 500;

  private final String key;
  private final String label;
  private final boolean drives;

  StageAction(String key, String label, boolean drives) {
    this.key = key;
    this.label = label;
    this.drives = drives;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** What one request asks: the fields this action reads, the others null. */
  public record Request(StageAction action, Long slotId, Long pitchId, int seconds, List<Long> slotIds) {}

  /** Why this action cannot be taken in {@code phase}, or empty when it can. */
  public Optional<String> refusal(Phase phase) {
    if (drives && phase != Phase.DEMOS) {
      return Optional.of("The demo session runs in the demos phase; this event is in " + phase.label() + ".");
    }
    if (!drives && phase != Phase.BUILDING && phase != Phase.DEMOS) {
      return Optional.of("The running order is arranged in the building and demos phases; this event is in "
          + phase.label() + ".");
    }
    return Optional.empty();
  }

  /** Reads and checks the fields this action needs; every problem at once as a 400. */
  public Request read(Input in) {
    Optional<Integer> slot = this == START || needsSlot() ? in.optionalId("slotId") : Optional.empty();
    if (needsSlot() && slot.isEmpty()) {
      in.problem("slotId", "is required");
    }
    Optional<Integer> pitch = this == ADD ? in.optionalId("pitchId") : Optional.empty();
    if (this == ADD && pitch.isEmpty()) {
      in.problem("pitchId", "is required");
    }
    boolean timed = this == ADD || this == LENGTH || this == BUILD;
    int seconds = timed ? in.integer("seconds", Slot.DEFAULT_SECONDS, Slot.MIN_SECONDS, Slot.MAX_SECONDS)
        : Slot.DEFAULT_SECONDS;
    List<Long> order = this == REORDER
        ? in.ids("slotIds", MOST_SLOTS).stream().map(Integer::longValue).toList() : List.of();
    in.check();
    return new Request(this, slot.map(Integer::longValue).orElse(null), pitch.map(Integer::longValue).orElse(null),
        seconds, order);
  }

  /** Whether the action adds slots (build, add) rather than moving the ones there are. */
  boolean inserts() {
    return this == BUILD || this == ADD;
  }

  /** The move on the running order as it is at {@code now} (not for build and add). */
  RunningOrder apply(RunningOrder order, Request r, Instant now) {
    return switch (this) {
      case REORDER -> order.reorder(r.slotIds());
      case LENGTH -> order.length(r.slotId(), r.seconds());
      case SKIP -> order.skip(r.slotId());
      case RESTORE -> order.restore(r.slotId());
      case START -> order.start(r.slotId(), now);
      case NEXT -> order.next(now);
      case PREVIOUS -> order.previous(now);
      case PAUSE -> order.pause(now);
      case RESUME -> order.resume(now);
      case BUILD, ADD -> throw new IllegalStateException(key + " adds slots");
    };
  }

  private boolean needsSlot() {
    return this == LENGTH || this == SKIP || this == RESTORE;
  }

  public static Optional<StageAction> parse(String key) {
    return java.util.Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
  }

  static AppError unknownPitch() {
    return AppError.invalid("pitchId", "must be a team of this event (an approved, visible pitch with a team)");
  }
}
