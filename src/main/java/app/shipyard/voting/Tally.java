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

  /** One category: how many ballots it has, and each project's points and place. */
  public record CategoryTally(long categoryId, String name, long ballots, List<Standing> standings) {

    public List<Long> winners() {
      return Standings.winners(standings);
    }

    JsonObject toJson(boolean visible) {
      JsonObject json = new JsonObject().put("id", categoryId).put("name", name).put("visible", visible);
      if (!visible) {
        return json;
      }
      JsonArray places = new JsonArray();
      standings.forEach(s -> places.add(new JsonObject().put("pitchId", s.pitchId()).put("title", s.title())
          .put("points", s.points()).put("place", s.place()).put("tied", s.tied())));
      return json.put("ballots", ballots).put("standings", places).put("winners", new JsonArray(winners()));
    }
  }

  /** The tally as JSON; categories that {@code visible} rejects carry only their id and name. */
  public JsonObject toJson(LongPredicate visible) {
    JsonArray list = new JsonArray();
    categories.forEach(c -> list.add(c.toJson(visible.test(c.categoryId()))));
    return new JsonObject().put("roundId", roundId).put("at", at.toInstant().toString()).put("categories", list);
  }
}
