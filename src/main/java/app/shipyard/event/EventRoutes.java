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
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Events: list, create and edit (organisers), and the overview page with its schedule. */
public final class EventRoutes implements Routes.Feature {

  static final Access ORGANISERS = Access.roles(Role.ORGANISER, Role.ADMIN);
  private final EventRepository events;
  private final EventEdits edits;
  private final ScheduleRepository schedule;
  private final ReferenceRepository reference;
  private final Views views;

  public EventRoutes(EventRepository events, EventEdits edits, ScheduleRepository schedule,
                     ReferenceRepository reference, Views views) {
    this.events = events;
    this.edits = edits;
    this.schedule = schedule;
    this.reference = reference;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/events", Access.signedIn(), this::listPage)
        .legacyGet("/events/new", ORGANISERS, this::newPage)
        .legacyPost("/events", ORGANISERS, this::createForm)
        .legacyGet("/events/:id", Access.signedIn(), this::eventPage)
        .legacyGet("/events/:id/edit", ORGANISERS, this::editPage)
        .legacyPost("/events/:id", ORGANISERS, this::editForm)
        .legacyGet("/api/events", Access.signedIn(), this::listApi)
        .legacyPost("/api/events", ORGANISERS, this::createApi)
        .get("/api/events/:id", Access.signedIn(), this::eventApi)
        .legacyPut("/api/events/:id", ORGANISERS, this::editApi);
  }

  private void listPage(RoutingContext ctx) {
    Person me = Viewer.person(ctx);
    events.list(DraftEvents.seesDrafts(me)).onSuccess(list -> views.page(ctx, "event/list", "Events",
        Map.of("events", list.stream()
            .map(e -> Map.of("event", e, "when", Times.withZone(e.startsAt(), Times.viewerZone(me, e)))).toList())))
        .onFailure(ctx::fail);
  }

  private void listApi(RoutingContext ctx) {
    events.list(DraftEvents.seesDrafts(Viewer.person(ctx)))
        .onSuccess(list -> Responses.json(ctx, new JsonArray(list.stream().map(EventJson::of).toList())))
        .onFailure(ctx::fail);
  }

  private void newPage(RoutingContext ctx) {
    reference.locations().onSuccess(locations -> views.page(ctx, "event/new", "New event",
        Map.of("form", EventDetails.blankForm(locations)))).onFailure(ctx::fail);
  }

  private void createForm(RoutingContext ctx) {
    EventDetails event = EventDetails.read(Input.of(ctx));
    events.create(event, Viewer.person(ctx).id()).onSuccess(id -> Responses.seeOther(ctx, "/events/" + id))
        .onFailure(ctx::fail);
  }

  private void createApi(RoutingContext ctx) {
    EventDetails event = EventDetails.read(Input.of(ctx));
    events.create(event, Viewer.person(ctx).id()).compose(events::get)
        .onSuccess(e -> Responses.json(ctx, 201, EventJson.of(e))).onFailure(ctx::fail);
  }

  private void editPage(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Future.all(events.get(id), reference.locations()).map(all -> {
      Event e = all.resultAt(0);
      if (e.phase() == Phase.ARCHIVED) {
        throw AppError.conflict(EventEdits.ARCHIVED);
      }
      return Map.<String, Object>of("event", e, "form", EventDetails.form(e, all.resultAt(1)),
          "rulesLocked", e.phase().teamsLocked());
    }).onSuccess(model -> views.page(ctx, "event/edit", "Edit " + ((Event) model.get("event")).title(), model))
        .onFailure(ctx::fail);
  }

  private Future<Event> edit(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    EventDetails details = EventDetails.read(Input.of(ctx));
    return edits.update(id, details).compose(done -> events.get(id));
  }

  private void editForm(RoutingContext ctx) {
    edit(ctx).onSuccess(e -> Responses.seeOther(ctx, "/events/" + e.id())).onFailure(ctx::fail);
  }

  private void editApi(RoutingContext ctx) {
    edit(ctx).onSuccess(e -> Responses.json(ctx, EventJson.of(e))).onFailure(ctx::fail);
  }

  private Future<Map<String, Object>> eventModel(RoutingContext ctx, long id) {
    return Future.all(events.get(id), events.history(id)).map(all -> {
      Event e = all.resultAt(0);
      Person me = Viewer.person(ctx);
      ZoneId mine = Times.viewerZone(me, e);
      ZoneId theirs = Times.zone(e.timeZone());
      Map<String, Object> model = new HashMap<>();
      model.put("event", e);
      model.put("tab", "overview");
      model.put("descriptionHtml", Markdown.toHtml(e.description()));
      model.put("starts", Times.moment(e.startsAt(), mine, theirs));
      model.put("ends", Times.moment(e.endsAt(), mine, theirs));
      model.put("differentZone", !mine.equals(theirs));
      model.put("history", all.resultAt(1));
      boolean organiser = me.has(Role.ORGANISER) || me.has(Role.ADMIN);
      model.put("isOrganiser", organiser);
      model.put("phases", Arrays.stream(Phase.values()).map(p -> Map.of("key", p.key(), "label", p.label(),
          "current", p == e.phase(), "allowed", e.phase().refusalToMoveTo(p).isEmpty())).toList());
      return model;
    });
  }

  private void eventPage(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Future.all(eventModel(ctx, id), schedule.forEvent(id))
        .map(all -> withSchedule(ctx, all.resultAt(0), all.resultAt(1)))
        .onSuccess(model -> views.page(ctx, "event/event", ((Event) model.get("event")).title(), model))
        .onFailure(ctx::fail);
  }

  /** The overview's schedule (times as the viewer reads them) and what an organiser may change. */
  private static Map<String, Object> withSchedule(RoutingContext ctx, Map<String, Object> model, List<ScheduleItem> items) {
    Event e = (Event) model.get("event");
    ZoneId mine = Times.viewerZone(Viewer.person(ctx), e);
    ZoneId theirs = Times.zone(e.timeZone());
    model.put("schedule", items.stream().map(item -> Map.of("item", item,
        "when", Times.span(item.startsAt(), item.endsAt(), mine, theirs))).toList());
    model.put("canChange", Boolean.TRUE.equals(model.get("isOrganiser")) && e.phase() != Phase.ARCHIVED);
    model.put("eventLocations", IntStream.range(0, e.locationIds().size())
        .mapToObj(i -> Map.of("id", e.locationIds().get(i), "name", e.locations().get(i))).toList());
    return model;
  }

  /** The event alone; its pitches are a paged list of their own ({@code links.pitches}). */
  private Future<Answer> eventApi(RoutingContext ctx) {
    return events.get(Params.id(ctx, "id", "That event")).map(e -> Answer.json(EventJson.withLinks(e)));
  }
}
