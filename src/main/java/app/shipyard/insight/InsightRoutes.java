package app.shipyard.insight;

import app.shipyard.event.EventRepository;
import app.shipyard.identity.Role;
import app.shipyard.survey.Feedback;
import app.shipyard.survey.SurveyRepository;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The insights dashboard, per event and across a period, as a page, as JSON and each figure as CSV. Read-only, for
 * leadership, organisers and admins; employees get 403.
 */
public final class InsightRoutes implements Routes.Feature {

  static final Access READERS = Access.roles(Role.LEADERSHIP, Role.ORGANISER, Role.ADMIN);

  private final InsightRepository insights;
  private final EventRepository events;
  private final SurveyRepository surveys;
  private final Clock clock;

  public InsightRoutes(Pool pool, EventRepository events, SurveyRepository surveys) {
    this.insights = new InsightRepository(pool);
    this.events = events;
    this.surveys = surveys;
    this.clock = Clock.systemUTC();
  }

  /** Keeps the dashboard's per-event facts fresh in the background (once per process). */
  public Future<Void> keepFresh(Vertx vertx) {
    return insights.keepFresh(vertx);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/insights", READERS, ctx -> forPeriod(ctx).map(InsightPage::of))
        .get("/api/insights", READERS, ctx -> forPeriod(ctx).map(i -> Answer.json(i.toJson())))
        .get("/insights/:file", READERS, this::periodCsv)
        .get("/events/:id/insights", READERS, ctx -> forEvent(ctx).map(InsightPage::of))
        .get("/api/events/:id/insights", READERS, ctx -> forEvent(ctx).map(i -> Answer.json(i.toJson())))
        .get("/events/:id/insights/:file", READERS, this::eventCsv);
  }

  private Future<Insights> forPeriod(RoutingContext ctx) {
    Period period = Period.of(ctx, LocalDate.now(clock));
    return insights.eventsIn(period).compose(ids -> insights.figures(ids)
        .map(figures -> new Insights(null, period, ids.size(), figures, null, null)));
  }

  private Future<Insights> forEvent(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return events.get(id).compose(event -> Future.all(insights.figures(List.of(id)), surveys.feedback(id),
            surveys.previousFeedback(id))
        .map(all -> new Insights(event, null, 1, all.resultAt(0), all.<Optional<Feedback>>resultAt(1).orElse(null),
            all.<Optional<Feedback>>resultAt(2).orElse(null))));
  }

  private Future<Answer> periodCsv(RoutingContext ctx) {
    FigureKind kind = figureOf(ctx);
    Period period = Period.of(ctx, LocalDate.now(clock));
    return insights.eventsIn(period).compose(ids -> insights.figure(kind, ids))
        .map(figure -> csv(figure, "insights-" + period.from() + "-to-" + period.to()));
  }

  private Future<Answer> eventCsv(RoutingContext ctx) {
    FigureKind kind = figureOf(ctx);
    long id = Params.id(ctx, "id", "That event");
    return events.get(id).compose(event -> insights.figure(kind, List.of(id)))
        .map(figure -> csv(figure, "event-" + id));
  }

  /** {@code funnel.csv} names the funnel; anything else is not found. */
  private static FigureKind figureOf(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    return Optional.ofNullable(file).filter(f -> f.endsWith(".csv"))
        .flatMap(f -> FigureKind.byKey(f.substring(0, f.length() - ".csv".length())))
        .orElseThrow(() -> AppError.notFound("That figure"));
  }

  private static Answer csv(Figure figure, String scope) {
    return Answer.bytes("text/csv; charset=utf-8", Map.of(HttpHeaders.CONTENT_DISPOSITION.toString(),
        "attachment; filename=\"" + figure.csvName(scope) + "\""), Buffer.buffer(InsightCsv.write(figure)));
  }
}
