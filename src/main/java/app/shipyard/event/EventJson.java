package app.shipyard.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The API's shape of events. */
public final class EventJson {

  private EventJson() {}

  public static JsonObject of(Event e) {
    return new JsonObject().put("id", e.id()).put("kind", e.kind()).put("title", e.title()).put("theme", e.theme())
        .put("description", e.description()).put("phase", e.phase().key())
        .put("startsAt", e.startsAt().toInstant().toString()).put("endsAt", e.endsAt().toInstant().toString())
        .put("timeZone", e.timeZone()).put("locations", new JsonArray(e.locations()))
        .put("locationIds", new JsonArray(e.locationIds())).put("pitchCount", e.pitchCount())
        .put("rules", new JsonObject().put("teamMin", e.rules().teamMin()).put("teamMax", e.rules().teamMax())
            .put("teamsPerPerson", e.rules().teamsPerPerson())
            .put("pitchesNeedApproval", e.rules().pitchesNeedApproval())
            .put("joinByRequest", e.rules().joinByRequest()).put("soloAllowed", e.rules().soloAllowed()));
  }

  /**
   * An event as {@code GET /api/events/{id}} answers it: the event object and where to read its pitches, page by
   * page (the pitch feature serves that list).
   */
  public static JsonObject withLinks(Event e) {
    return of(e).put("links", new JsonObject().put("pitches", "/api/events/" + e.id() + "/pitches"));
  }
}
