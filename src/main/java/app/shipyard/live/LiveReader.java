package app.shipyard.live;

import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.voting.Round;
import app.shipyard.voting.RoundRepository;
import app.shipyard.voting.Tally;
import app.shipyard.voting.TallyRepository;
import app.shipyard.voting.VoteRepository;
import app.shipyard.voting.VoteRepository.OwnBallot;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads a channel's state through the features' own repositories: the live package owns no SQL of its own. */
final class LiveReader {

  private final EventRepository events;
  private final RoundRepository rounds;
  private final TallyRepository tallies;
  private final VoteRepository votes;
  private final List<LivePart> parts;

  LiveReader(EventRepository events, RoundRepository rounds, TallyRepository tallies, VoteRepository votes,
             List<LivePart> parts) {
    this.events = events;
    this.rounds = rounds;
    this.tallies = tallies;
    this.votes = votes;
    this.parts = List.copyOf(parts);
  }

  List<LivePart> parts() {
    return parts;
  }

  Future<Event> event(long eventId) {
    return events.get(eventId);
  }

  Future<List<Round>> rounds(long eventId) {
    return rounds.list(eventId);
  }

  /** One query per round: a tick reads only the rounds that got votes since the last one. */
  Future<Map<Long, Tally>> tallies(List<Long> roundIds) {
    return each(roundIds, tallies::tally);
  }

  /** One person's own ballots in each of these rounds. */
  Future<Map<Long, List<OwnBallot>>> mine(List<Long> roundIds, long personId) {
    return each(roundIds, id -> votes.mine(id, personId));
  }

  /** Each part's state, by its topic. */
  Future<Map<String, JsonObject>> parts(long eventId) {
    return each(parts.stream().map(LivePart::topic).toList(),
        topic -> parts.stream().filter(p -> p.topic().equals(topic)).findFirst().orElseThrow().state(eventId));
  }

  private static <K, V> Future<Map<K, V>> each(List<K> keys, Function<K, Future<V>> read) {
    List<Future<V>> reads = keys.stream().map(read).toList();
    return Future.all(reads).map(done -> {
      Map<K, V> results = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        results.put(keys.get(i), reads.get(i).result());
      }
      return results;
    });
  }
}
