package app.shipyard.survey;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;

/**
 * A survey's results, aggregated by the database: how many of the people taking part answered, the average rating,
 * promoters (9-10), passives (7-8) and detractors (0-6) of "would you take part again", NPS (% promoters minus
 * % detractors, rounded; null without answers) and the free-text comments, without names.
 */
public record Feedback(long eventId, String eventTitle, String state, long takingPart, long responses,
                       BigDecimal averageRating, long promoters, long passives, long detractors, Long nps,
                       List<Comment> comments) {

  /** One free-text answer to {@code question} ({@code wentWell} or {@code better}). */
  public record Comment(String question, String text) {

    public boolean better() {
      return "better".equals(question);
    }
  }

  public List<Comment> wentWell() {
    return comments.stream().filter(c -> !c.better()).toList();
  }

  public List<Comment> toBetter() {
    return comments.stream().filter(Comment::better).toList();
  }

  public JsonObject toJson() {
    return new JsonObject().put("eventId", eventId).put("eventTitle", eventTitle).put("state", state)
        .put("takingPart", takingPart).put("responses", responses).put("averageRating", averageRating)
        .put("promoters", promoters).put("passives", passives).put("detractors", detractors).put("nps", nps)
        .put("wentWell", new JsonArray(wentWell().stream().map(Comment::text).toList()))
        .put("better", new JsonArray(toBetter().stream().map(Comment::text).toList()));
  }
}
