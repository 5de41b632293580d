package app.shipyard.live;

import app.shipyard.voting.Round;
import app.shipyard.voting.Tally;
import app.shipyard.voting.VoteRepository.OwnBallot;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event's live channel on one hub: its sockets, its state, the sequence numbers of each {@link Tier}, and the
 * rounds whose tallies changed since the last tick. Every change runs through {@link #then}, one after the other,
 * so frames leave in sequence order and a snapshot is never overtaken by an update it already contains.
 */
final class Channel {

  private static final Logger LOG = LoggerFactory.getLogger(Channel.class);

  final long eventId;
  private final LiveReader reader;
  private final Set<LiveSocket> sockets = new LinkedHashSet<>();
  private final LiveMeters meters;
  private final Broadcast broadcast;
  private final LiveState state = new LiveState();
  private final Set<Long> dirty = new LinkedHashSet<>();
  private Future<?> queue;
  private boolean loaded;
  /** When a vote for an unknown round last made the channel read its rounds again. */
  private long roundsReadAt;
  private static final long ROUNDS_READ_EVERY_MS = 1_000;

  Channel(long eventId, LiveReader reader, LiveMeters meters) {
    this.eventId = eventId;
    this.reader = reader;
    this.meters = meters;
    this.broadcast = new Broadcast(meters);
    this.queue = load();
  }

  /** Runs {@code step} once every step before it has finished, whether they succeeded or not. */
  private <T> Future<T> then(Supplier<Future<T>> step) {
    Future<T> result = queue.transform(previous -> {
      try {
        return step.get();
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    });
    queue = result.onFailure(failure -> LOG.warn("Live channel of event {}: {}", eventId, failure.toString()));
    return result;
  }

  /** Reads the whole state; until it succeeds once, each snapshot tries again. */
  private Future<Void> load() {
    return Future.all(reader.event(eventId), reader.rounds(eventId), reader.parts(eventId)).compose(all -> {
      state.event(all.resultAt(0));
      List<Round> rounds = all.resultAt(1);
      state.rounds.clear();
      rounds.forEach(r -> state.rounds.put(r.id(), r));
      state.parts.putAll(all.<Map<String, JsonObject>>resultAt(2));
      return reader.tallies(rounds.stream().map(Round::id).toList()).map(tallies -> {
        state.tallies.putAll(tallies);
        loaded = true;
        return null;
      });
    });
  }

  int size() {
    return sockets.size();
  }

  boolean isEmpty() {
    return sockets.isEmpty();
  }

  boolean hasRound(long roundId) {
    return state.rounds.containsKey(roundId);
  }

  /**
   * Whether the round is of this event and known to this tier, once the rounds have been read again if it is not
   * known yet (a vote may arrive before the NOTIFY of its round's opening): at most one such read a second.
   */
  Future<Boolean> knowsRound(long roundId, Tier tier) {
    long now = System.currentTimeMillis();
    if (hasRound(roundId, tier) || now - roundsReadAt < ROUNDS_READ_EVERY_MS) {
      return Future.succeededFuture(hasRound(roundId, tier));
    }
    roundsReadAt = now;
    return roundsChanged().transform(read -> Future.succeededFuture(hasRound(roundId, tier)));
  }

  /** Whether the round is of this event and known to this tier (drafts only to organisers). */
  boolean hasRound(long roundId, Tier tier) {
    Round round = state.rounds.get(roundId);
    return round != null && LiveState.seenBy(round, tier);
  }

  /** A new socket: a member from now on (so the channel is not dropped), sent updates once its snapshot is out. */
  Future<Void> join(LiveSocket socket) {
    if (sockets.isEmpty()) {
      loaded = false; // nobody was listening, so nothing kept the state fresh: read it again
    }
    sockets.add(socket);
    return snapshot(socket);
  }

  void each(Consumer<LiveSocket> action) {
    sockets.forEach(action);
  }

  void leave(LiveSocket socket) {
    sockets.remove(socket);
  }

  /**
   * Sends the socket a snapshot and from then on every update. The person's own ballots are read first, outside the
   * queue; the snapshot itself is cut from the state in the queue, with the tier's sequence number of that moment.
   */
  Future<Void> snapshot(LiveSocket socket) {
    return then(() -> (loaded ? Future.succeededFuture() : load())
            .map(done -> state.rounds(socket.tier).map(Round::id).toList()))
        .compose(ids -> socket.publicView ? Future.succeededFuture(Map.<Long, List<OwnBallot>>of())
            : reader.mine(ids, socket.person.id()))
        .compose(mine -> then(() -> {
          mine.forEach((roundId, ballots) -> socket.votedIn(roundId,
              ballots.stream().map(OwnBallot::categoryId).collect(Collectors.toSet())));
          if (sockets.contains(socket)) {
            socket.caughtUp();
            broadcast.toOne(socket, TextFrames.encode(LiveFrames.snapshot(state, socket, mine,
                broadcast.seq(socket.tier))), () -> {
                  meters.snapshotSent();
                  LOG.debug("Live snapshot of event {} sent to {}", eventId, socket.ws.remoteAddress());
                });
            socket.ready = true;
          }
          return Future.succeededFuture();
        }));
  }

  /** Organisers' changes to rounds: each round that differs from what the channel knew goes out as a frame. */
  Future<Void> roundsChanged() {
    return then(() -> reader.rounds(eventId).<Void>compose(rounds -> {
      List<Round> changed = rounds.stream().filter(r -> !r.equals(state.rounds.get(r.id()))).toList();
      return reader.tallies(changed.stream().map(Round::id).toList()).map(tallies -> {
        changed.forEach(r -> {
          state.rounds.put(r.id(), r);
          state.tallies.put(r.id(), tallies.get(r.id()));
          sendRound(r);
        });
        return null;
      });
    }));
  }

  private void sendRound(Round round) {
    Tally tally = state.tallies.get(round.id());
    broadcast.send(sockets, LiveState.tiersOf(round), "round", socket -> LiveFrames.visible(round, socket),
        visible -> new JsonObject().put("round", LiveFrames.round(round, tally, visible)));
  }

  void eventChanged() {
    then(() -> reader.event(eventId).<Void>map(event -> {
      state.event(event);
      broadcast.toAll(sockets, "event", "event", state.event);
      return null;
    }));
  }

  void partChanged(LivePart part) {
    then(() -> part.state(eventId).<Void>map(json -> {
      state.parts.put(part.topic(), json);
      broadcast.toAll(sockets, part.topic(), part.topic(), json);
      return null;
    }));
  }

  /** Votes were committed in these rounds (here or elsewhere): their tallies are read at the next tick. */
  void voted(long roundId) {
    dirty.add(roundId);
  }

  /** Votes may have been committed in any round without a notice (a process died): all are read at the next tick. */
  void recount() {
    dirty.addAll(state.rounds.keySet());
  }

  /**
   * Once per tick: one read per round that got votes, one tally frame per audience for each whose totals changed (a
   * re-sent vote or a {@link #recount} that finds nothing new sends nothing).
   */
  void tick() {
    if (dirty.isEmpty()) {
      return;
    }
    List<Long> rounds = new ArrayList<>(dirty);
    dirty.clear();
    long asOf = System.currentTimeMillis(); // before the read starts: every vote acknowledged by now is in it
    meters.tallyTick();
    then(() -> reader.tallies(rounds).<Void>map(tallies -> {
      tallies.forEach((roundId, tally) -> {
        Tally before = state.tallies.put(roundId, tally);
        Round round = state.rounds.get(roundId);
        if (round != null && (before == null || !before.categories().equals(tally.categories()))) {
          sendTally(round, tally, asOf);
        }
      });
      return null;
    }));
  }

  /** A tier whose sockets may see none of the round's results gets no frame (and keeps its sequence number). */
  private void sendTally(Round round, Tally tally, long asOf) {
    List<Tier> tiers = LiveState.tiersOf(round).stream().filter(tier -> sockets.stream()
        .anyMatch(s -> s.tier == tier && !LiveFrames.visible(round, s).isEmpty())).toList();
    broadcast.send(sockets, tiers, "tally", socket -> LiveFrames.visible(round, socket),
        visible -> LiveFrames.tally(tally, visible).put("asOf", asOf));
  }

  void turnout(int connected) {
    if (sockets.stream().anyMatch(s -> s.tier == Tier.ORGANISERS)) {
      then(() -> {
        broadcast.send(sockets, List.of(Tier.ORGANISERS), "turnout", socket -> true,
            any -> LiveFrames.turnout(state, connected));
        return Future.<Void>succeededFuture();
      });
    }
  }

  /** After the feed listened again: it may have missed notices, so everything is read and sent again. */
  void resync() {
    eventChanged();
    reader.parts().forEach(this::partChanged);
    then(() -> {
      state.rounds.clear(); // so that every round counts as changed
      return Future.<Void>succeededFuture();
    });
    roundsChanged();
  }
}
