package app.shipyard.voting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Every category's tally of one round, read at one moment by one query. A live frame is built from it once per
 * audience ({@link #toJson}), never once per viewer.
 */
public record Tally(long roundId, OffsetDateTime at, List<CategoryTally> categories) {

  /** An organiser's decision of a tied first place: the project that wins, and why. */
  public record TieBreak(long pitchId, String reason) {}

  /**
   * One category: how many ballots it has, each project's points and place, and the tie-break decision (or null).
   * Standings keep a tie a tie; the decision only names the winner among those tied first.
   */
  public record CategoryTally(long categoryId, String name, long ballots, List<Standing> standings,
                              TieBreak tieBreak) {

    /** The projects in first place, or the one a tie-break decided among them. */
    public List<Long> winners() {
      List<Long> first = Standings.winners(standings);
      return decided() ? List.of(tieBreak.pitchId()) : first;
    }

    /**
     * The projects in the top {@code n} places, for carrying into a final. A tie at the cut-off carries every
     * project of that place (nobody loses a place to the order of titles); a project without points never goes
     * through. With {@code n = 1} and a tie-break decided, only the decided winner goes through.
     */
    public List<Long> top(int n) {
      if (n == 1 && decided()) {
        return List.of(tieBreak.pitchId());
      }
      return standings.stream().filter(s -> s.place() <= n && s.points() > 0).map(Standing::pitchId).toList();
    }

    /** Whether first place is shared by several projects (with or without a decision). */
    public boolean tiedFirst() {
      return Standings.winners(standings).size() > 1;
    }

    /** Whether a tie-break decision names one of the projects tied first. */
    public boolean decided() {
      return tieBreak != null && tiedFirst() && Standings.winners(standings).contains(tieBreak.pitchId());
    }

    JsonObject toJson(boolean visible) {
      JsonObject json = new JsonObject().put("id", categoryId).put("name", name).put("visible", visible);
      if (!visible) {
        return json;
      }
      JsonArray places = new JsonArray();
      standings.forEach(s -> places.add(new JsonObject().put("pitchId", s.pitchId()).put("title", s.title())
          .put("points", s.points()).put("place", s.place()).put("tied", s.tied())));
      JsonObject decision = !decided() ? null
          : new JsonObject().put("pitchId", tieBreak.pitchId()).put("reason", tieBreak.reason());
      return json.put("ballots", ballots).put("standings", places).put("winners", new JsonArray(winners()))
          .put("tiedFirst", tiedFirst()).put("tieBreak", decision);
    }
  }

  /** The tally as JSON; categories that {@code visible} rejects carry only their id and name. */
  public JsonObject toJson(LongPredicate visible) {
    JsonArray list = new JsonArray();
    categories.forEach(c -> list.add(c.toJson(visible.test(c.categoryId()))));
    return new JsonObject().put("roundId", roundId).put("at", at.toInstant().toString()).put("categories", list);
  }
}
