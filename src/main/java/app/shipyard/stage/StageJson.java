package app.shipyard.stage;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The stage part of the live channel (and of {@code GET /api/events/{id}/running-order}): see docs/API.md. */
final class StageJson {

  private StageJson() {}

  static JsonObject of(RunningOrder order, Instant asOf) {
    JsonArray slots = new JsonArray();
    order.slots().forEach(s -> slots.add(new JsonObject().put("id", s.id()).put("position", s.position())
        .put("pitchId", s.pitchId()).put("title", s.title()).put("team", s.team()).put("seconds", s.seconds())
        .put("state", s.state().key())));
    JsonObject onStage = order.onStage().map(s -> new JsonObject().put("slotId", s.id()).put("pitchId", s.pitchId())
        .put("title", s.title()).put("team", s.team()).put("seconds", s.seconds())
        .put("elapsedMs", s.clock().elapsedAt(asOf)).put("running", s.clock().running())).orElse(null);
    JsonObject nextUp = order.nextUp().map(s -> new JsonObject().put("slotId", s.id()).put("pitchId", s.pitchId())
        .put("title", s.title()).put("team", s.team())).orElse(null);
    return new JsonObject().put("slots", slots).put("onStage", onStage).put("nextUp", nextUp)
        .put("asOf", asOf.toEpochMilli());
  }
}
