package app.shipyard.bench.live;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Latency histograms in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes), and their text form for
 * the JSON lines between the load-generator workers and the bench.
 */
final class Latencies {

  private static final long HIGHEST_MICROS = 600_000_000L;

  private Latencies() {}

  static Histogram create() {
    return new Histogram(HIGHEST_MICROS, 3);
  }

  static void recordMicros(Histogram histogram, long micros, long count) {
    histogram.recordValueWithCount(Math.max(0, Math.min(HIGHEST_MICROS, micros)), count);
  }

  static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  static Histogram decode(String text) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
    } catch (DataFormatException e) {
      throw new IllegalStateException("A worker sent a histogram that does not decode", e);
    }
  }

  /** Adds a worker's histogram (its text form) to {@code total}. */
  static void add(Histogram total, String text) {
    if (text != null) {
      total.add(decode(text));
    }
  }

  /** {@code "p50 12.3 ms, p99 45.6 ms (n = 1000)"}, or "none" for an empty histogram. */
  static String summary(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return "none measured";
    }
    return String.format("p50 %s ms, p99 %s ms, max %s ms (n = %d)", ms(histogram, 50), ms(histogram, 99),
        String.format("%.1f", histogram.getMaxValue() / 1000.0), histogram.getTotalCount());
  }

  static String ms(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? "–"
        : String.format("%.1f", histogram.getValueAtPercentile(percentile) / 1000.0);
  }
}
