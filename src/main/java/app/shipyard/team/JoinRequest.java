package app.shipyard.team;

import java.time.Instant;

/** A request to join a pitch's team, where the event has captains approve joiners. */
public record JoinRequest(long id, long pitchId, long eventId, Someone person, String message, String status,
                          Instant createdAt, Instant decidedAt) {

  public boolean pending() {
    return "pending".equals(status);
  }
}
