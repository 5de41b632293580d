package app.shipyard.pitch;

import app.shipyard.identity.Location;
import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.event.Event;
import app.shipyard.event.EventJson;
import app.shipyard.event.EventRepository;
import app.shipyard.web.Access;
import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An event's pitches, sorted and filtered in the database, with the form to pitch an idea. */
public final class PitchListRoutes implements Routes.Feature {

  private static final Map<PitchFilter.Sort, String> SORT_LABELS = Map.of(PitchFilter.Sort.NEWEST, "Newest first",
      PitchFilter.Sort.INTEREST, "Most interest", PitchFilter.Sort.OPEN, "Most open places");
  private final PitchRepository pitches;
  private final EventRepository events;
  private final Views views;

  public PitchListRoutes(PitchRepository pitches, EventRepository events, Views views) {
    this.pitches = pitches;
    this.events = events;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/events/:id/pitches", Access.signedIn(), this::listPage)
        .legacyGet("/api/events/:id/pitches", Access.signedIn(), this::listApi);
  }

  private record ListingKind(Event event, List<Location> locations, PitchFilter filter, List<Pitch> pitches) {}

  private Future<ListingKind> listing(RoutingContext ctx) {
    long eventId = Params.id(ctx, "id", "That event");
    PitchFilter filter = PitchFilter.from(ctx);
    Audience me = Audience.of(Viewer.person(ctx));
    return Future.all(events.get(eventId), pitches.locations(eventId)).compose(all -> {
      List<Location> locations = all.resultAt(1);
      if (filter.locationId() != null && locations.stream().noneMatch(l -> l.id() == filter.locationId())) {
        throw AppError.invalid("location", "is not a location of this event");
      }
      return pitches.list(eventId, me, filter).map(list -> new ListingKind(all.resultAt(0), locations, filter, list));
    });
  }

  private void listApi(RoutingContext ctx) {
    listing(ctx).onSuccess(l -> Responses.json(ctx, new JsonArray(l.pitches().stream().map(EventJson::of).toList())))
        .onFailure(ctx::fail);
  }

  private void listPage(RoutingContext ctx) {
    Person me = Viewer.person(ctx);
    listing(ctx).onSuccess(l -> {
      Map<String, Object> model = new HashMap<>();
      model.put("event", l.event());
      model.put("tab", "pitches");
      model.put("pitches", l.pitches());
      model.put("isLab", "lab".equals(l.event().kind()));
      model.put("filter", l.filter());
      model.put("sorts", Arrays.stream(PitchFilter.Sort.values()).map(s -> Map.of("key", s.key(),
          "label", SORT_LABELS.get(s), "selected", s == l.filter().sort())).toList());
      model.put("locationFilter", l.locations().stream().map(loc -> Map.of("id", loc.id(), "name", loc.name(),
          "selected", Objects.equals(loc.id(), l.filter().locationId()))).toList());
      model.put("canPitch", l.event().phase().pitchesOpen() && me.has(Role.EMPLOYEE));
      model.put("locations", locationChoices(l.locations(), List.of()));
      views.page(ctx, "pitch/pitches", "Pitches · " + l.event().title(), model);
    }).onFailure(ctx::fail);
  }

  /** Check boxes for the pitch form: the event's locations, ticked where the pitch names them. */
  static List<Map<String, Object>> locationChoices(List<Location> allowed, List<Location> chosen) {
    return allowed.stream().map(l -> Map.<String, Object>of("id", l.id(), "name", l.name(),
        "checked", chosen.stream().anyMatch(c -> c.id() == l.id()))).toList();
  }
}
