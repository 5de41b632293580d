package app.shipyard.portfolio;

import app.shipyard.award.Award;
import app.shipyard.portfolio.Portfolio.Project;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The API's shape of a portfolio. */
final class PortfolioJson {

  private PortfolioJson() {}

  static JsonObject of(Portfolio p) {
    return new JsonObject().put("personId", p.personId()).put("projectCount", p.projectCount())
        .put("awardCount", p.awardCount())
        .put("skillsUsed", new JsonArray(p.skillsUsed().stream()
            .map(s -> new JsonObject().put("name", s.name()).put("projects", s.projects())).toList()))
        .put("events", new JsonArray(p.events().stream().map(e -> new JsonObject().put("id", e.eventId())
            .put("title", e.title()).put("kind", e.kind()).put("phase", e.phase().key())
            .put("startsAt", e.startsAt().toInstant().toString()).put("mentor", e.mentor()).put("freeAgent", e.freeAgent())
            .put("projects", new JsonArray(e.projects().stream().map(PortfolioJson::of).toList()))).toList()));
  }

  static JsonObject of(Project p) {
    return new JsonObject().put("pitchId", p.pitchId()).put("title", p.title()).put("summary", p.summary())
        .put("stage", p.stage()).put("role", p.captain() ? "captain" : "member").put("teamSize", p.teamSize())
        .put("skills", new JsonArray(p.skills())).put("reflection", p.reflection())
        .put("reflectedAt", p.reflectedAt() == null ? null : p.reflectedAt().toInstant().toString())
        .put("awards", Award.toJson(p.awards()));
  }

  static JsonObject project(Portfolio p, long pitchId) {
    return p.events().stream().flatMap(e -> e.projects().stream()).filter(pr -> pr.pitchId() == pitchId)
        .findFirst().map(PortfolioJson::of).orElseThrow();
  }
}
