package app.shipyard.stage;

/** A team's demo slot: its place in the running order, its length in seconds, its state and its clock. */
public record Slot(long id, int position, long pitchId, String title, String team, int seconds, SlotState state,
                   SlotClock clock) {

  /** The bounds of a slot's length, also checked by the database. */
  public static final int MIN_SECONDS = 30;
  public static final int MAX_SECONDS = 1800;
  public static final int DEFAULT_SECONDS = 180;

  public Slot at(int newPosition) {
    return new Slot(id, newPosition, pitchId, title, team, seconds, state, clock);
  }

  public Slot lasting(int newSeconds) {
    return new Slot(id, position, pitchId, title, team, newSeconds, state, clock);
  }

  public Slot in(SlotState newState, SlotClock newClock) {
    return new Slot(id, position, pitchId, title, team, seconds, newState, newClock);
  }

  public boolean onStage() {
    return state == SlotState.ON_STAGE;
  }
}
