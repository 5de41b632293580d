package app.shipyard.voting;

import app.shipyard.identity.Person;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Gathers the votes of this process into batches, so that a burst is written in a few statements instead of a few
 * per vote. A vote is sent at once when fewer than {@value #IN_FLIGHT} batches are being written; otherwise it waits
 * for the next batch, which takes everything waiting (up to {@value #MOST}). Batches grow with the load, by
 * themselves: one vote alone goes alone. A batch holds at most one vote per voter and category, and no two batches
 * in flight share one (the second waits), so a voter's votes are written in the order they came.
 *
 * <p>Thread-safe: the HTTP verticles' event loops all submit here. Each vote's answer is delivered on the context
 * that submitted it.
 */
final class VoteBatcher {

  static final int IN_FLIGHT = 4;
  static final int MOST = 256;

  /** One vote waiting for its batch; {@link #answer} delivers its result where it was cast. */
  record Pending(Person voter, long roundId, VoteRequest vote, String fingerprint, Context context,
                 Promise<Ack> promise) {

    String key() {
      return vote.categoryId() + ":" + voter.id();
    }

    void answer(AsyncResult<Ack> result) {
      if (context == null) {
        settle(result);
      } else {
        context.runOnContext(v -> settle(result));
      }
    }

    private void settle(AsyncResult<Ack> result) {
      if (result.succeeded()) {
        promise.tryComplete(result.result());
      } else {
        promise.tryFail(result.cause());
      }
    }
  }

  private final Function<List<Pending>, Future<Void>> writer;
  private final Deque<Pending> waiting = new ArrayDeque<>();
  private final Set<String> busy = new HashSet<>();
  private int inFlight;

  /** {@code writer} answers every vote of the batch it is given before its future completes. */
  VoteBatcher(Function<List<Pending>, Future<Void>> writer) {
    this.writer = writer;
  }

  Future<Ack> submit(Person voter, long roundId, VoteRequest vote) {
    Promise<Ack> promise = Promise.promise();
    Pending pending = new Pending(voter, roundId, vote, vote.fingerprint(), Vertx.currentContext(), promise);
    synchronized (this) {
      waiting.add(pending);
    }
    send();
    return promise.future();
  }

  private void send() {
    List<Pending> batch;
    synchronized (this) {
      if (inFlight >= IN_FLIGHT) {
        return;
      }
      batch = take();
      if (batch.isEmpty()) {
        return;
      }
      inFlight++;
    }
    written(batch).onComplete(done -> {
      synchronized (this) {
        inFlight--;
        batch.forEach(p -> busy.remove(p.key()));
      }
      send();
    });
  }

  private Future<Void> written(List<Pending> batch) {
    Future<Void> written;
    try {
      written = writer.apply(batch);
    } catch (RuntimeException e) {
      written = Future.failedFuture(e);
    }
    // A writer that failed without answering: its votes are not recorded, and they are told so.
    return written.recover(failure -> {
      batch.forEach(p -> p.answer(Future.failedFuture(failure)));
      return Future.succeededFuture();
    });
  }

  /** The waiting votes whose voter and category are not in a batch in flight, oldest first, up to {@link #MOST}. */
  private List<Pending> take() {
    List<Pending> batch = new ArrayList<>();
    for (Iterator<Pending> it = waiting.iterator(); it.hasNext() && batch.size() < MOST; ) {
      Pending pending = it.next();
      if (busy.add(pending.key())) {
        it.remove();
        batch.add(pending);
      }
    }
    return batch;
  }
}
