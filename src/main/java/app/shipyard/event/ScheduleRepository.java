package app.shipyard.event;

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
 * row (shared), so an edit of the event's times or locations cannot slip past them.
 */
public final class ScheduleRepository {

  private static final String SELECT = """
      SELECT s.*, l.name AS location_name FROM event_schedule s LEFT JOIN locations l ON l.id = s.location_id
      """;
  private static final String LOCK_EVENT = """
      SELECT e.phase, e.starts_at, e.ends_at, e.time_zone,
             EXISTS (SELECT 1 FROM event_locations el WHERE el.event_id = e.id AND el.location_id = $2) AS takes_part
        FROM events e WHERE e.id = $1 FOR SHARE
      """;
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
    return pool.withTransaction(tx -> lockOpenEvent(tx, eventId, item.locationId()).compose(event -> {
      Map<String, String> problems = new LinkedHashMap<>();
      OffsetDateTime starts = event.getOffsetDateTime("starts_at");
      OffsetDateTime ends = event.getOffsetDateTime("ends_at");
      String zone = event.getString("time_zone");
      if (item.startsAt().isBefore(starts)) {
        problems.put("startsAt", "must not be before the event starts (" + Times.withZone(starts, Times.zone(zone)) + ")");
      }
      if (item.endsAt().isAfter(ends)) {
        problems.put("endsAt", "must not be after the event ends (" + Times.withZone(ends, Times.zone(zone)) + ")");
      }
      if (item.locationId() != null && !event.getBoolean("takes_part")) {
        problems.put("locationId", "must be one of the event's locations");
      }
      if (!problems.isEmpty()) {
        return Future.failedFuture(AppError.invalid(problems));
      }
      return tx.preparedQuery(INSERT).execute(Tuple.of(eventId, item.title(), item.startsAt(), item.endsAt(),
          item.locationId())).map(rows -> rows.iterator().next().getLong("id"));
    }));
  }

  public Future<Void> remove(long eventId, long itemId) {
    return pool.withTransaction(tx -> lockOpenEvent(tx, eventId, null)
        .compose(event -> tx.preparedQuery(DELETE).execute(Tuple.of(itemId, eventId)))
        .compose(deleted -> deleted.rowCount() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(AppError.notFound("That schedule item"))));
  }

  private static Future<Row> lockOpenEvent(SqlConnection tx, long eventId, Integer locationId) {
    return tx.preparedQuery(LOCK_EVENT).execute(Tuple.of(eventId, locationId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(AppError.notFound("That event"));
      }
      Row event = rows.iterator().next();
      return Phase.parse(event.getString("phase")).orElseThrow() == Phase.ARCHIVED
          ? Future.failedFuture(AppError.conflict(EventEdits.ARCHIVED)) : Future.succeededFuture(event);
    });
  }

  private static ScheduleItem toItem(Row r) {
    return new ScheduleItem(r.getLong("id"), r.getLong("event_id"), r.getString("title"),
        r.getOffsetDateTime("starts_at"), r.getOffsetDateTime("ends_at"), r.getInteger("location_id"),
        r.getString("location_name"));
  }
}
