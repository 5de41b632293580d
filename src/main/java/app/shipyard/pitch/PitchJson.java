package app.shipyard.pitch;

import app.shipyard.pitch.PitchChangeRepository.Revision;
import app.shipyard.pitch.PitchChangeRepository.StageChange;
import app.shipyard.pitch.PitchTalkRepository.Comment;
import app.shipyard.pitch.PitchTalkRepository.Interested;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/** The API's shape of what surrounds a pitch (the pitch itself is {@code EventJson.of(Pitch)}). */
final class PitchJson {

  private PitchJson() {}

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
