package app.shipyard.event;

import app.shipyard.db.Retry;
import app.shipyard.event.EventLocks.Hold;
import app.shipyard.event.EventLocks.LockedEvent;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Event schedules. Items lie within the event's start and end and at one of its locations; changes lock the event
 * row shared ({@link EventLocks}), so an edit of the event's times or locations cannot slip past them.
 */
public final class ScheduleRepository {

  private static final String SELECT = """
      SELECT s.*, l.name AS location_name FROM event_schedule s LEFT JOIN locations l ON l.id = s.location_id
      """;
  private static final String TAKES_PART = "SELECT 1 FROM event_locations WHERE event_id = $1 AND location_id = $2";
  private static final String INSERT = """
      INSERT INTO event_schedule (event_id, title, starts_at, ends_at, location_id) VALUES ($1, $2, $3, $4, $5)
      RETURNING id
      """;
  private static final String DELETE = "DELETE FROM event_schedule WHERE id = $1 AND event_id = $2";

  private final Pool pool;

  public ScheduleRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<ScheduleItem>> forEvent(long eventId) {
    return pool.preparedQuery(SELECT + " WHERE s.event_id = $1 ORDER BY s.starts_at, s.id").execute(Tuple.of(eventId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ScheduleRepository::toItem).toList());
  }

  public Future<ScheduleItem> get(long itemId) {
    return pool.preparedQuery(SELECT + " WHERE s.id = $1").execute(Tuple.of(itemId)).map(rows -> {
      if (rows.size() == 0) {
        throw AppError.notFound("That schedule item");
      }
      return toItem(rows.iterator().next());
    });
  }

  /** Adds an item unless the event is archived (409) or the item lies outside the event or its locations (400). */
  public Future<Long> add(long eventId, ScheduleItem.New item) {
    return Retry.transaction(pool, tx -> lockOpenEvent(tx, eventId).compose(event -> takesPart(tx, event, item)
        .compose(takesPart -> {
          Map<String, String> problems = new LinkedHashMap<>();
          if (item.startsAt().isBefore(event.startsAt())) {
            problems.put("startsAt", "must not be before the event starts (" + shown(event.startsAt(), event) + ")");
          }
          if (item.endsAt().isAfter(event.endsAt())) {
            problems.put("endsAt", "must not be after the event ends (" + shown(event.endsAt(), event) + ")");
          }
          if (!takesPart) {
            problems.put("locationId", "must be one of the event's locations");
          }
          if (!problems.isEmpty()) {
            return Future.failedFuture(AppError.invalid(problems));
          }
          return tx.preparedQuery(INSERT).execute(Tuple.of(eventId, item.title(), item.startsAt(), item.endsAt(),
              item.locationId())).map(rows -> rows.iterator().next().getLong("id"));
        })));
  }

  public Future<Void> remove(long eventId, long itemId) {
    return Retry.transaction(pool, tx -> lockOpenEvent(tx, eventId)
        .compose(event -> tx.preparedQuery(DELETE).execute(Tuple.of(itemId, eventId)))
        .compose(deleted -> deleted.rowCount() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(AppError.notFound("That schedule item"))));
  }

  private static Future<LockedEvent> lockOpenEvent(SqlConnection tx, long eventId) {
    return EventLocks.lockEvent(tx, eventId, Hold.SHARED).compose(event -> event.phase() == Phase.ARCHIVED
        ? Future.failedFuture(AppError.conflict(EventEdits.ARCHIVED)) : Future.succeededFuture(event));
  }

  /** An item without a location is for everywhere; one with a location must be at one of the event's. */
  private static Future<Boolean> takesPart(SqlConnection tx, LockedEvent event, ScheduleItem.New item) {
    return item.locationId() == null ? Future.succeededFuture(true)
        : tx.preparedQuery(TAKES_PART).execute(Tuple.of(event.id(), item.locationId())).map(rows -> rows.size() > 0);
  }

  private static String shown(OffsetDateTime time, LockedEvent event) {
    return Times.withZone(time, Times.zone(event.timeZone()));
  }

  private static ScheduleItem toItem(Row r) {
    return new ScheduleItem(r.getLong("id"), r.getLong("event_id"), r.getString("title"),
        r.getOffsetDateTime("starts_at"), r.getOffsetDateTime("ends_at"), r.getInteger("location_id"),
        r.getString("location_name"));
  }
}
