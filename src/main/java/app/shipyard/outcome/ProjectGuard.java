package app.shipyard.outcome;

import app.shipyard.event.EventLocks;
import app.shipyard.event.EventLocks.Hold;
import app.shipyard.event.EventLocks.LockedPitch;
import app.shipyard.event.Phase;
import app.shipyard.pitch.Audience;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * The first step of every change to a project in the showcase (its outcomes, its demo links), inside the change's
 * transaction: hold its event and pitch shared through {@link EventLocks} (so a phase move or a hiding waits), refuse
 * what the person may not see as "not found", anyone but its captain or an organiser, and events without results.
 */
public final class ProjectGuard {

  private ProjectGuard() {}

  public static Future<LockedPitch> forChange(SqlConnection tx, long pitchId, Audience who, String action) {
    return EventLocks.lockPitch(tx, pitchId, Hold.SHARED).map(pitch -> {
      // The rule of PitchRepository.VISIBLE, applied to the row just locked.
      if (!(pitch.approved() && !pitch.hidden() || who.manages(pitch.captainId()))) {
        throw AppError.notFound("That pitch");
      }
      if (!who.manages(pitch.captainId())) {
        throw AppError.forbidden("Only the project's captain or an organiser can " + action + ".");
      }
      if (!published(pitch.phase())) {
        throw AppError.conflict("Projects join the showcase once their event has its results; this event is in "
            + pitch.phase().label() + ".");
      }
      return pitch;
    });
  }

  /** Whether events in this phase are in the showcase: once they have their results. */
  public static boolean published(Phase phase) {
    return phase == Phase.RESULTS || phase == Phase.ARCHIVED;
  }
}
