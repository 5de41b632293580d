package app.shipyard.event;

import app.shipyard.web.Access;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

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
    routes.legacyPost("/events/:id/schedule", EventRoutes.ORGANISERS, this::addForm)
        .legacyPost("/events/:id/schedule/:itemId/delete", EventRoutes.ORGANISERS, this::removeForm)
        .legacyGet("/events/:id/calendar.ics", Access.signedIn(), this::calendar)
        .legacyGet("/api/events/:id/schedule", Access.signedIn(), this::listApi)
        .legacyPost("/api/events/:id/schedule", EventRoutes.ORGANISERS, this::addApi)
        .legacyDelete("/api/events/:id/schedule/:itemId", EventRoutes.ORGANISERS, this::removeApi);
  }

  private void listApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    events.get(id).compose(e -> schedule.forEvent(id))
        .onSuccess(items -> Responses.json(ctx, new JsonArray(items.stream().map(ScheduleItem::toJson).toList())))
        .onFailure(ctx::fail);
  }

  /** Local date-times (as a form sends them) are read in the event's time zone. */
  private Future<Long> add(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return events.get(id).compose(e -> schedule.add(id, read(Input.of(ctx), Times.zone(e.timeZone()))));
  }

  private void addForm(RoutingContext ctx) {
    add(ctx).onSuccess(itemId -> Responses.seeOther(ctx, "/events/" + ctx.pathParam("id") + "#schedule"))
        .onFailure(ctx::fail);
  }

  private void addApi(RoutingContext ctx) {
    add(ctx).compose(schedule::get).onSuccess(item -> Responses.json(ctx, 201, item.toJson())).onFailure(ctx::fail);
  }

  private Future<Void> remove(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    long itemId = Params.id(ctx, "itemId", "That schedule item");
    return schedule.remove(id, itemId);
  }

  private void removeForm(RoutingContext ctx) {
    remove(ctx).onSuccess(done -> Responses.seeOther(ctx, "/events/" + ctx.pathParam("id") + "#schedule"))
        .onFailure(ctx::fail);
  }

  private void removeApi(RoutingContext ctx) {
    remove(ctx).onSuccess(done -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private void calendar(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Future.all(events.get(id), schedule.forEvent(id))
        .map(all -> EventCalendar.write(all.resultAt(0), all.resultAt(1), pageOf(ctx, id), Instant.now()))
        .onSuccess(ics -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"event-" + id + ".ics\"")
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(ics))
        .onFailure(ctx::fail);
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
