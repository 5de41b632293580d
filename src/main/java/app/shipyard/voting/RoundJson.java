package app.shipyard.voting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/** The JSON shape of a voting round and of a voter's own ballots. */
public final class RoundJson {

  private RoundJson() {}

  public static JsonObject of(Round round) {
    RoundRules rules = round.rules();
    JsonArray categories = new JsonArray();
    round.categories().forEach(c -> categories.add(new JsonObject().put("id", c.id()).put("name", c.name())
        .put("visibility", c.visibility(rules).key()).put("ownVisibility", c.ownVisibility() != null)));
    JsonArray projects = new JsonArray();
    round.projects().forEach(p -> projects.add(new JsonObject().put("pitchId", p.pitchId()).put("title", p.title())));
    return new JsonObject().put("id", round.id()).put("eventId", round.eventId()).put("title", round.title())
        .put("ballot", rules.ballot().key()).put("budget", rules.budget()).put("maxPerProject", rules.maxPerProject())
        .put("rankSize", rules.rankSize()).put("electorate", rules.electorate().key())
        .put("ownTeamAllowed", rules.ownTeamAllowed()).put("changesAllowed", rules.changesAllowed())
        .put("visibility", rules.visibility().key()).put("locationId", round.locationId())
        .put("state", round.state().key()).put("openedAt", time(round.openedAt()))
        .put("closedAt", time(round.closedAt())).put("revealedAt", time(round.revealedAt()))
        .put("opensAt", time(round.opensAt())).put("closesAt", time(round.closesAt()))
        .put("categories", categories).put("projects", projects);
  }

  public static JsonObject of(long roundId, java.util.List<VoteRepository.OwnBallot> ballots) {
    JsonArray list = new JsonArray();
    for (VoteRepository.OwnBallot b : ballots) {
      JsonArray choices = new JsonArray();
      b.choices().forEach(c -> choices.add(new JsonObject().put("pitchId", c.pitchId()).put("points", c.points())
          .put("rank", c.rank())));
      list.add(new JsonObject().put("categoryId", b.categoryId()).put("choices", choices)
          .put("castAt", time(b.castAt())).put("changedAt", time(b.changedAt())));
    }
    return new JsonObject().put("roundId", roundId).put("ballots", list);
  }

  private static String time(OffsetDateTime at) {
    return at == null ? null : at.toInstant().toString();
  }
}
