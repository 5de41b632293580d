package app.shipyard.live;

import app.shipyard.event.Event;
import app.shipyard.voting.Round;
import app.shipyard.voting.RoundState;
import app.shipyard.voting.Tally;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a channel knows of its event, the same for every viewer: the event, its rounds with their latest tallies, and
 * each {@link LivePart}'s state. Per-viewer frames are cut from it by {@link LiveFrames}; only the hub's event loop
 * touches it.
 */
final class LiveState {

  JsonObject event = new JsonObject();
  final Map<Long, Round> rounds = new LinkedHashMap<>();
  final Map<Long, Tally> tallies = new LinkedHashMap<>();
  final Map<String, JsonObject> parts = new LinkedHashMap<>();

  void event(Event e) {
    event = new JsonObject().put("id", e.id()).put("title", e.title()).put("phase", e.phase().key());
  }

  /** The rounds a tier may know of: all of them for organisers, all but drafts for everyone else. */
  Stream<Round> rounds(Tier tier) {
    return rounds.values().stream().filter(r -> seenBy(r, tier));
  }

  static boolean seenBy(Round round, Tier tier) {
    return tier == Tier.ORGANISERS || round.state() != RoundState.DRAFT;
  }

  /** The tiers a frame about this round goes to. */
  static List<Tier> tiersOf(Round round) {
    return round.state() == RoundState.DRAFT ? List.of(Tier.ORGANISERS) : List.of(Tier.values());
  }
}
