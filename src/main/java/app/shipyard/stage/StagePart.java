package app.shipyard.stage;

import app.shipyard.live.LivePart;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** The running order and the on-stage clock, the same for every viewer: the live channel's {@code stage} part. */
public final class StagePart implements LivePart {

  private final StageRepository stage;

  StagePart(StageRepository stage) {
    this.stage = stage;
  }

  @Override
  public String topic() {
    return StageRepository.TOPIC;
  }

  @Override
  public Future<JsonObject> state(long eventId) {
    return stage.order(eventId).map(order -> StageJson.of(order, stage.now()));
  }
}
