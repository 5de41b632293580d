package app.shipyard.live;

import app.shipyard.voting.Round;
import app.shipyard.voting.RoundJson;
import app.shipyard.voting.RoundState;
import app.shipyard.voting.Standing;
import app.shipyard.voting.Tally;
import app.shipyard.voting.VoteRepository.OwnBallot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * The JSON of the live channel's frames, cut from a {@link LiveState} for one audience. Everything that differs
 * between viewers is in the key {@link #visible} returns, so the hub builds and encodes each frame once per key, not
 * once per socket. No frame says who voted for whom: tallies are totals, and {@code mine} goes only to its voter.
 */
final class LiveFrames {

  private LiveFrames() {}

  /** Adds what every frame carries: its type, the channel's sequence number and the moment it was built. */
  static JsonObject stamped(String type, long seq, JsonObject body) {
    return body.put("type", type).put("seq", seq).put("serverTime", System.currentTimeMillis());
  }

  /** The categories of a round whose results this connection may see now (its key for frames about the round). */
  static Set<Long> visible(Round round, LiveSocket socket) {
    LongPredicate shows = round.resultsVisibleTo(socket.runsTheRound(), socket.votedIn(round.id()));
    Set<Long> visible = new TreeSet<>();
    round.categories().stream().map(Round.Category::id).filter(shows::test).forEach(visible::add);
    return visible;
  }

  /** A round as {@code GET /api/rounds/{id}} shows it, with the tally this audience may see (or null). */
  static JsonObject round(Round round, Tally tally, Set<Long> visible) {
    JsonObject json = RoundJson.of(round);
    return json.put("tally", tally == null || visible.isEmpty() ? null : tally.toJson(visible::contains));
  }

  /** The running totals of a round's categories that this audience may see. */
  static JsonObject tally(Tally tally, Set<Long> visible) {
    JsonArray categories = new JsonArray();
    tally.categories().stream().filter(c -> visible.contains(c.categoryId())).forEach(c -> {
      JsonArray standings = new JsonArray();
      for (Standing s : c.standings()) {
        standings.add(new JsonObject().put("pitchId", s.pitchId()).put("title", s.title()).put("points", s.points())
            .put("place", s.place()).put("tied", s.tied()));
      }
      categories.add(new JsonObject().put("id", c.categoryId()).put("name", c.name()).put("voters", c.ballots())
          .put("standings", standings));
    });
    return new JsonObject().put("roundId", tally.roundId()).put("categories", categories);
  }

  /** For organisers: who is connected, and how many have voted per category of every open round. */
  static JsonObject turnout(LiveState state, int connected) {
    JsonArray rounds = new JsonArray();
    state.rounds.values().stream().filter(r -> r.state() == RoundState.OPEN).forEach(r -> {
      JsonArray categories = new JsonArray();
      Tally tally = state.tallies.get(r.id());
      if (tally != null) {
        tally.categories().forEach(c -> categories.add(new JsonObject().put("id", c.categoryId())
            .put("voters", c.ballots())));
      }
      rounds.add(new JsonObject().put("roundId", r.id()).put("categories", categories));
    });
    return new JsonObject().put("connected", connected).put("rounds", rounds);
  }

  /** Everything one connection needs to draw the event now; {@code mine} is empty for the public view. */
  static JsonObject snapshot(LiveState state, LiveSocket socket, Map<Long, List<OwnBallot>> mine, long seq) {
    JsonArray rounds = new JsonArray();
    state.rounds(socket.tier).forEach(r -> {
      JsonObject json = round(r, state.tallies.get(r.id()), visible(r, socket));
      if (!socket.publicView) {
        json.put("mine", RoundJson.of(r.id(), mine.getOrDefault(r.id(), List.of())));
      }
      rounds.add(json);
    });
    JsonObject me = new JsonObject().put("id", socket.person.id()).put("name", socket.person.displayName())
        .put("runsTheRound", socket.runsTheRound());
    JsonObject body = new JsonObject().put("event", state.event.copy()).put("me", me);
    state.parts.forEach((topic, part) -> body.put(topic, part.copy()));
    return stamped("snapshot", seq, body.put("rounds", rounds));
  }
}
