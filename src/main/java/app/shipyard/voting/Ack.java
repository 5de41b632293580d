package app.shipyard.voting;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The acknowledgement of a committed vote; a re-sent vote id gets the same one. */
public record Ack(UUID voteId, long roundId, long categoryId, String outcome, OffsetDateTime recordedAt) {

  public JsonObject toJson() {
    return new JsonObject().put("voteId", voteId.toString()).put("roundId", roundId).put("categoryId", categoryId)
        .put("outcome", outcome).put("recordedAt", recordedAt.toInstant().toString());
  }
}
