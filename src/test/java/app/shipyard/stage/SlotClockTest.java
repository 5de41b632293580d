package app.shipyard.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A slot's clock: elapsed time with pauses, and overtime")
class SlotClockTest {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

  private static Instant at(long ms) {
    return T0.plusMillis(ms);
  }

  @Test
  @DisplayName("A running clock grows with time, a paused one stands still, and a resumed one goes on from there")
  void pauses() {
    SlotClock running = SlotClock.ZERO.resume(T0);
    assertEquals(1500, running.elapsedAt(at(1500)));
    SlotClock paused = running.pause(at(2000));
    assertFalse(paused.running());
    assertEquals(2000, paused.elapsedAt(at(2000)));
    assertEquals(2000, paused.elapsedAt(at(60_000)), "frozen while paused");
    SlotClock resumed = paused.resume(at(10_000));
    assertEquals(2500, resumed.elapsedAt(at(10_500)));
    assertEquals(resumed, resumed.resume(at(20_000)), "resuming a running clock changes nothing");
    assertEquals(paused, paused.pause(at(30_000)), "pausing a paused clock changes nothing");
  }

  @Test
  @DisplayName("What is left of the slot's length goes below zero in overtime")
  void overtime() {
    SlotClock running = SlotClock.ZERO.resume(T0);
    assertEquals(30_000, running.remainingAt(at(150_000), 180));
    assertFalse(running.overtimeAt(at(180_000), 180));
    assertEquals(-5_000, running.remainingAt(at(185_000), 180));
    assertTrue(running.overtimeAt(at(185_000), 180));
  }

  @Test
  @DisplayName("A clock read before it started (another server's clock slightly behind) has not run yet")
  void neverNegative() {
    assertEquals(0, SlotClock.ZERO.resume(T0).elapsedAt(T0.minusMillis(40)));
  }

  @Test
  @DisplayName("The countdown reads minutes and seconds, rounded up, with a plus in overtime")
  void clockText() {
    assertEquals("3:00", OnStage.clock(180_000));
    assertEquals("2:05", OnStage.clock(124_001));
    assertEquals("0:00", OnStage.clock(0));
    assertEquals("+0:12", OnStage.clock(-12_400));
    assertEquals("+1:01", OnStage.clock(-61_000));
  }
}
