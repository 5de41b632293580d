package app.shipyard.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.event.Phase;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which phases allow which running order actions")
class StageActionTest {

  private static final Set<StageAction> DRIVING = EnumSet.of(StageAction.START, StageAction.NEXT,
      StageAction.PREVIOUS, StageAction.PAUSE, StageAction.RESUME);

  @Test
  @DisplayName("Arranging is open in building and demos, driving only in demos, and nothing in other phases")
  void phases() {
    for (StageAction action : StageAction.values()) {
      for (Phase phase : Phase.values()) {
        boolean allowed = phase == Phase.DEMOS || phase == Phase.BUILDING && !DRIVING.contains(action);
        assertEquals(allowed, action.refusal(phase).isEmpty(), action + " in " + phase);
      }
    }
    assertEquals("The demo session runs in the demos phase; this event is in Results.",
        StageAction.NEXT.refusal(Phase.RESULTS).orElseThrow());
  }

  @Test
  @DisplayName("Each action has its own path word, and parse finds it again")
  void keys() {
    assertTrue(Arrays.stream(StageAction.values()).allMatch(a -> StageAction.parse(a.key()).orElseThrow() == a));
    assertEquals(StageAction.values().length, Arrays.stream(StageAction.values()).map(StageAction::key).distinct()
        .count());
    assertTrue(StageAction.parse("dance").isEmpty());
  }
}
