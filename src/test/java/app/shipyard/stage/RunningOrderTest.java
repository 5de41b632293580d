package app.shipyard.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.web.AppError;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("Running order moves: start, next, previous, pause, resume, skip, restore, reorder, lengths")
class RunningOrderTest {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

  /** Bot, Data, Docs at positions 1..3 (ids 11, 12, 13), all still to come. */
  private static RunningOrder three() {
    return new RunningOrder(List.of(slot(12, 2, "Data"), slot(11, 1, "Bot"), slot(13, 3, "Docs")));
  }

  private static Slot slot(long id, int position, String title) {
    return new Slot(id, position, id + 100, title, "Team " + title, 180, SlotState.PENDING, SlotClock.ZERO);
  }

  /** Each slot as {@code Title:state}, in order. */
  private static String states(RunningOrder order) {
    return order.slots().stream().map(s -> s.title() + ":" + s.state().key()).collect(Collectors.joining(" "));
  }

  private static Instant at(long ms) {
    return T0.plusMillis(ms);
  }

  private static void refused(int status, String words, Executable move) {
    AppError e = assertThrows(AppError.class, move);
    assertEquals(status, e.status());
    assertTrue(e.getMessage().contains(words) || e.fields().values().stream().anyMatch(v -> v.contains(words)),
        e.getMessage() + " " + e.fields());
  }

  @Test
  @DisplayName("Slots are kept in position order, whatever order they were read in")
  void ordered() {
    assertEquals("Bot:pending Data:pending Docs:pending", states(three()));
  }

  @Test
  @DisplayName("Start puts the first slot on stage with its clock running; next moves on, the last next ends the session")
  void startAndNext() {
    RunningOrder order = three().start(null, T0);
    assertEquals("Bot:on_stage Data:pending Docs:pending", states(order));
    order = order.next(at(200_000));
    assertEquals("Bot:done Data:on_stage Docs:pending", states(order));
    assertEquals(200_000, order.slot(11).orElseThrow().clock().elapsedAt(at(999_999)), "a done slot's clock stops");
    assertEquals(0, order.onStage().orElseThrow().clock().elapsedAt(at(200_000)));
    order = order.next(at(300_000)).next(at(400_000));
    assertEquals("Bot:done Data:done Docs:done", states(order));
    assertTrue(order.onStage().isEmpty());
    RunningOrder over = order;
    refused(409, "No slot is still to come", () -> over.next(at(500_000)));
  }

  @Test
  @DisplayName("Next skips over skipped slots, and a slot can be started by its id")
  void skipAndStart() {
    RunningOrder order = three().skip(12).start(11L, T0).next(at(1000));
    assertEquals("Bot:done Data:skipped Docs:on_stage", states(order));
    assertEquals("Bot:pending Data:pending Docs:on_stage", states(three().start(13L, T0)));
  }

  @Test
  @DisplayName("Previous puts the slot before back on stage with its time so far, and the current one back to come")
  void previous() {
    RunningOrder order = three().start(null, T0).next(at(90_000)).previous(at(100_000));
    assertEquals("Bot:on_stage Data:pending Docs:pending", states(order));
    Slot bot = order.onStage().orElseThrow();
    assertEquals(95_000, bot.clock().elapsedAt(at(105_000)), "Bot's clock goes on from 90 s");
    assertEquals(SlotClock.ZERO, order.slot(12).orElseThrow().clock());
    RunningOrder first = order;
    refused(409, "No slot was shown before", () -> first.previous(at(110_000)));
  }

  @Test
  @DisplayName("Pause freezes the clock on stage and resume carries on; doing either twice is refused")
  void pauseResume() {
    RunningOrder order = three().start(null, T0).pause(at(30_000));
    assertEquals(30_000, order.onStage().orElseThrow().clock().elapsedAt(at(90_000)));
    RunningOrder paused = order;
    refused(409, "already paused", () -> paused.pause(at(40_000)));
    order = order.resume(at(90_000));
    assertEquals(40_000, order.onStage().orElseThrow().clock().elapsedAt(at(100_000)));
    RunningOrder running = order;
    refused(409, "already running", () -> running.resume(at(100_000)));
    refused(409, "No slot is on stage", () -> three().pause(T0));
  }

  @Test
  @DisplayName("A second slot cannot start while one is on stage, nor can a slot that is not still to come")
  void startRefusals() {
    RunningOrder order = three().start(null, T0);
    refused(409, "\"Bot\" is on stage", () -> order.start(12L, at(1000)));
    refused(409, "skipped", () -> three().skip(12).start(12L, T0));
    refused(400, "is not a slot", () -> three().start(99L, T0));
  }

  @Test
  @DisplayName("Skip and restore work only on slots still to come and skipped slots")
  void skipRestore() {
    assertEquals("Bot:pending Data:pending Docs:pending", states(three().skip(12).restore(12)));
    refused(409, "Only a skipped slot", () -> three().restore(12));
    refused(409, "Only a slot still to come can be skipped", () -> three().start(null, T0).skip(11));
  }

  @Test
  @DisplayName("Reorder takes every slot once; a list missing one, repeating one or naming another is refused")
  void reorder() {
    RunningOrder order = three().reorder(List.of(13L, 11L, 12L));
    assertEquals("Docs:pending Bot:pending Data:pending", states(order));
    assertEquals(List.of(1, 2, 3), order.slots().stream().map(Slot::position).toList());
    refused(400, "every slot", () -> three().reorder(List.of(13L, 11L)));
    refused(400, "every slot", () -> three().reorder(List.of(13L, 11L, 11L)));
    refused(400, "every slot", () -> three().reorder(List.of(13L, 11L, 14L)));
    assertEquals(List.of(12L, 11L, 13L), three().idsWithMove(1, -1));
    assertEquals(List.of(11L, 13L, 12L), three().idsWithMove(1, 1));
  }

  @Test
  @DisplayName("A slot's length is kept within 30 seconds and 30 minutes")
  void lengths() {
    assertEquals(600, three().length(12, 600).slot(12).orElseThrow().seconds());
    refused(400, "from 30 to 1800", () -> three().length(12, 29));
    refused(400, "from 30 to 1800", () -> three().length(12, 1801));
  }

  @Test
  @DisplayName("Only the slots a move changed are written, the one leaving the stage before the one going on")
  void changes() {
    RunningOrder before = three().start(null, T0);
    List<Slot> changed = before.changedIn(before.next(at(1000)));
    assertEquals(List.of(11L, 12L), changed.stream().map(Slot::id).toList());
  }
}
