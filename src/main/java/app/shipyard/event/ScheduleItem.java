package app.shipyard.event;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/** One entry in an event's schedule ("Hacking starts", "Demo session"), optionally at one of its locations. */
public record ScheduleItem(long id, long eventId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt,
                           Integer locationId, String locationName) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("eventId", eventId).put("title", title)
        .put("startsAt", startsAt.toInstant().toString()).put("endsAt", endsAt.toInstant().toString())
        .put("location", locationId == null ? null : new JsonObject().put("id", locationId).put("name", locationName));
  }

  /** What an organiser adds. */
  public record New(String title, OffsetDateTime startsAt, OffsetDateTime endsAt, Integer locationId) {}
}
