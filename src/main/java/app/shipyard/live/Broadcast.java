package app.shipyard.live;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sends a channel's numbered frames: each {@link Tier} has its sequence number, raised by one for every update frame
 * the tier is sent; within a tier a frame is built and encoded once per audience key and the same bytes are written
 * to every socket with that key.
 *
 * <p>The writes go through one queue per channel, {@value #SLICE} at a time per turn of the event loop: a tally for
 * 7,500 sockets takes ~150 ms of writing, and between slices the loop serves its HTTP requests (the projector and
 * phone pages) instead of making them wait for the whole broadcast. Snapshots go through the same queue, so every
 * socket gets its frames in sequence order.
 */
final class Broadcast {

  static final int SLICE = 500;

  /** One write waiting in the queue; {@code sent} runs once it is written (no socket: the end of a broadcast). */
  private record Write(LiveSocket socket, Buffer frame, Runnable sent) {}

  private final Map<Tier, Long> seq = new EnumMap<>(Tier.class);
  private final LiveMeters meters;
  private final Context context = Vertx.currentContext();
  private final Deque<Write> queue = new ArrayDeque<>();
  private boolean draining;

  Broadcast(LiveMeters meters) {
    this.meters = meters;
    for (Tier tier : Tier.values()) {
      seq.put(tier, 0L);
    }
  }

  /** The tier's current sequence number: the one a snapshot carries. */
  long seq(Tier tier) {
    return seq.get(tier);
  }

  /** A frame for one socket (a snapshot), after every frame queued before it; {@code sent} once it is written. */
  void toOne(LiveSocket socket, Buffer frame, Runnable sent) {
    queue.add(new Write(socket, frame, sent));
    drain();
  }

  /** The same frame for everyone: {@code {type, seq, serverTime, <key>: value}}. */
  void toAll(Collection<LiveSocket> sockets, String type, String key, JsonObject value) {
    send(sockets, List.of(Tier.values()), type, socket -> true, any -> new JsonObject().put(key, value.copy()));
  }

  <K> void send(Collection<LiveSocket> sockets, List<Tier> tiers, String type, Function<LiveSocket, K> keyOf,
                Function<K, JsonObject> bodyOf) {
    long started = System.nanoTime();
    for (Tier tier : tiers) {
      long next = seq.merge(tier, 1L, Long::sum);
      Map<K, Buffer> encoded = new HashMap<>();
      for (LiveSocket socket : sockets) {
        if (socket.ready && socket.tier == tier) {
          K key = Objects.requireNonNull(keyOf.apply(socket));
          queue.add(new Write(socket, encoded.computeIfAbsent(key, k -> TextFrames.encode(LiveFrames.stamped(type,
              next, bodyOf.apply(k)))), null));
        }
      }
    }
    queue.add(new Write(null, null, () -> meters.broadcast(started)));
    drain();
  }

  private void drain() {
    if (draining) {
      return;
    }
    draining = true;
    for (int written = 0; written < SLICE && !queue.isEmpty(); written++) {
      Write next = queue.poll();
      boolean delivered = next.socket() == null || next.socket().write(next.frame());
      if (delivered && next.sent() != null) {
        next.sent().run();
      }
    }
    if (queue.isEmpty()) {
      draining = false;
    } else if (context == null) {
      draining = false;
      drain();
    } else {
      context.runOnContext(v -> {
        draining = false;
        drain();
      });
    }
  }
}
