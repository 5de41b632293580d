package app.shipyard.event;

import app.shipyard.account.Person;
import app.shipyard.account.ReferenceRepository;
import app.shipyard.account.Role;
import app.shipyard.event.EventRepository.NewEvent;
import app.shipyard.pitch.Audience;
import app.shipyard.pitch.PitchRepository;
import app.shipyard.web.Access;
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
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events: list, create (organisers), view, and move through phases (organisers). */
public final class EventRoutes implements Routes.Feature {

  private static final Access ORGANISERS = Access.roles(Role.ORGANISER, Role.ADMIN);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");
  private final EventRepository events;
  private final PitchRepository pitches;
  private final ReferenceRepository reference;
  private final Views views;

  public EventRoutes(EventRepository events, PitchRepository pitches, ReferenceRepository reference, Views views) {
    this.events = events;
    this.pitches = pitches;
    this.reference = reference;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/events", Access.signedIn(), this::listPage)
        .get("/events/new", ORGANISERS, this::newPage)
        .post("/events", ORGANISERS, this::createForm)
        .get("/events/:id", Access.signedIn(), this::eventPage)
        .post("/events/:id/phase", ORGANISERS, this::phaseForm)
        .get("/api/events", Access.signedIn(), this::listApi)
        .post("/api/events", ORGANISERS, this::createApi)
        .get("/api/events/:id", Access.signedIn(), this::eventApi)
        .post("/api/events/:id/phase", ORGANISERS, this::phaseApi);
  }

  private void listPage(RoutingContext ctx) {
    events.list().onSuccess(list -> views.page(ctx, "event/list", "Events", Map.of("events", list.stream()
        .map(e -> Map.of("event", e, "when", shown(e.startsAt(), viewerZone(ctx, e)))).toList()))).onFailure(ctx::fail);
  }

  private void listApi(RoutingContext ctx) {
    events.list().onSuccess(list -> Responses.json(ctx, new JsonArray(list.stream().map(EventJson::of).toList())))
        .onFailure(ctx::fail);
  }

  private void newPage(RoutingContext ctx) {
    reference.locations().onSuccess(locations -> views.page(ctx, "event/new", "New event",
        Map.of("locations", locations))).onFailure(ctx::fail);
  }

  private void createForm(RoutingContext ctx) {
    NewEvent event = read(Input.of(ctx));
    events.create(event, Viewer.person(ctx).id()).onSuccess(id -> Responses.seeOther(ctx, "/events/" + id))
        .onFailure(ctx::fail);
  }

  private void createApi(RoutingContext ctx) {
    NewEvent event = read(Input.of(ctx));
    events.create(event, Viewer.person(ctx).id()).compose(events::get)
        .onSuccess(e -> Responses.json(ctx, 201, EventJson.of(e))).onFailure(ctx::fail);
  }

  private Future<Map<String, Object>> eventModel(RoutingContext ctx, long id) {
    return Future.all(events.get(id), events.history(id)).map(all -> {
      Event e = all.resultAt(0);
      Person me = Viewer.person(ctx);
      ZoneId mine = viewerZone(ctx, e);
      ZoneId theirs = zone(e.timeZone());
      Map<String, Object> model = new HashMap<>();
      model.put("event", e);
      model.put("tab", "overview");
      model.put("descriptionHtml", Markdown.toHtml(e.description()));
      model.put("startsMine", shown(e.startsAt(), mine) + " (" + mine.getId() + ")");
      model.put("endsMine", shown(e.endsAt(), mine) + " (" + mine.getId() + ")");
      model.put("startsLocal", shown(e.startsAt(), theirs) + " (" + theirs.getId() + ")");
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
    eventModel(ctx, id).onSuccess(model -> views.page(ctx, "event/event", ((Event) model.get("event")).title(), model))
        .onFailure(ctx::fail);
  }

  private void eventApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Future.all(events.get(id), pitches.forEvent(id, Audience.of(Viewer.person(ctx))))
        .onSuccess(all -> Responses.json(ctx, EventJson.of(all.resultAt(0), all.resultAt(1)))).onFailure(ctx::fail);
  }

  private Future<Event> changePhase(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Input input = Input.of(ctx);
    String key = input.required("phase", 20);
    input.check();
    Phase target = Phase.parse(key).orElseThrow(() -> AppError.invalid("phase", "must be one of "
        + Arrays.stream(Phase.values()).map(Phase::key).toList()));
    return events.changePhase(id, target, Viewer.person(ctx).id()).compose(done -> events.get(id));
  }

  private void phaseForm(RoutingContext ctx) {
    changePhase(ctx).onSuccess(e -> Responses.seeOther(ctx, "/events/" + e.id())).onFailure(ctx::fail);
  }

  private void phaseApi(RoutingContext ctx) {
    changePhase(ctx).onSuccess(e -> Responses.json(ctx, EventJson.of(e))).onFailure(ctx::fail);
  }

  private static NewEvent read(Input input) {
    String kind = input.required("kind", 10);
    if (!kind.isEmpty() && !kind.equals("day") && !kind.equals("lab")) {
      input.problem("kind", "must be day or lab");
    }
    String title = input.required("title", 120);
    String theme = input.optional("theme", 200);
    String description = input.optional("description", 20000);
    String zoneText = input.optional("timeZone", 60);
    ZoneId zone = ZoneId.of("UTC");
    if (!zoneText.isEmpty()) {
      try {
        zone = ZoneId.of(zoneText);
      } catch (DateTimeException e) {
        input.problem("timeZone", "is not a known time zone (e.g. Europe/Berlin)");
      }
    }
    OffsetDateTime starts = input.dateTime("startsAt", zone);
    OffsetDateTime ends = input.dateTime("endsAt", zone);
    if (starts != null && ends != null && !ends.isAfter(starts)) {
      input.problem("endsAt", "must be after the start");
    }
    int teamMin = input.integer("teamMin", 1, 1, 50);
    int teamMax = input.integer("teamMax", 6, 1, 50);
    if (teamMax < teamMin) {
      input.problem("teamMax", "must be at least teamMin");
    }
    int perPerson = input.integer("teamsPerPerson", 1, 1, 5);
    boolean approval = input.bool("pitchesNeedApproval");
    boolean byRequest = input.bool("joinByRequest");
    List<Integer> locations = input.ids("locationIds", 50);
    input.check();
    return new NewEvent(kind, title, theme, description, starts, ends, zone.getId(),
        new Event.Rules(teamMin, teamMax, perPerson, approval, byRequest), locations);
  }

  public static ZoneId viewerZone(RoutingContext ctx, Event e) {
    Person me = Viewer.person(ctx);
    return me.location() == null ? zone(e.timeZone()) : zone(me.location().timeZone());
  }

  static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  public static String shown(OffsetDateTime t, ZoneId zone) {
    return t.atZoneSameInstant(zone).format(SHOWN);
  }
}
