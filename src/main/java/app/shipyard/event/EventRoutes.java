package app.shipyard.event;

import app.shipyard.identity.Person;
import app.shipyard.account.ReferenceRepository;
import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import app.shipyard.web.Input;
import app.shipyard.web.Markdown;
import app.shipyard.web.Params;
import app.shipyard.web.Choice;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Events: list, create and edit (organisers), and the overview page with its schedule. */
public final class EventRoutes implements Routes.Feature {

  static final Access ORGANISERS = Access.roles(Role.ORGANISER, Role.ADMIN);
  private final EventRepository events;
  private final EventEdits edits;
  private final ScheduleRepository schedule;
  private final ReferenceRepository reference;

  public EventRoutes(EventRepository events, EventEdits edits, ScheduleRepository schedule,
                     ReferenceRepository reference) {
    this.events = events;
    this.edits = edits;
    this.schedule = schedule;
    this.reference = reference;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/events", Access.signedIn(), this::listPage)
        .get("/events/new", ORGANISERS, this::newPage)
        .post("/events", ORGANISERS, this::createForm)
        .get("/events/:id", Access.signedIn(), this::eventPage)
        .get("/events/:id/edit", ORGANISERS, this::editPage)
        .post("/events/:id", ORGANISERS, this::editForm)
        .get("/api/events", Access.signedIn(), this::listApi)
        .post("/api/events", ORGANISERS, this::createApi)
        .get("/api/events/:id", Access.signedIn(), this::eventApi)
        .put("/api/events/:id", ORGANISERS, this::editApi);
  }

  record ListView(List<Listed> events) {}

  record Listed(Event event, String when) {}

  record FormView(EventDetails.Form form) {}

  record EditView(Event event, EventDetails.Form form, boolean rulesLocked) {}

  /** The overview page: the event in the viewer's time, its schedule, its phase history and the organiser's moves. */
  record OverviewView(Event event, String tab, String descriptionHtml, Times.Shown starts, Times.Shown ends,
                      boolean differentZone, List<EventRepository.PhaseChange> history, boolean isOrganiser, List<PhaseMove> phases,
                      List<Slot> schedule, boolean canChange, List<Choice> eventLocations) {}

  record PhaseMove(String key, String label, boolean current, boolean allowed) {}

  record Slot(ScheduleItem item, Times.Shown when) {}

  private Future<Answer> listPage(RoutingContext ctx) {
    Person me = Viewer.person(ctx);
    return events.list(DraftEvents.seesDrafts(me)).map(list -> Answer.page("event/list", "Events", new ListView(
        list.stream().map(e -> new Listed(e, Times.withZone(e.startsAt(), Times.viewerZone(me, e)))).toList())));
  }

  private Future<Answer> listApi(RoutingContext ctx) {
    return events.list(DraftEvents.seesDrafts(Viewer.person(ctx)))
        .map(list -> Answer.json(new JsonArray(list.stream().map(EventJson::of).toList())));
  }

  private Future<Answer> newPage(RoutingContext ctx) {
    return reference.locations()
        .map(locations -> Answer.page("event/new", "New event", new FormView(EventDetails.blankForm(locations))));
  }

  private Future<Answer> createForm(RoutingContext ctx) {
    EventDetails event = EventDetails.read(Input.of(ctx));
    return events.create(event, Viewer.person(ctx).id()).map(id -> Answer.seeOther("/events/" + id));
  }

  private Future<Answer> createApi(RoutingContext ctx) {
    EventDetails event = EventDetails.read(Input.of(ctx));
    return events.create(event, Viewer.person(ctx).id()).compose(events::get)
        .map(e -> Answer.json(201, EventJson.of(e)));
  }

  private Future<Answer> editPage(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return Future.all(events.get(id), reference.locations()).map(all -> {
      Event e = all.resultAt(0);
      if (e.phase() == Phase.ARCHIVED) {
        throw AppError.conflict(EventEdits.ARCHIVED);
      }
      return Answer.page("event/edit", "Edit " + e.title(),
          new EditView(e, EventDetails.form(e, all.resultAt(1)), e.phase().teamsLocked()));
    });
  }

  private Future<Event> edit(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    EventDetails details = EventDetails.read(Input.of(ctx));
    return edits.update(id, details).compose(done -> events.get(id));
  }

  private Future<Answer> editForm(RoutingContext ctx) {
    return edit(ctx).map(e -> Answer.seeOther("/events/" + e.id()));
  }

  private Future<Answer> editApi(RoutingContext ctx) {
    return edit(ctx).map(e -> Answer.json(EventJson.of(e)));
  }

  private Future<Answer> eventPage(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Person me = Viewer.person(ctx);
    return Future.all(events.get(id), events.history(id), schedule.forEvent(id)).map(all -> {
      Event e = all.resultAt(0);
      List<ScheduleItem> items = all.resultAt(2);
      ZoneId mine = Times.viewerZone(me, e);
      ZoneId theirs = Times.zone(e.timeZone());
      boolean organiser = me.has(Role.ORGANISER) || me.has(Role.ADMIN);
      return Answer.page("event/event", e.title(), new OverviewView(e, "overview", Markdown.toHtml(e.description()),
          Times.moment(e.startsAt(), mine, theirs), Times.moment(e.endsAt(), mine, theirs), !mine.equals(theirs),
          all.resultAt(1), organiser,
          Arrays.stream(Phase.values()).map(p -> new PhaseMove(p.key(), p.label(), p == e.phase(),
              e.phase().refusalToMoveTo(p).isEmpty())).toList(),
          items.stream().map(item -> new Slot(item, Times.span(item.startsAt(), item.endsAt(), mine, theirs))).toList(),
          organiser && e.phase() != Phase.ARCHIVED,
          IntStream.range(0, e.locationIds().size())
              .mapToObj(i -> new Choice(e.locationIds().get(i), e.locations().get(i), false)).toList()));
    });
  }

  /** The event alone; its pitches are a paged list of their own ({@code links.pitches}). */
  private Future<Answer> eventApi(RoutingContext ctx) {
    return events.get(Params.id(ctx, "id", "That event")).map(e -> Answer.json(EventJson.withLinks(e)));
  }
}
