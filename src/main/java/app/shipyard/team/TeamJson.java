package app.shipyard.team;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** The API's shapes of teams, join requests, free agents, mentors, matches and placements. */
public final class TeamJson {

  private TeamJson() {}

  public static JsonObject of(Team t) {
    return new JsonObject().put("pitchId", t.pitchId()).put("eventId", t.eventId()).put("title", t.title())
        .put("stage", t.stage()).put("approved", t.approved()).put("capacity", t.capacity())
        .put("openPlaces", t.openPlaces())
        .put("captain", new JsonObject().put("id", t.captainId()).put("displayName", t.captainName()))
        .put("skills", new JsonArray(t.wanted())).put("departments", t.departments()).put("locations", t.locations())
        .put("members", new JsonArray(t.members().stream().map(m -> new JsonObject().put("id", m.personId())
            .put("displayName", m.displayName()).put("department", m.department()).put("location", m.location())
            .put("captain", m.captain()).put("joinedAt", m.joinedAt().toString())).toList()));
  }

  public static JsonArray teams(List<Team> teams) {
    return new JsonArray(teams.stream().map(TeamJson::of).toList());
  }

  public static JsonObject of(Someone s) {
    return new JsonObject().put("id", s.id()).put("displayName", s.displayName()).put("department", s.department())
        .put("location", s.location());
  }

  public static JsonObject of(JoinRequest r) {
    return new JsonObject().put("id", r.id()).put("pitchId", r.pitchId()).put("eventId", r.eventId())
        .put("person", of(r.person())).put("message", r.message()).put("status", r.status())
        .put("createdAt", r.createdAt().toString()).put("decidedAt", time(r.decidedAt()));
  }

  /** A free agent ({@code textKey} "wants") or a mentor ("note"). */
  public static JsonObject of(ListedPerson l, String textKey) {
    return new JsonObject().put("person", of(l.person())).put("skills", new JsonArray(l.skills()))
        .put(textKey, l.text()).put("listedAt", l.listedAt().toString());
  }

  public static JsonObject of(MatchRanking.PitchMatch m) {
    return new JsonObject().put("pitchId", m.pitch().pitchId()).put("title", m.pitch().title())
        .put("openPlaces", m.pitch().openPlaces()).put("matched", new JsonArray(m.matched()));
  }

  public static JsonObject filler(Someone who, List<String> fills) {
    return new JsonObject().put("person", of(who)).put("fills", new JsonArray(fills));
  }

  public static JsonObject of(PlacementPlanner.Suggestion s) {
    return new JsonObject()
        .put("placements", new JsonArray(s.proposals().stream().map(p -> new JsonObject()
            .put("personId", p.agent().personId()).put("displayName", p.agent().person().displayName())
            .put("pitchId", p.team().pitchId()).put("pitchTitle", p.team().title())
            .put("reasons", new JsonArray(p.reasons()))).toList()))
        .put("unplaced", new JsonArray(s.unplaced().stream().map(u -> new JsonObject()
            .put("personId", u.agent().personId()).put("displayName", u.agent().person().displayName())
            .put("reason", u.reason())).toList()));
  }

  private static String time(Instant at) {
    return at == null ? null : at.toString();
  }
}
