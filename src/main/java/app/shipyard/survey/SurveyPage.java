package app.shipyard.survey;

import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.event.Phase;
import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.web.Answer;
import app.shipyard.web.Choice;
import app.shipyard.web.Params;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** The survey page: the answer form for people who took part, the organisers' buttons, the results for readers. */
final class SurveyPage {

  static final JsonArray QUESTIONS = new JsonArray()
      .add(question("rating", "How would you rate this event overall?", 1, 5))
      .add(question("again", "How likely are you to take part again?", 0, 10))
      .add(new JsonObject().put("key", "wentWell").put("text", "What went well?")
          .put("maxLength", SurveyAnswer.MAX_TEXT))
      .add(new JsonObject().put("key", "better").put("text", "What would make the next one better?")
          .put("maxLength", SurveyAnswer.MAX_TEXT));

  private final SurveyRepository surveys;
  private final EventRepository events;

  SurveyPage(SurveyRepository surveys, EventRepository events) {
    this.surveys = surveys;
    this.events = events;
  }

  private static JsonObject question(String key, String text, int min, int max) {
    return new JsonObject().put("key", key).put("text", text).put("min", min).put("max", max);
  }

  /** {@code opensLater}: an organiser's view before the event reaches Results, when no survey can open yet. */
  record SurveyView(Event event, String tab, Survey survey, boolean canOpen, boolean opensLater, boolean canClose,
                    boolean takesPart, boolean canAnswer, List<Choice> ratings, List<Choice> agains, SurveyAnswer mine,
                    Feedback feedback) {}

  Future<Event> event(long id) {
    return events.get(id);
  }

  Future<Optional<SurveyAnswer>> mine(Optional<Survey> survey, Person me) {
    return survey.map(s -> surveys.mine(s.id(), me.id())).orElse(Future.succeededFuture(Optional.empty()));
  }

  Future<Answer> answer(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Person me = Viewer.person(ctx);
    boolean organiser = me.has(Role.ORGANISER) || me.has(Role.ADMIN);
    boolean reader = organiser || me.has(Role.LEADERSHIP);
    return Future.all(events.get(id), surveys.find(id), surveys.takesPart(id, me.id())).compose(all -> {
      Event event = all.resultAt(0);
      Optional<Survey> survey = all.resultAt(1);
      boolean takesPart = all.resultAt(2);
      return Future.all(mine(survey, me), reader ? surveys.feedback(id) : Future.succeededFuture(Optional.empty()))
          .map(more -> {
            Optional<SurveyAnswer> mine = more.resultAt(0);
            Optional<Feedback> feedback = more.resultAt(1);
            boolean open = survey.map(Survey::open).orElse(false);
            boolean after = event.phase().ordinal() >= Phase.RESULTS.ordinal();
            return Answer.page("survey/survey", "Survey · " + event.title(), new SurveyView(event, "survey",
                survey.orElse(null), organiser && survey.isEmpty() && after, organiser && survey.isEmpty() && !after,
                organiser && open, takesPart,
                takesPart && open && me.has(Role.EMPLOYEE), choices(1, 5, mine.map(SurveyAnswer::rating)),
                choices(0, 10, mine.map(SurveyAnswer::again)), mine.orElse(null), feedback.orElse(null)));
          });
    });
  }

  private static List<Choice> choices(int min, int max, Optional<Integer> chosen) {
    return IntStream.rangeClosed(min, max).mapToObj(n -> new Choice(n, Integer.toString(n),
        chosen.map(c -> c == n).orElse(false))).toList();
  }
}
