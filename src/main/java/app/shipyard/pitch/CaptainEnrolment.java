package app.shipyard.pitch;

import app.shipyard.event.EventLocks.LockedPitch;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * Puts a new pitch's author on its team as captain, inside the transaction that creates the pitch and under the
 * rules of team membership (teams per person among them). The team feature supplies it, so that pitches need not
 * know how teams work.
 */
@FunctionalInterface
public interface CaptainEnrolment {

  Future<Void> enrol(SqlConnection tx, LockedPitch pitch);
}
