package app.shipyard.insight;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the figures' SQL ({@link InsightSql}) for a set of events: every number is aggregated by the database. */
final class InsightRepository {

  private static final Logger LOG = LoggerFactory.getLogger(InsightRepository.class);
  private static final long REFRESH_EVERY_MS = 60_000;

  private final Pool pool;

  InsightRepository(Pool pool) {
    this.pool = pool;
  }

  /** The events (not drafts) that started within the period, oldest first. */
  Future<List<Long>> eventsIn(Period period) {
    return pool.preparedQuery(InsightSql.PERIOD_EVENTS)
        .execute(Tuple.of(period.from().atStartOfDay().atOffset(ZoneOffset.UTC),
            period.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(r -> r.getLong("id")).toList());
  }

  /**
   * Every figure, in page order, each run as its own query (they run side by side on the pool), once the facts of
   * events changed since they were last built are rebuilt.
   */
  Future<List<Figure>> figures(List<Long> eventIds) {
    return refreshed().compose(fresh -> {
      List<Future<Figure>> all = Arrays.stream(FigureKind.values()).map(kind -> read(kind, eventIds)).toList();
      return Future.all(all).map(done -> all.stream().map(Future::result).toList());
    });
  }

  Future<Figure> figure(FigureKind kind, List<Long> eventIds) {
    return refreshed().compose(fresh -> read(kind, eventIds));
  }

  /**
   * Rebuilds stale events' facts every minute, so that marks left by writers (one per statement) do not pile up and
   * a dashboard request seldom has much to rebuild. Every instance may run it: two refreshes take turns.
   */
  Future<Void> keepFresh(Vertx vertx) {
    vertx.setPeriodic(REFRESH_EVERY_MS, id -> refreshed()
        .onFailure(e -> LOG.warn("Could not refresh the insight facts: {}", e.toString())));
    return Future.succeededFuture();
  }

  /** Rebuilds the facts of stale events (migration V18): after it, the facts are exact for the data committed. */
  private Future<Void> refreshed() {
    return pool.query(InsightSql.REFRESH).execute().mapEmpty();
  }

  private Future<Figure> read(FigureKind kind, List<Long> eventIds) {
    return pool.preparedQuery(kind.sql).execute(Tuple.of(eventIds.toArray(Long[]::new)))
        .map(rows -> toFigure(kind, rows));
  }

  private static Figure toFigure(FigureKind kind, RowSet<Row> rows) {
    List<List<Object>> values = new ArrayList<>();
    for (Row row : rows) {
      List<Object> cells = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        cells.add(plain(row.getValue(i)));
      }
      values.add(cells);
    }
    return new Figure(kind, rows.columnsNames(), values);
  }

  /** Whole numbers as Long and decimals as BigDecimal, whatever width the database gave them. */
  private static Object plain(Object value) {
    if (value instanceof Numeric n) {
      return n.bigDecimalValue();
    }
    if (value instanceof Short || value instanceof Integer) {
      return ((Number) value).longValue();
    }
    return value;
  }
}
