package app.shipyard.bench.live;

import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One load-generator connection: a voter's socket on the live channel. It waits for its snapshot, keeps the arrival
 * of every tally frame of the rounds being measured ({@link TallyLog}) and routes acks and errors to the vote that
 * asked for them. All of a worker's voters run on one event loop, so nothing here is shared between threads.
 */
final class Voter {

  final int person;
  final WebSocket ws;
  final TallyLog tallies = new TallyLog();
  final Promise<Void> snapshot = Promise.promise();
  private final Map<String, Consumer<JsonObject>> answers = new HashMap<>();
  private boolean closing;

  Voter(int person, WebSocket ws, Consumer<Voter> dropped, TallyLog.Filter measured) {
    this.person = person;
    this.ws = ws;
    ws.textMessageHandler(text -> receive(text, measured));
    ws.closeHandler(v -> {
      if (!closing) {
        dropped.accept(this);
      }
      answers.values().forEach(answer -> answer.accept(new JsonObject().put("type", "error").put("code", "closed")));
      answers.clear();
    });
  }

  /** Tally frames are read without parsing the whole frame (thousands arrive per tick); the rest is parsed. */
  private void receive(String text, TallyLog.Filter measured) {
    if (text.contains("\"type\":\"tally\"")) {
      long round = number(text, "\"roundId\":");
      if (measured.test(round)) {
        tallies.add(round, number(text, "\"asOf\":"), System.currentTimeMillis());
      }
    } else if (text.contains("\"type\":\"snapshot\"")) {
      snapshot.tryComplete();
    } else if (text.contains("\"ref\"")) {
      JsonObject frame = new JsonObject(text);
      Consumer<JsonObject> answer = answers.remove(frame.getString("ref"));
      if (answer != null) {
        answer.accept(frame);
      }
    }
  }

  /** Sends a vote message; {@code answer} gets its ack or error (or a made-up "closed" error). */
  void vote(JsonObject message, Consumer<JsonObject> answer) {
    String ref = message.getString("ref");
    answers.put(ref, answer);
    ws.writeTextMessage(message.encode()).onFailure(failure -> {
      Consumer<JsonObject> waiting = answers.remove(ref);
      if (waiting != null) {
        waiting.accept(new JsonObject().put("type", "error").put("code", "not_sent"));
      }
    });
  }

  /** Forgets an answer that never came (the vote run gave up on it). */
  void forget(String ref) {
    answers.remove(ref);
  }

  /** A close the load generator asked for: not counted as a drop. */
  void close() {
    closing = true;
    ws.close();
  }

  boolean isOpen() {
    return !closing && !ws.isClosed();
  }

  private static long number(String text, String key) {
    int at = text.indexOf(key);
    if (at < 0) {
      return -1;
    }
    long value = 0;
    for (int i = at + key.length(); i < text.length() && Character.isDigit(text.charAt(i)); i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}
