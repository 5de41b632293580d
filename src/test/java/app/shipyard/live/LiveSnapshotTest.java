package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Live channel: snapshots and numbered round updates")
class LiveSnapshotTest extends LiveTestCase {

  private static JsonObject round(JsonObject snapshot, long id) {
    return snapshot.getJsonArray("rounds").stream().map(JsonObject.class::cast)
        .filter(r -> r.getLong("id") == id).findFirst().orElseThrow(() -> new AssertionError("no round " + id));
  }

  @Test
  @DisplayName("A participant's snapshot has the event, who they are, the open rounds with their own ballots, and no hidden tally or draft")
  void participantSnapshot() {
    long open = f.openRound(new JsonObject());
    long draft = f.round(new JsonObject().put("title", "Later")).getLong("id");
    String ann = f.voter("Ann One");
    assertEquals(200, f.voteOverHttp(ann, f.vote(open, f.bot)).statusCode());

    JsonObject snapshot = LiveClient.connect(f.vertx, f.event, ann).next("snapshot");
    assertEquals(new JsonObject().put("id", f.event).put("title", "Live Day").put("phase", "demos"),
        snapshot.getJsonObject("event"));
    assertEquals("Ann One", snapshot.getJsonObject("me").getString("name"));
    assertFalse(snapshot.getJsonObject("me").getBoolean("runsTheRound"));
    assertTrue(snapshot.getLong("serverTime") > 0);
    assertEquals(1, snapshot.getJsonArray("rounds").size(), "the draft is the organisers' work in progress");
    JsonObject round = round(snapshot, open);
    assertEquals("open", round.getString("state"));
    assertEquals(2, round.getJsonArray("projects").size());
    assertNull(round.getValue("tally"), "tallies of this round show once it closes");
    JsonArray mine = round.getJsonObject("mine").getJsonArray("ballots");
    assertEquals(f.bot, mine.getJsonObject(0).getJsonArray("choices").getJsonObject(0).getLong("pitchId"));
    assertTrue(snapshot.getJsonArray("rounds").stream().noneMatch(r -> ((JsonObject) r).getLong("id") == draft));
  }

  @Test
  @DisplayName("An organiser's snapshot has drafts and every tally; with audience=public it shows only what a participant would")
  void organiserAndPublicSnapshots() {
    long open = f.openRound(new JsonObject());
    long draft = f.round(new JsonObject().put("title", "Later")).getLong("id");
    assertEquals(200, f.voteOverHttp(f.voter("Ann One"), f.vote(open, f.data)).statusCode());

    JsonObject organiser = LiveClient.connect(f.vertx, f.event, f.organiser).next("snapshot");
    assertTrue(organiser.getJsonObject("me").getBoolean("runsTheRound"));
    assertEquals(2, organiser.getJsonArray("rounds").size());
    assertEquals("draft", round(organiser, draft).getString("state"));
    JsonObject tally = round(organiser, open).getJsonObject("tally").getJsonArray("categories").getJsonObject(0);
    assertEquals(1, tally.getLong("ballots"));
    assertEquals(f.data, tally.getJsonArray("standings").getJsonObject(0).getLong("pitchId"));

    JsonObject projector = LiveClient.connect(f.vertx, f.event, "?audience=public", f.organiser).next("snapshot");
    assertFalse(projector.getJsonObject("me").getBoolean("runsTheRound"));
    assertEquals(List.of(open), projector.getJsonArray("rounds").stream()
        .map(r -> ((JsonObject) r).getLong("id")).toList());
    assertNull(round(projector, open).getValue("tally"));
    assertFalse(round(projector, open).containsKey("mine"));
  }

  @Test
  @DisplayName("Opening, closing and revealing a round reach every socket as round frames with sequence numbers rising by one")
  void roundFramesInSequence() {
    JsonObject created = f.round(new JsonObject().put("visibility", "on_reveal"));
    long id = created.getLong("id");
    LiveClient organiser = LiveClient.connect(f.vertx, f.event, f.organiser);
    LiveClient ann = LiveClient.connect(f.vertx, f.event, f.voter("Ann One"));
    long organiserSeq = organiser.next("snapshot").getLong("seq");
    long annSeq = ann.next("snapshot").getLong("seq");

    f.change(id, "open");
    JsonObject opened = ann.next("round");
    assertEquals(annSeq + 1, opened.getLong("seq"));
    assertEquals("open", opened.getJsonObject("round").getString("state"));
    assertEquals(organiserSeq + 1, organiser.next("round").getLong("seq"));
    f.change(id, "close");
    JsonObject closed = ann.next("round");
    assertEquals(annSeq + 2, closed.getLong("seq"));
    assertEquals("closed", closed.getJsonObject("round").getString("state"));
    assertNull(closed.getJsonObject("round").getValue("tally"), "not revealed yet");
    f.change(id, "reveal");
    JsonObject revealed = ann.next("round");
    assertEquals(annSeq + 3, revealed.getLong("seq"));
    assertTrue(revealed.getJsonObject("round").getJsonObject("tally").getJsonArray("categories")
        .getJsonObject(0).getBoolean("visible"));
    assertEquals(organiserSeq + 3, organiser.next(fr -> "round".equals(fr.getString("type"))
        && fr.getJsonObject("round").getString("revealedAt") != null, "the reveal").getLong("seq"));
  }

  @Test
  @DisplayName("A client that was away while rounds changed and votes came in gets the right state from its new snapshot")
  void missedUpdatesRecoveredBySnapshot() {
    long id = f.openRound(new JsonObject().put("visibility", "after_close"));
    String ann = f.voter("Ann One");
    LiveClient first = LiveClient.connect(f.vertx, f.event, ann);
    first.next("snapshot");
    first.close();
    assertEquals(200, f.voteOverHttp(ann, f.vote(id, f.bot)).statusCode());
    assertEquals(200, f.voteOverHttp(f.voter("Ben Two"), f.vote(id, f.bot)).statusCode());
    f.change(id, "close");

    JsonObject snapshot = LiveClient.connect(f.vertx, f.event, ann).next("snapshot");
    JsonObject round = round(snapshot, id);
    assertEquals("closed", round.getString("state"));
    JsonObject tally = round.getJsonObject("tally").getJsonArray("categories").getJsonObject(0);
    assertEquals(2, tally.getLong("ballots"));
    assertEquals(2, tally.getJsonArray("standings").getJsonObject(0).getLong("points"));
    assertEquals(1, round.getJsonObject("mine").getJsonArray("ballots").size());
  }

  @Test
  @DisplayName("A phase move reaches the channel as an event frame, and a client asking for a snapshot gets one with the new phase")
  void phaseMoveAndSnapshotRequest() {
    LiveClient emma = LiveClient.connect(f.vertx, f.event, f.emma);
    long seq = emma.next("snapshot").getLong("seq");
    f.events.moveTo(f.event, "results");
    JsonObject moved = emma.next("event");
    assertEquals("results", moved.getJsonObject("event").getString("phase"));
    assertEquals(seq + 1, moved.getLong("seq"));
    JsonObject again = emma.send(new JsonObject().put("type", "snapshot")).next("snapshot");
    assertEquals("results", again.getJsonObject("event").getString("phase"));
    assertEquals(seq + 1, again.getLong("seq"), "a snapshot carries the sequence number that later updates follow");
  }
}
