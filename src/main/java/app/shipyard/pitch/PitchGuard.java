package app.shipyard.pitch;

import app.shipyard.event.EventLocks;
import app.shipyard.event.EventLocks.Hold;
import app.shipyard.event.EventLocks.LockedPitch;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * The first step of every change to a pitch, inside the change's transaction: lock the pitch through
 * {@link EventLocks} (its event shared first, so the phase cannot move meanwhile) and refuse what the person may not
 * see as "not found".
 */
final class PitchGuard {

  private PitchGuard() {}

  /** Locks the pitch row exclusively: for changes to the pitch itself. */
  static Future<LockedPitch> forChange(SqlConnection tx, long pitchId, Audience who) {
    return lock(tx, pitchId, Hold.EXCLUSIVE, who);
  }

  /** Locks the pitch row shared: for adding things around it (comments, interest). */
  static Future<LockedPitch> forTalk(SqlConnection tx, long pitchId, Audience who) {
    return lock(tx, pitchId, Hold.SHARED, who);
  }

  static void requireManagedBy(LockedPitch pitch, Audience who, String action) {
    if (!who.manages(pitch.captainId())) {
      throw AppError.forbidden("Only the pitch's captain or an organiser can " + action + ".");
    }
  }

  private static Future<LockedPitch> lock(SqlConnection tx, long pitchId, Hold hold, Audience who) {
    return EventLocks.lockPitch(tx, pitchId, hold).map(pitch -> {
      // The rule of PitchRepository.VISIBLE, applied to the row just locked.
      if (!(pitch.approved() && !pitch.hidden() || who.manages(pitch.captainId()))) {
        throw AppError.notFound("That pitch");
      }
      return pitch;
    });
  }
}
