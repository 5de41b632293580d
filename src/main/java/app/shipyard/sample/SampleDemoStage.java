package app.shipyard.sample;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * The running order of the sample company's current event (ShipIt 42): every team, in the order they pitched, three
 * minutes each and five for the first (it opens the session), so the control room and the projector have something to
 * show. The event is still in team forming: organisers drive the stage once they move it to demos.
 */
final class SampleDemoStage {

  private static final String STAGE = """
      INSERT INTO demo_stages (event_id) SELECT id FROM events WHERE title = $1
      """;
  private static final String SLOTS = """
      INSERT INTO demo_slots (event_id, pitch_id, position, seconds)
      SELECT p.event_id, p.id, row_number() OVER (ORDER BY p.id),
             CASE WHEN row_number() OVER (ORDER BY p.id) = 1 THEN 300 ELSE 180 END
        FROM pitches p JOIN events e ON e.id = p.event_id
       WHERE e.title = $1 AND p.approved AND p.hidden_reason IS NULL
         AND EXISTS (SELECT 1 FROM team_members m WHERE m.pitch_id = p.id)
      """;

  private final Pool pool;

  SampleDemoStage(Pool pool) {
    this.pool = pool;
  }

  Future<Void> load() {
    Tuple event = Tuple.of(SampleContent.CURRENT_DAY.title());
    return pool.withTransaction(tx -> tx.preparedQuery(STAGE).execute(event)
        .compose(done -> tx.preparedQuery(SLOTS).execute(event))).mapEmpty();
  }
}
