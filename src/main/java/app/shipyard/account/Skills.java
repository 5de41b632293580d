package app.shipyard.account;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** The shared skill vocabulary: names are added once, matched case-insensitively. */
public final class Skills {

  private static final String ADD =
      "INSERT INTO skills (name) SELECT DISTINCT ON (lower(n)) n FROM unnest($1::text[]) AS n ON CONFLICT ((lower(name))) DO NOTHING";

  private Skills() {}

  /** Makes sure every name exists as a skill (inside the caller's transaction). */
  public static Future<Void> ensure(SqlClient tx, String[] names) {
    return tx.preparedQuery(ADD).execute(Tuple.of((Object) names)).mapEmpty();
  }
}
