package app.shipyard.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Someone taking part in an event, and what they do in it: captain or member of teams, free agent, mentor. */
public record Participant(long id, String displayName, String department, Integer locationId, String location,
                          List<Team> teams, boolean freeAgent, boolean mentor) {

  /** A team this person is on. */
  public record Team(long pitchId, String title, boolean captain) {}

  public JsonObject toJson() {
    JsonArray roles = new JsonArray();
    teams.forEach(t -> roles.add(new JsonObject().put("role", t.captain() ? "captain" : "member")
        .put("pitch", new JsonObject().put("id", t.pitchId()).put("title", t.title()))));
    if (freeAgent) {
      roles.add(new JsonObject().put("role", "free_agent"));
    }
    if (mentor) {
      roles.add(new JsonObject().put("role", "mentor"));
    }
    return new JsonObject().put("id", id).put("displayName", displayName).put("department", department)
        .put("location", locationId == null ? null : new JsonObject().put("id", locationId).put("name", location))
        .put("roles", roles);
  }
}
