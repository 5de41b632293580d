package app.shipyard.voting;

import app.shipyard.award.AwardRepository;
import app.shipyard.award.AwardRoutes;
import app.shipyard.event.EventRepository;
import app.shipyard.event.Times;
import app.shipyard.web.Answer;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Organisers' decisions on a round after its creation, as JSON and as forms of the round page: its schedule, a
 * category's own visibility, a tie-break, carrying heats into a final, and publishing its awards. The JSON answer is
 * the round (or, for awards, what it awarded); a form goes back to the round page.
 */
public final class RoundDecisionRoutes implements Routes.Feature {

  private final RoundRepository rounds;
  private final EventRepository events;
  private final RoundSettings settings;
  private final TieBreaks tieBreaks;
  private final FinalCarry carry;
  private final AwardPublisher publisher;
  private final AwardRepository awards;

  public RoundDecisionRoutes(RoundRepository rounds, EventRepository events, RoundSettings settings,
                             AwardRepository awards) {
    this.rounds = rounds;
    this.events = events;
    this.settings = settings;
    this.tieBreaks = new TieBreaks(settings);
    this.carry = new FinalCarry(settings);
    this.publisher = new AwardPublisher(settings);
    this.awards = awards;
  }

  /** One decision: reads what it needs from the request and writes it for round {@code roundId}. */
  private interface Decision {
    Future<Void> take(RoutingContext ctx, long roundId, long by);
  }

  @Override
  public void register(Routes routes) {
    Function<Long, Future<Object>> round = id -> rounds.get(id).map(RoundJson::of);
    both(routes, "schedule", this::schedule, round);
    both(routes, "categories/:categoryId/visibility", this::visibility, round);
    both(routes, "categories/:categoryId/tie-break", this::tieBreak, round);
    both(routes, "carry", this::carry, round);
    both(routes, "awards", (ctx, id, by) -> publisher.publish(id, by), id -> awards.ofRound(id).map(AwardRoutes::json));
  }

  private void both(Routes routes, String tail, Decision decision, Function<Long, Future<Object>> json) {
    routes.post("/api/rounds/:id/" + tail, RoundRoutes.ORGANISERS,
            ctx -> take(ctx, decision).compose(json).map(Answer::json))
        .post("/rounds/:id/" + tail, RoundRoutes.ORGANISERS,
            ctx -> take(ctx, decision).map(id -> Answer.seeOther("/rounds/" + id)));
  }

  private static Future<Long> take(RoutingContext ctx, Decision decision) {
    long id = Params.id(ctx, "id", "That voting round");
    return decision.take(ctx, id, Viewer.person(ctx).id()).map(id);
  }

  private Future<Void> schedule(RoutingContext ctx, long id, long by) {
    return rounds.get(id).compose(r -> events.get(r.eventId())).compose(e -> {
      Input input = Input.of(ctx);
      RoundSchedule schedule = RoundSchedule.read(input, Times.zone(e.timeZone()));
      input.check();
      return settings.schedule(id, schedule, by);
    });
  }

  private Future<Void> visibility(RoutingContext ctx, long id, long by) {
    long category = Params.id(ctx, "categoryId", "That category");
    Input input = Input.of(ctx);
    String key = input.optional("visibility", 20).toLowerCase();
    Optional<Visibility> own = Keyed.parse(Visibility.values(), key);
    if (!key.isEmpty() && own.isEmpty()) {
      input.problem("visibility", "must be one of " + String.join(", ", Keyed.keys(Visibility.values()))
          + ", or empty to follow the round");
    }
    input.check();
    return settings.visibility(id, category, own.orElse(null), by);
  }

  private Future<Void> tieBreak(RoutingContext ctx, long id, long by) {
    long category = Params.id(ctx, "categoryId", "That category");
    Input input = Input.of(ctx);
    Optional<Integer> pitch = input.optionalId("pitchId");
    if (pitch.isEmpty()) {
      input.problem("pitchId", "is required");
    }
    String reason = input.required("reason", 500);
    input.check();
    return tieBreaks.decide(id, category, pitch.get(), reason, by);
  }

  private Future<Void> carry(RoutingContext ctx, long id, long by) {
    Input input = Input.of(ctx);
    List<Long> heats = input.ids("heatIds", 20).stream().map(Integer::longValue).toList();
    if (heats.isEmpty()) {
      input.problem("heatIds", "must name at least one heat");
    }
    int top = input.integer("top", 0, 1, 50);
    if (top == 0) {
      input.problem("top", "is required");
    }
    input.check();
    return carry.carry(id, heats, top, by);
  }
}
