package app.shipyard.stage;

import java.time.Duration;
import java.time.Instant;

/**
 * A slot's clock on the server: the time it ran before its current run, and when that run started (null while it is
 * paused or not on stage). Pure: every reading takes the moment to read it at.
 */
public record SlotClock(long elapsedMs, Instant runStartedAt) {

  public static final SlotClock ZERO = new SlotClock(0, null);

  public SlotClock {
    if (elapsedMs < 0) {
      throw new IllegalArgumentException("elapsedMs must not be negative");
    }
  }

  public boolean running() {
    return runStartedAt != null;
  }

  /** The time the slot has run until {@code now}: frozen while paused, growing while running. */
  public long elapsedAt(Instant now) {
    return running() ? elapsedMs + Math.max(0, Duration.between(runStartedAt, now).toMillis()) : elapsedMs;
  }

  /** Milliseconds left of {@code seconds} at {@code now}; negative is overtime. */
  public long remainingAt(Instant now, int seconds) {
    return seconds * 1000L - elapsedAt(now);
  }

  public boolean overtimeAt(Instant now, int seconds) {
    return remainingAt(now, seconds) < 0;
  }

  /** Running from {@code now} on, keeping the time already run. */
  public SlotClock resume(Instant now) {
    return running() ? this : new SlotClock(elapsedMs, now);
  }

  /** Stopped at {@code now}, keeping the time run so far. */
  public SlotClock pause(Instant now) {
    return running() ? new SlotClock(elapsedAt(now), null) : this;
  }
}
