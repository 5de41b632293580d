package app.shipyard.survey;

import app.shipyard.web.Input;
import io.vertx.core.json.JsonObject;

/**
 * One person's answer: the 1-5 overall rating, the 0-10 "would you take part again", and two free-text answers
 * (what went well, what would make the next one better), each optional.
 */
public record SurveyAnswer(int rating, int again, String wentWell, String better) {

  static final int MAX_TEXT = 2000;

  /** Reads and checks an answer from a form or JSON body; every problem is reported at once. */
  static SurveyAnswer from(Input in) {
    int rating = in.integer("rating", 0, 1, 5);
    int again = in.integer("again", -1, 0, 10);
    if (rating == 0) {
      in.problem("rating", "is required: a whole number from 1 to 5");
    }
    if (again == -1) {
      in.problem("again", "is required: a whole number from 0 to 10");
    }
    String wentWell = in.optional("wentWell", MAX_TEXT);
    String better = in.optional("better", MAX_TEXT);
    in.check();
    return new SurveyAnswer(rating, again, wentWell, better);
  }

  JsonObject toJson() {
    return new JsonObject().put("rating", rating).put("again", again).put("wentWell", wentWell).put("better", better);
  }
}
