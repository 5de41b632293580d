package app.shipyard.insight;

import app.shipyard.event.Event;
import app.shipyard.survey.Feedback;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A dashboard's content: its scope (one event, or the events that started in a period), its figures in page order,
 * and for one event its own survey results and those of the latest earlier event with a survey.
 */
record Insights(Event event, Period period, int events, List<Figure> figures, Feedback feedback, Feedback previous) {

  JsonObject toJson() {
    JsonObject scope = event != null ? new JsonObject().put("eventId", event.id()).put("title", event.title())
        : new JsonObject().put("from", period.from().toString()).put("to", period.to().toString());
    JsonObject figureJson = new JsonObject();
    figures.forEach(f -> figureJson.put(f.kind().key, f.toJson()));
    JsonObject json = new JsonObject().put("scope", scope).put("events", events).put("figures", figureJson);
    if (event != null) {
      json.put("feedback", feedback == null ? null : feedback.toJson())
          .put("previousFeedback", previous == null ? null : previous.toJson());
    }
    return json;
  }
}
