package app.shipyard.award;

import app.shipyard.db.Retry;
import app.shipyard.event.EventLocks;
import app.shipyard.event.EventRepository;
import app.shipyard.event.Phase;
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
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.function.Predicate;

/**
 * Awards as JSON: everyone signed in reads an event's and a project's; organisers give a judges' prize by hand (as
 * JSON or from the pitch page's form). Winners and finalists are published from voting rounds.
 */
public final class AwardRoutes implements Routes.Feature {

  private static final Access ORGANISERS = Access.roles(Role.ORGANISER, Role.ADMIN);
  private final Pool pool;
  private final AwardRepository awards;
  private final EventRepository events;

  public AwardRoutes(Pool pool, AwardRepository awards, EventRepository events) {
    this.pool = pool;
    this.awards = awards;
    this.events = events;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/events/:id/awards", Access.signedIn(), this::eventAwards)
        .post("/api/events/:id/awards", ORGANISERS, this::prizeApi)
        .get("/api/pitches/:id/awards", Access.signedIn(), this::pitchAwards)
        .post("/pitches/:id/prizes", ORGANISERS, this::prizeForm)
        .delete("/api/events/:id/awards/:award", ORGANISERS, this::removeApi)
        .post("/pitches/:id/prizes/:award/remove", ORGANISERS, this::removeForm);
  }

  /** The JSON of a list of awards. */
  public static JsonObject json(List<Award> list) {
    return new JsonObject().put("awards", Award.toJson(list));
  }

  private Future<Answer> eventAwards(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return events.get(id).compose(event -> awards.ofEvent(id)).map(list -> Answer.json(json(list)));
  }

  private Future<Answer> pitchAwards(RoutingContext ctx) {
    return awards.ofPitch(Params.id(ctx, "id", "That pitch")).map(list -> Answer.json(json(list)));
  }

  private Future<Answer> prizeApi(RoutingContext ctx) {
    long eventId = Params.id(ctx, "id", "That event");
    Input input = Input.of(ctx);
    String title = input.required("title", AwardWrites.TITLE);
    var pitchId = input.optionalId("pitchId");
    if (pitchId.isEmpty()) {
      input.problem("pitchId", "is required");
    }
    input.check();
    return prize(ctx, pitchId.get(), eventId, title).compose(awards::ofPitch)
        .map(list -> Answer.json(201, json(list)));
  }

  private Future<Answer> prizeForm(RoutingContext ctx) {
    long pitchId = Params.id(ctx, "id", "That pitch");
    Input input = Input.of(ctx);
    String title = input.required("title", AwardWrites.TITLE);
    input.check();
    return prize(ctx, pitchId, null, title).map(id -> Answer.seeOther("/pitches/" + pitchId + "#awards"));
  }

  private Future<Answer> removeApi(RoutingContext ctx) {
    long eventId = Params.id(ctx, "id", "That event");
    long awardId = Params.id(ctx, "award", "That award");
    return remove(ctx, awardId, award -> award.eventId() == eventId).map(pitchId -> Answer.noContent());
  }

  private Future<Answer> removeForm(RoutingContext ctx) {
    long pitchId = Params.id(ctx, "id", "That pitch");
    long awardId = Params.id(ctx, "award", "That award");
    return remove(ctx, awardId, award -> award.pitchId() == pitchId)
        .map(id -> Answer.seeOther("/pitches/" + pitchId + "#awards"));
  }

  /**
   * Takes back a judges' prize under its pitch's event lock (shared), as it was given. Winners and finalists are not
   * removed by hand: they follow the round's published results.
   */
  private Future<Long> remove(RoutingContext ctx, long awardId, Predicate<AwardWrites.Given> belongs) {
    return Retry.transaction(pool, tx -> AwardWrites.given(tx, awardId)
        .compose(found -> found.filter(belongs).map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(AppError.notFound("That award was not found."))))
        .compose(award -> EventLocks.lockPitch(tx, award.pitchId(), EventLocks.Hold.SHARED).compose(pitch -> {
          if (!award.kind().equals("prize")) {
            return Future.failedFuture(AppError.conflict(
                "Winners and finalists follow the round's published results: publish the results again to change them."));
          }
          if (pitch.phase() == Phase.ARCHIVED) {
            return Future.failedFuture(AppError.conflict("An archived event is read-only; its awards stay."));
          }
          return AwardWrites.removePrize(tx, awardId).map(done -> award.pitchId());
        })));
  }

  /** Gives the prize under the pitch's event lock (shared); {@code eventId}, when given, must be the pitch's. */
  private Future<Long> prize(RoutingContext ctx, long pitchId, Long eventId, String title) {
    long by = Viewer.person(ctx).id();
    return Retry.transaction(pool, tx -> EventLocks.lockPitch(tx, pitchId, EventLocks.Hold.SHARED)
        .recover(failure -> Future.failedFuture(eventId != null && failure instanceof AppError e && e.status() == 404
            ? AppError.invalid("pitchId", "is not a project of this event") : failure))
        .compose(pitch -> {
          if (eventId != null && pitch.eventId() != eventId) {
            return Future.failedFuture(AppError.invalid("pitchId", "is not a project of this event"));
          }
          if (pitch.phase() == Phase.ARCHIVED) {
            return Future.failedFuture(AppError.conflict("An archived event is read-only; it gets no new awards."));
          }
          if (!pitch.approved() || pitch.hidden()) {
            return Future.failedFuture(AppError.conflict("Only an approved, visible project can win a prize."));
          }
          return AwardWrites.prize(tx, pitch.eventId(), pitchId, title, by).map(id -> pitchId);
        }));
  }
}
