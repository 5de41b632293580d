package app.shipyard.live;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One browser's connection to an event's live channel, owned by its hub (only ever touched on the hub's event loop).
 * It never queues without bound: a frame that finds the socket's write queue full is skipped and the socket marked
 * behind; once the queue drains, the hub sends it a fresh snapshot instead of the frames it missed.
 */
final class LiveSocket {

  /** Messages per second a client may send, the burst it may save up, and refusals in a row before it is cut off. */
  private static final double MESSAGES_PER_SECOND = 10;
  private static final int BURST = 20;
  private static final int STRIKES = 40;
  /** Votes of one connection waiting for the database at once. */
  static final int MOST_VOTES_IN_FLIGHT = 4;

  final ServerWebSocket ws;
  final Person person;
  final boolean publicView;
  final Tier tier;
  private final LiveMeters meters;
  /** The categories this person has voted in, per round (from the snapshot and their acknowledged votes). */
  private final Map<Long, Set<Long>> votedIn = new HashMap<>();
  private final MessageRate rate = new MessageRate(MESSAGES_PER_SECOND, BURST, STRIKES, System.currentTimeMillis());
  private boolean behind;
  /** The message being assembled from its frames, and whether it is binary or already too large to read. */
  private Buffer partial;
  private boolean partialBinary;
  private boolean partialTooLarge;
  /** When the sign-in it was opened with expires (epoch ms); the hub closes it then. */
  long expiresAt = Long.MAX_VALUE;
  /** Set once its first snapshot is out: only then is it sent updates. */
  boolean ready;
  int votesInFlight;

  LiveSocket(ServerWebSocket ws, Person person, boolean publicView, LiveMeters meters) {
    this.ws = ws;
    this.person = person;
    this.publicView = publicView;
    this.meters = meters;
    this.tier = runsRounds(person) && !publicView ? Tier.ORGANISERS : Tier.EVERYONE;
  }

  /** Organisers and admins run an event's rounds (as on the round page): they see every tally. */
  static boolean runsRounds(Person person) {
    return person.has(Role.ORGANISER) || person.has(Role.ADMIN);
  }

  /** Whether results are shown to this connection as to the people who run the round. */
  boolean runsTheRound() {
    return tier == Tier.ORGANISERS;
  }

  /** The categories this connection counts as voted in: none for the public view (the projector). */
  Set<Long> votedIn(long roundId) {
    return publicView ? Set.of() : votedIn.getOrDefault(roundId, Set.of());
  }

  void voted(long roundId, long categoryId) {
    votedIn.computeIfAbsent(roundId, id -> new HashSet<>()).add(categoryId);
  }

  void votedIn(long roundId, Set<Long> categories) {
    votedIn.put(roundId, new HashSet<>(categories));
  }

  MessageRate.Verdict take() {
    return rate.take(System.currentTimeMillis());
  }

  /** Writes one encoded message; false when skipped because the socket is behind or its write queue is full. */
  boolean write(Buffer message) {
    if (ws.isClosed()) {
      return false;
    }
    if (!behind && ws.writeQueueFull()) {
      behind = true;
    }
    if (!behind) {
      TextFrames.write(ws, message);
    }
    meters.written(!behind);
    return !behind;
  }

  /**
   * Adds a received frame to the message being assembled; the whole message once its last frame is in, else null.
   * A message over {@code maxBytes} is not kept beyond that: it comes out as too large.
   */
  Assembled assemble(WebSocketFrame frame, int maxBytes) {
    if (frame.isText() || frame.isBinary()) {
      partial = Buffer.buffer();
      partialBinary = frame.isBinary();
      partialTooLarge = false;
    } else if (!frame.isContinuation() || partial == null) {
      return null; // control frames are Vert.x's; a stray continuation has no message to belong to
    }
    if (!partialTooLarge) {
      partial.appendBuffer(frame.binaryData());
      partialTooLarge = partial.length() > maxBytes;
    }
    if (!frame.isFinal()) {
      return null;
    }
    Assembled done = new Assembled(partialTooLarge ? Assembled.Kind.TOO_LARGE
        : partialBinary ? Assembled.Kind.BINARY : Assembled.Kind.TEXT, partial.toString(StandardCharsets.UTF_8));
    partial = null;
    return done;
  }

  /** A whole message from the client: text (to read), binary or too large (to refuse). */
  record Assembled(Kind kind, String text) {
    enum Kind { TEXT, BINARY, TOO_LARGE }
  }

  /** A frame for this socket alone (an acknowledgement, an error, a pong); skipped like any other when behind. */
  boolean write(JsonObject frame) {
    return write(TextFrames.encode(frame));
  }

  boolean behind() {
    return behind;
  }

  /** Its queue drained: frames flow again (the hub follows with a snapshot). */
  void caughtUp() {
    behind = false;
  }
}
