package app.shipyard.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * One part of an event's live state that is the same for every viewer (e.g. the running order and the on-stage
 * clock). The live channel puts it under {@link #topic()} in every snapshot, and sends it again as an update frame
 * of that type whenever a {@link app.shipyard.db.LiveNotice} with this topic arrives for the event.
 */
public interface LivePart {

  /** The key in a snapshot, and the type of the update frame: {@code "stage"}. */
  String topic();

  /** The part's current state for one event, read from the database. */
  Future<JsonObject> state(long eventId);
}
