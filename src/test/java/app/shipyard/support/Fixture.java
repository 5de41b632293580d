package app.shipyard.support;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** Looks up fixture rows by their natural keys (ids are assigned in no fixed order). */
public final class Fixture {

  private Fixture() {}

  public static long personId(String email) {
    var rows = TestShipyard.pool().preparedQuery("SELECT id FROM people WHERE lower(email) = lower($1)")
        .execute(Tuple.of(email)).await();
    if (rows.size() != 1) {
      throw new IllegalStateException("No person " + email);
    }
    return rows.iterator().next().getLong("id");
  }

  public static int locationId(String name) {
    var rows = TestShipyard.pool().preparedQuery("SELECT id FROM locations WHERE name = $1")
        .execute(Tuple.of(name)).await();
    return rows.iterator().next().getInteger("id");
  }

  public static long count(String sql, Object... params) {
    var rows = TestShipyard.pool().preparedQuery(sql).execute(Tuple.from(params)).await();
    Row row = rows.iterator().next();
    return row.getLong(0);
  }
}
