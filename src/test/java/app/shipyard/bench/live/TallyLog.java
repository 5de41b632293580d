package app.shipyard.bench.live;

import java.util.Arrays;
import java.util.function.LongPredicate;
import org.HdrHistogram.Histogram;

/**
 * The tally frames one connection received for the rounds being measured: round, the frame's {@code asOf} (server
 * clock, before the tally was read) and the local arrival time. From these and the arrival times of the votes' acks
 * (one machine, one wall clock), {@link #screen} tells when each vote first reached this screen.
 */
final class TallyLog {

  /** Which rounds' frames are kept. */
  interface Filter extends LongPredicate {}

  private long[] rounds = new long[16];
  private long[] asOf = new long[16];
  private long[] received = new long[16];
  private int size;

  void add(long round, long frameAsOf, long receivedAt) {
    if (size == rounds.length) {
      rounds = Arrays.copyOf(rounds, size * 2);
      asOf = Arrays.copyOf(asOf, size * 2);
      received = Arrays.copyOf(received, size * 2);
    }
    rounds[size] = round;
    asOf[size] = frameAsOf;
    received[size] = receivedAt;
    size++;
  }

  void clear() {
    size = 0;
  }

  /**
   * Records, for every vote of {@code round} (counts per millisecond of ack arrival from {@code t0}), the time
   * from its ack to the arrival of the first frame that includes it: a frame includes the votes acknowledged before
   * its {@code asOf} (strictly, as both are whole milliseconds). Returns how many votes no frame here included.
   */
  long screen(long round, long t0, long[] counts, Histogram into) {
    int bucket = 0;
    for (int i = 0; i < size && bucket < counts.length; i++) {
      if (rounds[i] != round) {
        continue;
      }
      for (; bucket < counts.length && t0 + bucket < asOf[i]; bucket++) {
        if (counts[bucket] > 0) {
          Latencies.recordMicros(into, (received[i] - (t0 + bucket)) * 1000, counts[bucket]);
        }
      }
    }
    long unseen = 0;
    for (; bucket < counts.length; bucket++) {
      unseen += counts[bucket];
    }
    return unseen;
  }
}
