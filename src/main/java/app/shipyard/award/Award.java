package app.shipyard.award;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One award of a project: a category's {@code winner} (several when a tie stands, or one with the tie-break's reason),
 * a {@code finalist} carried from a heat into a final, or a judges' {@code prize} given by hand.
 */
public record Award(long id, long eventId, String eventTitle, long pitchId, String pitchTitle, String kind,
                    String title, Long roundId, Long categoryId, Integer place, Integer points, String tieBreak,
                    OffsetDateTime awardedAt) {

  public boolean winner() {
    return kind.equals("winner");
  }

  public boolean finalist() {
    return kind.equals("finalist");
  }

  public boolean prize() {
    return kind.equals("prize");
  }

  /** What pages call it: "Winner", "Finalist" or "Judges' prize". */
  public String label() {
    return winner() ? "Winner" : finalist() ? "Finalist" : "Judges' prize";
  }

  /** A list of awards as a JSON array. */
  public static JsonArray toJson(List<Award> awards) {
    return new JsonArray(awards.stream().map(Award::toJson).toList());
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("kind", kind).put("title", title)
        .put("event", new JsonObject().put("id", eventId).put("title", eventTitle))
        .put("pitch", new JsonObject().put("id", pitchId).put("title", pitchTitle))
        .put("roundId", roundId).put("categoryId", categoryId).put("place", place).put("points", points)
        .put("tieBreak", tieBreak).put("awardedAt", awardedAt.toInstant().toString());
  }
}
