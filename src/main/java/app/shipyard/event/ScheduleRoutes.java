package app.shipyard.event;

import app.shipyard.web.Access;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Answer;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/** An event's schedule: organisers add and remove items; everyone signed in reads it, also as an .ics calendar. */
public final class ScheduleRoutes implements Routes.Feature {

  private final EventRepository events;
  private final ScheduleRepository schedule;

  public ScheduleRoutes(EventRepository events, ScheduleRepository schedule) {
    this.events = events;
    this.schedule = schedule;
  }

  @Override
  public void register(Routes routes) {
    routes.post("/events/:id/schedule", EventRoutes.ORGANISERS, this::addForm)
        .post("/events/:id/schedule/:itemId/delete", EventRoutes.ORGANISERS, this::removeForm)
        .get("/events/:id/calendar.ics", Access.signedIn(), this::calendar)
        .get("/api/events/:id/schedule", Access.signedIn(), this::listApi)
        .post("/api/events/:id/schedule", EventRoutes.ORGANISERS, this::addApi)
        .delete("/api/events/:id/schedule/:itemId", EventRoutes.ORGANISERS, this::removeApi);
  }

  private Future<Answer> listApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return events.get(id).compose(e -> schedule.forEvent(id))
        .map(items -> Answer.json(new JsonArray(items.stream().map(ScheduleItem::toJson).toList())));
  }

  /** Local date-times (as a form sends them) are read in the event's time zone. */
  private Future<Long> add(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return events.get(id).compose(e -> schedule.add(id, read(Input.of(ctx), Times.zone(e.timeZone()))));
  }

  private Future<Answer> addForm(RoutingContext ctx) {
    return add(ctx).map(itemId -> Answer.seeOther("/events/" + Params.id(ctx, "id", "That event") + "#schedule"));
  }

  private Future<Answer> addApi(RoutingContext ctx) {
    return add(ctx).compose(schedule::get).map(item -> Answer.json(201, item.toJson()));
  }

  private Future<Void> remove(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    long itemId = Params.id(ctx, "itemId", "That schedule item");
    return schedule.remove(id, itemId);
  }

  private Future<Answer> removeForm(RoutingContext ctx) {
    return remove(ctx).map(done -> Answer.seeOther("/events/" + Params.id(ctx, "id", "That event") + "#schedule"));
  }

  private Future<Answer> removeApi(RoutingContext ctx) {
    return remove(ctx).map(done -> Answer.noContent());
  }

  private Future<Answer> calendar(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return Future.all(events.get(id), schedule.forEvent(id))
        .map(all -> EventCalendar.write(all.resultAt(0), all.resultAt(1), pageOf(ctx, id), Instant.now()))
        .map(ics -> Answer.bytes("text/calendar; charset=utf-8", Map.of(
            "Content-Disposition", "attachment; filename=\"event-" + id + ".ics\"",
            HttpHeaders.CACHE_CONTROL.toString(), "no-store"), Buffer.buffer(ics)));
  }

  /** The event's page as an absolute address, from the address this request came to; null if that is unusable. */
  private static URI pageOf(RoutingContext ctx, long id) {
    String address = ctx.request().absoluteURI();
    try {
      return address == null ? null : URI.create(address).resolve("/events/" + id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ScheduleItem.New read(Input input, ZoneId zone) {
    String title = input.required("title", 120);
    OffsetDateTime starts = input.dateTime("startsAt", zone);
    OffsetDateTime ends = input.dateTime("endsAt", zone);
    if (starts != null && ends != null && !ends.isAfter(starts)) {
      input.problem("endsAt", "must be after the start");
    }
    Integer location = input.optionalId("locationId").orElse(null);
    input.check();
    return new ScheduleItem.New(title, starts, ends, location);
  }
}
