package app.shipyard.pitch;

import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.identity.Location;
import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Choice;
import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An event's pitches, sorted, filtered and paged in the database, with the form to pitch an idea. */
public final class PitchListRoutes implements Routes.Feature {

  private static final Map<PitchFilter.Sort, String> SORT_LABELS = Map.of(PitchFilter.Sort.NEWEST, "Newest first",
      PitchFilter.Sort.INTEREST, "Most interest", PitchFilter.Sort.OPEN, "Most open places");
  private final PitchRepository pitches;
  private final EventRepository events;

  public PitchListRoutes(PitchRepository pitches, EventRepository events) {
    this.pitches = pitches;
    this.events = events;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/events/:id/pitches", Access.signedIn(), this::listPage)
        .get("/api/events/:id/pitches", Access.signedIn(), this::listApi);
  }

  private record Listing(Event event, List<Location> locations, PitchFilter filter, PitchList page) {}

  /** The page {@code /events/{id}/pitches}; the names are the template's. */
  public record ListView(Event event, String tab, boolean isLab, PitchFilter filter, List<SortChoice> sorts,
                         List<LocationOption> locationFilter, List<PitchSummary> pitches, Pager pager, boolean canPitch,
                         List<Choice> locations) {}

  public record SortChoice(String key, String label, boolean selected) {}

  public record LocationOption(int id, String name, boolean selected) {}

  /** A check box of the pitch form's locations. */

  /** Links to the first, previous and next page ({@code null} where there is none), for {@code layout/pager}. */
  public record Pager(String label, String first, String previous, String next) {
    public boolean shown() {
      return previous != null || next != null;
    }
  }

  private Future<Listing> listing(RoutingContext ctx) {
    long eventId = Params.id(ctx, "id", "That event");
    PitchFilter filter = PitchFilter.from(ctx);
    Audience me = Audience.of(Viewer.person(ctx));
    return Future.all(events.get(eventId), pitches.locations(eventId)).compose(all -> {
      List<Location> locations = all.resultAt(1);
      if (filter.locationId() != null && locations.stream().noneMatch(l -> l.id() == filter.locationId())) {
        throw AppError.invalid("location", "is not a location of this event");
      }
      return pitches.page(eventId, me, filter).map(page -> new Listing(all.resultAt(0), locations, filter, page));
    });
  }

  private Future<Answer> listApi(RoutingContext ctx) {
    return listing(ctx).map(l -> Answer.json(PitchJson.of(l.filter(), l.page())));
  }

  private Future<Answer> listPage(RoutingContext ctx) {
    boolean employee = Viewer.person(ctx).has(Role.EMPLOYEE);
    return listing(ctx).map(l -> {
      PitchFilter f = l.filter();
      return Answer.page("pitch/pitches", "Pitches · " + l.event().title(), new ListView(l.event(), "pitches",
          "lab".equals(l.event().kind()), f,
          Arrays.stream(PitchFilter.Sort.values()).map(s -> new SortChoice(s.key(), SORT_LABELS.get(s), s == f.sort()))
              .toList(),
          l.locations().stream().map(loc -> new LocationOption(loc.id(), loc.name(),
              Objects.equals(loc.id(), f.locationId()))).toList(),
          l.page().pitches(), pager(l), l.event().phase().pitchesOpen() && employee,
          locationChoices(l.locations(), List.of())));
    });
  }

  /** Plain links that keep the sort, the filters and the page size; no script needed. */
  private static Pager pager(Listing l) {
    String path = "/events/" + l.event().id() + "/pitches";
    PitchFilter f = l.filter();
    PitchList page = l.page();
    return new Pager("More pitches", page.previous() == null ? null : path + f.at(null).query(),
        page.previous() == null ? null : path + f.at(page.previous()).query(),
        page.next() == null ? null : path + f.at(page.next()).query());
  }

  /** Check boxes for the pitch form: the event's locations, ticked where the pitch names them. */
  static List<Choice> locationChoices(List<Location> allowed, List<Location> chosen) {
    return allowed.stream().map(l -> new Choice(l.id(), l.name(),
        chosen.stream().anyMatch(c -> c.id() == l.id()))).toList();
  }
}
