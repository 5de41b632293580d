package app.shipyard.stage;

import java.time.Instant;

/**
 * What every screen shows of the slot on stage, as rendered by the server at {@code asOf}: the scripts carry the
 * countdown on from {@code elapsedMs}, {@code running} and the server time.
 */
record OnStage(long slotId, String title, String team, int seconds, long elapsedMs, boolean running,
               String remaining, boolean overtime) {

  static OnStage of(Slot slot, Instant asOf) {
    long left = slot.clock().remainingAt(asOf, slot.seconds());
    return new OnStage(slot.id(), slot.title(), slot.team(), slot.seconds(), slot.clock().elapsedAt(asOf),
        slot.clock().running(), clock(left), left < 0);
  }

  /** {@code 2:05} left, or {@code +0:12} over time. */
  static String clock(long remainingMs) {
    long seconds = remainingMs >= 0 ? (remainingMs + 999) / 1000 : -remainingMs / 1000;
    return (remainingMs < 0 ? "+" : "") + seconds / 60 + ":" + String.format("%02d", seconds % 60);
  }
}
