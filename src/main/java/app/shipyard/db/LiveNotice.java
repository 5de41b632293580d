package app.shipyard.db;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Tells every Shipyard instance that part of an event's live state changed: a {@code NOTIFY} on
 * {@link #CHANNEL}, sent inside the writer's transaction, so PostgreSQL delivers it if and only if the change
 * commits. Meant for organisers' actions (a slot started, a round opened, a reveal), which are rare; votes do not
 * notify per transaction, because a NOTIFY serialises commits (the live feed coalesces them instead).
 */
public final class LiveNotice {

  /** The PostgreSQL channel the live feed listens on. */
  public static final String CHANNEL = "shipyard_live";

  private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', $1)";

  private LiveNotice() {}

  /** Queues the notice in {@code tx}'s transaction: {@code {"eventId": 12, "topic": "stage"}}. */
  public static Future<Void> send(SqlClient tx, long eventId, String topic) {
    String payload = new JsonObject().put("eventId", eventId).put("topic", topic).encode();
    return tx.preparedQuery(NOTIFY).execute(Tuple.of(payload)).mapEmpty();
  }
}
