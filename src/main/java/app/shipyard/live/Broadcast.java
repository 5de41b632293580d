package app.shipyard.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sends a channel's update frames: each {@link Tier} has its sequence number, raised by one for every update frame
 * the tier is sent; within a tier a frame is built and encoded once per audience key and the same bytes are written
 * to every socket with that key.
 */
final class Broadcast {

  private final Map<Tier, Long> seq = new EnumMap<>(Tier.class);
  private final LiveMeters meters;

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
          socket.write(encoded.computeIfAbsent(key, k -> TextFrames.encode(LiveFrames.stamped(type, next,
              bodyOf.apply(k)))));
        }
      }
    }
    meters.broadcast(started);
  }
}
