package app.shipyard.survey;

import app.shipyard.event.EventRepository;
import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * An event's feedback survey: organisers open and close it, people who took part answer it (and change their answer
 * until it closes), organisers and leadership read the results. Pages with forms, and their JSON twins.
 */
public final class SurveyRoutes implements Routes.Feature {

  static final Access ORGANISERS = Access.roles(Role.ORGANISER, Role.ADMIN);
  static final Access READERS = Access.roles(Role.LEADERSHIP, Role.ORGANISER, Role.ADMIN);
  static final Access EMPLOYEES = Access.roles(Role.EMPLOYEE);

  private final SurveyRepository surveys;
  private final SurveyPage page;

  public SurveyRoutes(SurveyRepository surveys, EventRepository events) {
    this.surveys = surveys;
    this.page = new SurveyPage(surveys, events);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/events/:id/survey", Access.signedIn(), page::answer)
        .post("/events/:id/survey", ORGANISERS, ctx -> open(ctx).map(s -> back(ctx)))
        .post("/events/:id/survey/close", ORGANISERS, ctx -> close(ctx).map(s -> back(ctx)))
        .post("/events/:id/survey/answer", EMPLOYEES, ctx -> answer(ctx).map(created -> back(ctx)))
        .get("/api/events/:id/survey", Access.signedIn(), this::surveyApi)
        .post("/api/events/:id/survey", ORGANISERS, ctx -> open(ctx).map(s -> Answer.json(201, toJson(s))))
        .post("/api/events/:id/survey/close", ORGANISERS, ctx -> close(ctx).map(s -> Answer.json(toJson(s))))
        .put("/api/events/:id/survey/answer", EMPLOYEES, this::answerApi)
        .get("/api/events/:id/survey/results", READERS, this::resultsApi);
  }

  private static long eventId(RoutingContext ctx) {
    return Params.id(ctx, "id", "That event");
  }

  private static Answer back(RoutingContext ctx) {
    return Answer.seeOther("/events/" + eventId(ctx) + "/survey");
  }

  private Future<Survey> open(RoutingContext ctx) {
    return surveys.open(eventId(ctx), Viewer.person(ctx).id());
  }

  private Future<Survey> close(RoutingContext ctx) {
    return surveys.close(eventId(ctx));
  }

  private Future<Boolean> answer(RoutingContext ctx) {
    SurveyAnswer answer = SurveyAnswer.from(Input.of(ctx));
    return surveys.answer(eventId(ctx), Viewer.person(ctx).id(), answer);
  }

  private Future<Answer> answerApi(RoutingContext ctx) {
    SurveyAnswer answer = SurveyAnswer.from(Input.of(ctx));
    return surveys.answer(eventId(ctx), Viewer.person(ctx).id(), answer)
        .map(created -> Answer.json(created ? 201 : 200, answer.toJson().put("created", created)));
  }

  private Future<Answer> surveyApi(RoutingContext ctx) {
    long id = eventId(ctx);
    Person me = Viewer.person(ctx);
    return Future.all(page.event(id), surveys.find(id), surveys.takesPart(id, me.id())).compose(all -> {
      Optional<Survey> survey = all.resultAt(1);
      boolean takesPart = all.resultAt(2);
      return page.mine(survey, me).map(mine -> Answer.json(new JsonObject().put("eventId", id)
          .put("state", survey.map(Survey::state).orElse("none")).put("takesPart", takesPart)
          .put("canAnswer", takesPart && me.has(Role.EMPLOYEE) && survey.map(Survey::open).orElse(false))
          .put("questions", SurveyPage.QUESTIONS).put("answer", mine.map(SurveyAnswer::toJson).orElse(null))));
    });
  }

  private Future<Answer> resultsApi(RoutingContext ctx) {
    long id = eventId(ctx);
    return page.event(id).compose(e -> surveys.feedback(id)).map(feedback -> Answer.json(
        feedback.orElseThrow(() -> AppError.notFound("That event's survey")).toJson()));
  }

  static JsonObject toJson(Survey s) {
    return new JsonObject().put("id", s.id()).put("eventId", s.eventId()).put("state", s.state())
        .put("openedAt", s.openedAt().toString())
        .put("closedAt", s.closedAt() == null ? null : s.closedAt().toString());
  }
}
