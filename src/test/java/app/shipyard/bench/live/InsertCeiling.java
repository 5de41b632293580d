package app.shipyard.bench.live;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The raw insert rate of the benchmark's PostgreSQL through the Vert.x PG client and a pool of the server's size:
 * one autocommitted single-row insert per statement into a scratch table, many in flight. A vote does more (ballot,
 * choice, receipt, audit in one transaction), so this is the ceiling committed votes are compared with.
 */
final class InsertCeiling {

  private static final String CREATE = """
      CREATE TABLE IF NOT EXISTS bench_scratch (
        id bigserial PRIMARY KEY, round_id bigint NOT NULL, category_id bigint NOT NULL, voter_id bigint NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp())
      """;
  private static final String INSERT = "INSERT INTO bench_scratch (round_id, category_id, voter_id) VALUES ($1, $2, $3)";
  private static final int IN_FLIGHT = 256;

  private InsertCeiling() {}

  /** Inserts {@code rows} rows; returns rows per second. */
  static double measure(Pool pool, int rows) {
    pool.query(CREATE).execute().await();
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    List<Future<Void>> lanes = new ArrayList<>();
    for (int i = 0; i < Math.min(IN_FLIGHT, rows); i++) {
      lanes.add(lane(pool, next, rows));
    }
    Future.all(lanes).await();
    return rows / ((System.nanoTime() - started) / 1e9);
  }

  private static Future<Void> lane(Pool pool, AtomicInteger next, int rows) {
    int i = next.getAndIncrement();
    if (i >= rows) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(INSERT).execute(Tuple.of(1, i % 10, i)).compose(done -> lane(pool, next, rows));
  }
}
