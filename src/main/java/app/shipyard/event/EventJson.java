package app.shipyard.event;

import app.shipyard.pitch.Pitch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The API's shape of events and pitches. */
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

  public static JsonObject of(Event e, List<Pitch> pitches) {
    return of(e).put("pitches", new JsonArray(pitches.stream().map(EventJson::of).toList()));
  }

  public static JsonObject of(Pitch p) {
    return new JsonObject().put("id", p.id()).put("eventId", p.eventId()).put("title", p.title())
        .put("summary", p.summary()).put("problem", p.problem()).put("idea", p.idea())
        .put("captain", new JsonObject().put("id", p.captainId()).put("displayName", p.captainName()))
        .put("capacity", p.capacity()).put("openPlaces", p.openPlaces()).put("stage", p.stage())
        .put("skills", new JsonArray(p.skills()))
        .put("members", new JsonArray(p.members().stream().map(m -> new JsonObject().put("id", m.personId())
            .put("displayName", m.displayName()).put("department", m.department()).put("captain", m.captain())).toList()))
        .put("tags", new JsonArray(p.tags())).put("links", new JsonArray(p.links())).put("remoteOk", p.remoteOk())
        .put("locations", new JsonArray(p.locations().stream()
            .map(l -> new JsonObject().put("id", l.id()).put("name", l.name()).put("remote", l.remote())).toList()))
        .put("approved", p.approved())
        .put("hidden", p.hidden() == null ? null : new JsonObject().put("reason", p.hidden().reason())
            .put("by", p.hidden().by()).put("at", p.hidden().at() == null ? null : p.hidden().at().toInstant().toString()))
        .put("interestCount", p.interestCount()).put("revisionCount", p.revisionCount())
        .put("createdAt", p.createdAt().toInstant().toString());
  }
}
