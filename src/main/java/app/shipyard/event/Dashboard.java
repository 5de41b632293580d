package app.shipyard.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Where an event stands, for its organisers: counts, and the teams and people that still need attention. */
public record Dashboard(Event event, Counts counts, List<SmallTeam> teamsBelowMinimum, List<Participant> withoutTeam) {

  public record Counts(long pitchesVisible, long pitchesHidden, long pitchesAwaitingApproval, long teamsAtMinimum,
                       long teamsBelowMinimum, long openPlaces, long takingPart, long withoutTeam, long freeAgents,
                       long mentors, long pendingJoinRequests) {}

  /** A team smaller than the event's smallest team size; {@code needed} more people would make it big enough. */
  public record SmallTeam(long pitchId, String title, String captain, long members, long needed, boolean approved) {}

  /** The phase an organiser can move the event on to, or null once archived. */
  public Phase nextPhase() {
    return event.phase().next().orElse(null);
  }

  public JsonObject toJson() {
    Phase next = nextPhase();
    return new JsonObject().put("eventId", event.id()).put("phase", event.phase().key())
        .put("nextPhase", next == null ? null : next.key()).put("teamMin", event.rules().teamMin())
        .put("pitches", new JsonObject().put("visible", counts.pitchesVisible()).put("hidden", counts.pitchesHidden())
            .put("awaitingApproval", counts.pitchesAwaitingApproval()))
        .put("teams", new JsonObject().put("atLeastMinimum", counts.teamsAtMinimum())
            .put("belowMinimum", counts.teamsBelowMinimum()).put("openPlaces", counts.openPlaces()))
        .put("people", new JsonObject().put("takingPart", counts.takingPart()).put("withoutTeam", counts.withoutTeam())
            .put("freeAgents", counts.freeAgents()).put("mentors", counts.mentors()))
        .put("pendingJoinRequests", counts.pendingJoinRequests())
        .put("teamsBelowMinimum", new JsonArray(teamsBelowMinimum.stream().map(t -> new JsonObject()
            .put("pitchId", t.pitchId()).put("title", t.title()).put("captain", t.captain()).put("members", t.members())
            .put("needed", t.needed()).put("approved", t.approved())).toList()))
        .put("peopleWithoutTeam", new JsonArray(withoutTeam.stream().map(Participant::toJson).toList()));
  }
}
