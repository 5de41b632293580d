package app.shipyard.team;

import app.shipyard.identity.Role;
import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.team.AutoPlacement.Pick;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Organisers review a suggested placement of the free agents onto teams, and apply the placements they keep. */
public final class PlacementRoutes implements Routes.Feature {

  private static final Access ORGANISERS = Access.roles(Role.ORGANISER, Role.ADMIN);
  private static final int MAX_PICKS = 1000;
  private static final String PICKS_PROBLEM = "must be a list of {personId, pitchId} with positive whole numbers";
  private final AutoPlacement placements;
  private final EventRepository events;

  public PlacementRoutes(AutoPlacement placements, EventRepository events) {
    this.placements = placements;
    this.events = events;
  }

  /** The placement page: the suggestion to review and, after applying, what was placed and refused (else null). */
  record PlacementView(Event event, String tab, PlacementPlanner.Suggestion suggestion, boolean teamsOpen,
                       AutoPlacement.Applied applied) {}

  @Override
  public void register(Routes routes) {
    routes.get("/events/:id/placement", ORGANISERS, ctx -> page(ctx, null))
        .post("/events/:id/placement", ORGANISERS, this::applyForm)
        .get("/api/events/:id/placement", ORGANISERS, this::suggestionApi)
        .post("/api/events/:id/placement", ORGANISERS, this::applyApi);
  }

  private Future<Answer> page(RoutingContext ctx, AutoPlacement.Applied applied) {
    long id = Params.id(ctx, "id", "That event");
    return Future.all(events.get(id), placements.suggest(id)).map(all -> {
      Event event = all.resultAt(0);
      return Answer.page("team/placement", event.title() + " · placement", new PlacementView(event, "teams",
          all.resultAt(1), event.phase().teamsOpen(), applied));
    });
  }

  private Future<AutoPlacement.Applied> apply(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    List<Pick> picks = picks(ctx);
    return events.get(id).compose(e -> placements.apply(id, picks));
  }

  private Future<Answer> applyForm(RoutingContext ctx) {
    return apply(ctx).compose(applied -> page(ctx, applied));
  }

  private Future<Answer> applyApi(RoutingContext ctx) {
    return apply(ctx).map(applied -> Answer.json(applied.json()));
  }

  private Future<Answer> suggestionApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return events.get(id).compose(e -> placements.suggest(id))
        .map(s -> Answer.json(TeamJson.of(s).put("eventId", id)));
  }

  /** JSON {@code {placements: [{personId, pitchId}]}}, or form checkboxes {@code placement=personId:pitchId}. */
  private static List<Pick> picks(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    List<Pick> picks = new ArrayList<>();
    if (type != null && type.toLowerCase().startsWith("application/json")) {
      for (Object item : jsonList(Input.text(ctx))) {
        if (!(item instanceof JsonObject o) || !(o.getValue("personId") instanceof Number person)
            || !(o.getValue("pitchId") instanceof Number pitch) || person.longValue() < 1 || pitch.longValue() < 1
            || person.doubleValue() != person.longValue() || pitch.doubleValue() != pitch.longValue()) {
          throw AppError.invalid("placements", PICKS_PROBLEM);
        }
        picks.add(new Pick(person.longValue(), pitch.longValue()));
      }
    } else {
      Input input = Input.of(ctx);
      List<String> values = input.list("placement", MAX_PICKS, 41);
      input.check();
      for (String value : values) {
        String[] ids = value.split(":", -1);
        Optional<Long> person = ids.length == 2 ? Params.wholeNumber(ids[0]) : Optional.empty();
        Optional<Long> pitch = ids.length == 2 ? Params.wholeNumber(ids[1]) : Optional.empty();
        if (person.isEmpty() || pitch.isEmpty()) {
          throw AppError.invalid("placement", "must be personId:pitchId");
        }
        picks.add(new Pick(person.get(), pitch.get()));
      }
    }
    return picks;
  }

  private static JsonArray jsonList(String text) {
    Object body;
    try {
      body = text.isBlank() ? new JsonObject() : Json.decodeValue(text);
    } catch (DecodeException e) {
      throw AppError.badRequest("The request body is not valid JSON.");
    }
    if (!(body instanceof JsonObject object)) {
      throw AppError.badRequest("The request body must be a JSON object.");
    }
    if (!(object.getValue("placements") instanceof JsonArray list) || list.size() > MAX_PICKS) {
      throw AppError.invalid("placements", PICKS_PROBLEM + " (at most " + MAX_PICKS + ")");
    }
    return list;
  }
}
