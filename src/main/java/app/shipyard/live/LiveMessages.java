package app.shipyard.live;

import app.shipyard.db.DatabaseUnavailable;
import app.shipyard.db.SqlErrors;
import app.shipyard.voting.VoteInput;
import app.shipyard.voting.VoteRefused;
import app.shipyard.voting.VoteRepository;
import app.shipyard.voting.VoteRequest;
import app.shipyard.web.AppError;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client may send on the live channel, and the answers: {@code ping}, {@code snapshot} and {@code vote}. A
 * vote is cast through {@link VoteRepository#cast}, exactly as over HTTP, so it gets the same acknowledgement and the
 * same refusals (code and words). Nothing a client sends raises an exception here: a malformed, oversized or unknown
 * message is answered with an {@code error} frame, a flood with a close.
 */
final class LiveMessages {

  /** The longest message the channel reads; a vote is far smaller. */
  static final int MAX_MESSAGE_BYTES = 4_096;
  static final short CLOSE_FLOODING = 1008;
  private static final int MAX_REF_CHARS = 64;
  private static final Logger LOG = LoggerFactory.getLogger(LiveMessages.class);

  private final VoteRepository votes;

  LiveMessages(VoteRepository votes) {
    this.votes = votes;
  }

  static JsonObject error(String ref, String code, String message) {
    return new JsonObject().put("type", "error").put("ref", ref).put("code", code).put("message", message);
  }

  /** A frame from the client: once its message is whole, that message is read. */
  void frame(Channel channel, LiveSocket socket, WebSocketFrame frame) {
    LiveSocket.Assembled message = socket.assemble(frame, MAX_MESSAGE_BYTES);
    if (message != null) {
      received(channel, socket, message);
    }
  }

  private void received(Channel channel, LiveSocket socket, LiveSocket.Assembled message) {
    MessageRate.Verdict verdict = socket.take();
    if (verdict == MessageRate.Verdict.FLOODING) {
      socket.ws.close(CLOSE_FLOODING, "Too many messages");
      return;
    }
    if (verdict == MessageRate.Verdict.REFUSED) {
      socket.write(error(null, "rate_limited", "Too many messages at once; wait a moment and send again."));
      return;
    }
    if (message.kind() != LiveSocket.Assembled.Kind.TEXT) {
      socket.write(message.kind() == LiveSocket.Assembled.Kind.BINARY
          ? error(null, "bad_frame", "Send JSON as text frames.")
          : error(null, "too_large", "A message may have at most " + MAX_MESSAGE_BYTES + " bytes."));
      return;
    }
    Optional<JsonObject> parsed = parse(message.text());
    Object ref = parsed.map(m -> m.getValue("ref")).orElse(null);
    if (parsed.isEmpty() || ref != null && !(ref instanceof String s && s.length() <= MAX_REF_CHARS)) {
      socket.write(error(null, "bad_frame", "A message must be a JSON object with a type (and a short text ref)."));
      return;
    }
    JsonObject json = parsed.get();
    String type = json.getValue("type") instanceof String t ? t : "";
    switch (type) {
      case "ping" -> socket.write(new JsonObject().put("type", "pong").put("ref", ref)
          .put("serverTime", System.currentTimeMillis()));
      case "snapshot" -> channel.snapshot(socket);
      case "vote" -> vote(channel, socket, (String) ref, json);
      default -> socket.write(error((String) ref, "bad_frame", "Unknown message type; send ping, snapshot or vote."));
    }
  }

  private static Optional<JsonObject> parse(String text) {
    try {
      return Json.decodeValue(text) instanceof JsonObject object ? Optional.of(object) : Optional.empty();
    } catch (DecodeException e) {
      return Optional.empty();
    }
  }

  private void vote(Channel channel, LiveSocket socket, String ref, JsonObject message) {
    long roundId = message.getValue("roundId") instanceof Number n && n.doubleValue() == n.longValue()
        ? n.longValue() : 0;
    if (roundId <= 0) {
      socket.write(invalid(ref, AppError.invalid("roundId", "must name a voting round of this event")));
      return;
    }
    if (!channel.hasRound(roundId, socket.tier)) {
      channel.knowsRound(roundId, socket.tier).onSuccess(known -> {
        if (known) {
          vote(channel, socket, ref, message);
        } else {
          socket.write(error(ref, "not_found", "That voting round was not found."));
        }
      });
      return;
    }
    if (socket.votesInFlight >= LiveSocket.MOST_VOTES_IN_FLIGHT) {
      socket.write(error(ref, "rate_limited", "Wait for the answers to your last votes before sending more."));
      return;
    }
    VoteRequest vote;
    try {
      vote = VoteInput.read(message);
    } catch (AppError e) {
      socket.write(invalid(ref, e));
      return;
    }
    socket.votesInFlight++;
    votes.cast(socket.person, roundId, vote).onComplete(cast -> {
      socket.votesInFlight--;
      if (cast.succeeded()) {
        socket.voted(roundId, cast.result().categoryId());
        socket.write(cast.result().toJson().put("type", "ack").put("ref", ref));
      } else {
        socket.write(refused(ref, cast.cause()));
      }
    });
  }

  private static JsonObject invalid(String ref, AppError e) {
    JsonObject error = error(ref, "invalid", e.getMessage());
    return e.fields().isEmpty() ? error : error.put("fields", new JsonObject(Map.copyOf(e.fields())));
  }

  /** A failed vote in the words HTTP would use: the refusal's code, or the kind of error. */
  static JsonObject refused(String ref, Throwable failure) {
    if (failure instanceof VoteRefused refused) {
      return error(ref, refused.refusal().code(), refused.getMessage());
    }
    if (failure instanceof AppError e) {
      return switch (e.status()) {
        case 400 -> invalid(ref, e);
        case 403 -> error(ref, "forbidden", e.getMessage());
        case 404 -> error(ref, "not_found", e.getMessage());
        case 429 -> error(ref, "rate_limited", e.getMessage());
        default -> error(ref, "conflict", e.getMessage());
      };
    }
    if (SqlErrors.isContention(failure)) {
      return error(ref, DatabaseUnavailable.CODE, "Shipyard is busy right now and saved nothing; please try again.");
    }
    if (SqlErrors.isConnectionFailure(failure)) {
      // Never an ack for a vote the database did not confirm; resent with its voteId, it counts at most once.
      return error(ref, DatabaseUnavailable.CODE, DatabaseUnavailable.NOT_RECORDED);
    }
    LOG.error("A vote over the live channel failed", failure);
    return error(ref, "server_error", "Something went wrong on our side. It has been logged; please try again.");
  }
}
