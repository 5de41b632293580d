package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A connection's message rate: a bucket that refills, and a cut-off for floods")
class MessageRateTest {

  @Test
  @DisplayName("A burst is allowed, the next message refused, and tokens come back with time")
  void burstThenRefill() {
    MessageRate rate = new MessageRate(10, 3, 5, 0);
    for (int i = 0; i < 3; i++) {
      assertEquals(MessageRate.Verdict.ALLOWED, rate.take(0));
    }
    assertEquals(MessageRate.Verdict.REFUSED, rate.take(0));
    assertEquals(MessageRate.Verdict.ALLOWED, rate.take(100), "10 a second: one more after 100 ms");
    assertEquals(MessageRate.Verdict.REFUSED, rate.take(150));
    assertEquals(MessageRate.Verdict.ALLOWED, rate.take(10_000));
  }

  @Test
  @DisplayName("More refusals in a row than the strikes is a flood; an allowed message in between starts the count again")
  void flooding() {
    MessageRate rate = new MessageRate(1, 1, 2, 0);
    assertEquals(MessageRate.Verdict.ALLOWED, rate.take(0));
    assertEquals(MessageRate.Verdict.REFUSED, rate.take(0));
    assertEquals(MessageRate.Verdict.REFUSED, rate.take(0));
    assertEquals(MessageRate.Verdict.ALLOWED, rate.take(1_000));
    assertEquals(MessageRate.Verdict.REFUSED, rate.take(1_000));
    assertEquals(MessageRate.Verdict.REFUSED, rate.take(1_000));
    assertEquals(MessageRate.Verdict.FLOODING, rate.take(1_000));
  }
}
