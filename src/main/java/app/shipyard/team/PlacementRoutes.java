package app.shipyard.team;

import app.shipyard.identity.Role;
import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.team.AutoPlacement.Pick;
import app.shipyard.web.Access;
import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Organisers review a suggested placement of the free agents onto teams, and apply the placements they keep. */
public final class PlacementRoutes implements Routes.Feature {

  private static final Access ORGANISERS = Access.roles(Role.ORGANISER, Role.ADMIN);
  private static final int MAX_PICKS = 1000;
  private static final String PICKS_PROBLEM = "must be a list of {personId, pitchId} with positive whole numbers";
  private final AutoPlacement placements;
  private final EventRepository events;
  private final Views views;

  public PlacementRoutes(AutoPlacement placements, EventRepository events, Views views) {
    this.placements = placements;
    this.events = events;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/events/:id/placement", ORGANISERS, ctx -> page(ctx, null))
        .legacyPost("/events/:id/placement", ORGANISERS, this::applyForm)
        .legacyGet("/api/events/:id/placement", ORGANISERS, this::suggestionApi)
        .legacyPost("/api/events/:id/placement", ORGANISERS, this::applyApi);
  }

  private void page(RoutingContext ctx, AutoPlacement.Applied applied) {
    long id = Params.id(ctx, "id", "That event");
    Future.all(events.get(id), placements.suggest(id)).onSuccess(all -> {
      Event event = all.resultAt(0);
      Map<String, Object> model = new HashMap<>();
      model.put("event", event);
      model.put("tab", "teams");
      model.put("suggestion", all.resultAt(1));
      model.put("teamsOpen", event.phase().teamsOpen());
      if (applied != null) {
        model.put("applied", applied);
      }
      views.page(ctx, "team/placement", event.title() + " · placement", model);
    }).onFailure(ctx::fail);
  }

  private Future<AutoPlacement.Applied> apply(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    List<Pick> picks = picks(ctx);
    return events.get(id).compose(e -> placements.apply(id, picks));
  }

  private void applyForm(RoutingContext ctx) {
    apply(ctx).onSuccess(applied -> page(ctx, applied)).onFailure(ctx::fail);
  }

  private void applyApi(RoutingContext ctx) {
    apply(ctx).onSuccess(applied -> Responses.json(ctx, applied.json())).onFailure(ctx::fail);
  }

  private void suggestionApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    events.get(id).compose(e -> placements.suggest(id))
        .onSuccess(s -> Responses.json(ctx, TeamJson.of(s).put("eventId", id))).onFailure(ctx::fail);
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
        String[] ids = value.split(":");
        try {
          picks.add(new Pick(Long.parseLong(ids[0]), Long.parseLong(ids[1])));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
          throw AppError.invalid("placement", "must be personId:pitchId");
        }
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
