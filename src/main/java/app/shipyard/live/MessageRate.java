package app.shipyard.live;

/**
 * How many messages one connection may send: a token bucket of {@code burst} messages refilled at {@code perSecond}.
 * A client that goes on sending while refused is flooding: after {@code strikes} refusals in a row it is cut off.
 * Pure (the clock is passed in), so a unit test drives it without a server.
 */
final class MessageRate {

  enum Verdict { ALLOWED, REFUSED, FLOODING }

  private final double perMilli;
  private final double burst;
  private final int strikes;
  private double tokens;
  private long last;
  private int refusedInARow;

  MessageRate(double perSecond, int burst, int strikes, long nowMillis) {
    this.perMilli = perSecond / 1000.0;
    this.burst = burst;
    this.strikes = strikes;
    this.tokens = burst;
    this.last = nowMillis;
  }

  Verdict take(long nowMillis) {
    tokens = Math.min(burst, tokens + Math.max(0, nowMillis - last) * perMilli);
    last = nowMillis;
    if (tokens >= 1) {
      tokens -= 1;
      refusedInARow = 0;
      return Verdict.ALLOWED;
    }
    refusedInARow++;
    return refusedInARow > strikes ? Verdict.FLOODING : Verdict.REFUSED;
  }
}
