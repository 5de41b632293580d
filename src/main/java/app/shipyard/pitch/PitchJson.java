package app.shipyard.pitch;

import app.shipyard.identity.Location;
import app.shipyard.pitch.PitchChangeRepository.Revision;
import app.shipyard.pitch.PitchChangeRepository.StageChange;
import app.shipyard.pitch.PitchTalkRepository.Comment;
import app.shipyard.pitch.PitchTalkRepository.Interested;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/** The API's shape of pitches, pages of them, and what surrounds a pitch. */
public final class PitchJson {

  private PitchJson() {}

  /** The whole pitch, as its own endpoint answers it. */
  public static JsonObject of(Pitch p) {
    return new JsonObject().put("id", p.id()).put("eventId", p.eventId()).put("title", p.title())
        .put("summary", p.summary()).put("problem", p.problem()).put("idea", p.idea())
        .put("captain", person(p.captainId(), p.captainName()))
        .put("capacity", p.capacity()).put("openPlaces", p.openPlaces()).put("stage", p.stage())
        .put("skills", new JsonArray(p.skills()))
        .put("members", array(p.members(), m -> person(m.personId(), m.displayName())
            .put("department", m.department()).put("captain", m.captain())))
        .put("tags", new JsonArray(p.tags())).put("links", new JsonArray(p.links())).put("remoteOk", p.remoteOk())
        .put("locations", locations(p.locations())).put("approved", p.approved()).put("hidden", hidden(p.hidden()))
        .put("interestCount", p.interestCount()).put("revisionCount", p.revisionCount())
        .put("createdAt", p.createdAt().toInstant().toString());
  }

  /** A pitch in a list: no Markdown fields, links or roster (the pitch's own endpoint has them). */
  static JsonObject of(PitchSummary p) {
    return new JsonObject().put("id", p.id()).put("eventId", p.eventId()).put("title", p.title())
        .put("summary", p.summary()).put("captain", person(p.captainId(), p.captainName()))
        .put("capacity", p.capacity()).put("memberCount", p.memberCount()).put("openPlaces", p.openPlaces())
        .put("stage", p.stage()).put("skills", new JsonArray(p.skills())).put("tags", new JsonArray(p.tags()))
        .put("remoteOk", p.remoteOk()).put("locations", locations(p.locations())).put("approved", p.approved())
        .put("hidden", hidden(p.hidden())).put("interestCount", p.interestCount())
        .put("createdAt", p.createdAt().toInstant().toString());
  }

  /** A page of pitches with the cursors of the pages before and after it ({@code null} where there is none). */
  static JsonObject of(PitchFilter f, PitchList page) {
    return new JsonObject().put("pitches", array(page.pitches(), PitchJson::of)).put("limit", f.limit())
        .put("previous", page.previous() == null ? null : page.previous().encode())
        .put("next", page.next() == null ? null : page.next().encode());
  }

  private static JsonArray locations(List<Location> locations) {
    return array(locations, l -> new JsonObject().put("id", l.id()).put("name", l.name()).put("remote", l.remote()));
  }

  private static JsonObject hidden(Pitch.Hidden h) {
    return h == null ? null : new JsonObject().put("reason", h.reason()).put("by", h.by())
        .put("at", h.at() == null ? null : h.at().toInstant().toString());
  }

  static <T> JsonArray array(List<T> items, Function<T, JsonObject> shape) {
    return new JsonArray(items.stream().map(shape).toList());
  }

  static JsonObject of(Revision r) {
    return new JsonObject().put("id", r.id()).put("editedBy", person(r.editedById(), r.editedBy()))
        .put("editedAt", r.editedAt().toInstant().toString()).put("title", r.title()).put("summary", r.summary())
        .put("problem", r.problem()).put("idea", r.idea()).put("capacity", r.capacity())
        .put("skills", new JsonArray(r.skills())).put("tags", new JsonArray(r.tags()))
        .put("links", new JsonArray(r.links()));
  }

  static JsonObject of(Comment c) {
    return new JsonObject().put("id", c.id()).put("author", person(c.authorId(), c.authorName()))
        .put("body", c.body()).put("createdAt", c.createdAt().toInstant().toString());
  }

  static JsonObject of(StageChange c) {
    return new JsonObject().put("id", c.id()).put("from", c.from()).put("to", c.to()).put("note", c.note())
        .put("changedBy", person(c.changedById(), c.changedBy())).put("changedAt", c.changedAt().toInstant().toString());
  }

  /** Interest in a pitch; who is interested only for its captain and organisers ({@code people} null otherwise). */
  static JsonObject interest(List<Interested> all, long me, boolean mayListPeople) {
    JsonObject json = new JsonObject().put("count", all.size())
        .put("interested", all.stream().anyMatch(i -> i.id() == me));
    if (mayListPeople) {
      json.put("people", array(all, i -> person(i.id(), i.displayName()).put("department", i.department())));
    }
    return json;
  }

  private static JsonObject person(long id, String displayName) {
    return new JsonObject().put("id", id).put("displayName", displayName);
  }
}
