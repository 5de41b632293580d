package app.shipyard.team;

import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Organiser auto-placement: builds the {@link PlacementPlanner} suggestion, and applies the placements an organiser kept. */
public final class AutoPlacement {

  private final TeamRepository teams;
  private final ListingRepository<FreeAgent> freeAgents;

  public AutoPlacement(TeamRepository teams, ListingRepository<FreeAgent> freeAgents) {
    this.teams = teams;
    this.freeAgents = freeAgents;
  }

  /** One placement to apply: this person onto this pitch's team. */
  public record Pick(long personId, long pitchId) {}

  /** What happened to one pick: placed, or refused with the reason; names as they were before applying. */
  public record Outcome(Pick pick, String displayName, String pitchTitle, boolean placed, String reason) {

    public JsonObject json() {
      JsonObject json = new JsonObject().put("personId", pick.personId()).put("displayName", displayName)
          .put("pitchId", pick.pitchId()).put("pitchTitle", pitchTitle);
      return placed ? json : json.put("reason", reason);
    }
  }

  public record Applied(List<Outcome> outcomes) {

    public List<Outcome> placed() {
      return outcomes.stream().filter(Outcome::placed).toList();
    }

    public List<Outcome> refused() {
      return outcomes.stream().filter(o -> !o.placed()).toList();
    }

    public JsonObject json() {
      return new JsonObject().put("placed", new JsonArray(placed().stream().map(Outcome::json).toList()))
          .put("refused", new JsonArray(refused().stream().map(Outcome::json).toList()));
    }
  }

  public Future<PlacementPlanner.Suggestion> suggest(long eventId) {
    return Future.all(teams.teams(eventId), freeAgents.list(eventId))
        .map(all -> PlacementPlanner.suggest(all.resultAt(0), all.resultAt(1)));
  }

  /**
   * Applies the picks one after another, each in its own join transaction, so capacity, teams per person and the
   * phase still hold; a pick that the rules refuse is reported with the reason and never forced.
   */
  public Future<Applied> apply(long eventId, List<Pick> picks) {
    return teams.labels(picks.stream().map(Pick::personId).toList(), picks.stream().map(Pick::pitchId).toList())
        .compose(labels -> applyInOrder(eventId, picks, labels));
  }

  private Future<Applied> applyInOrder(long eventId, List<Pick> picks, TeamRepository.Labels labels) {
    Future<List<Outcome>> done = Future.succeededFuture(new ArrayList<>());
    for (Pick pick : picks) {
      String name = labels.people().getOrDefault(pick.personId(), "Person " + pick.personId());
      String title = labels.pitches().getOrDefault(pick.pitchId(), "Pitch " + pick.pitchId());
      done = done.compose(outcomes -> teams.place(eventId, pick.pitchId(), pick.personId()).transform(result -> {
        if (result.succeeded()) {
          outcomes.add(new Outcome(pick, name, title, true, ""));
        } else if (result.cause() instanceof AppError refusal) {
          outcomes.add(new Outcome(pick, name, title, false, refusal.getMessage()));
        } else {
          return Future.failedFuture(result.cause());
        }
        return Future.succeededFuture(outcomes);
      }));
    }
    return done.map(Applied::new);
  }
}
