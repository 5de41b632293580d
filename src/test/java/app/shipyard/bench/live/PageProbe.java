package app.shipyard.bench.live;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The live session's pages fetched while a run goes on: the projector and the phone voting page, in turn, a few
 * times a second (one request at a time each, so that their latency is the server's, not a client queue's).
 */
final class PageProbe {

  private final Vertx vertx;
  private final WebClient client;
  private final String token;
  private final List<String> paths;
  private final Histogram[] latencies = {Latencies.create(), Latencies.create()};
  private final int[] failures = new int[2];
  private final boolean[] waiting = new boolean[2];
  private long timer = -1;
  private int next;

  PageProbe(Vertx vertx, WebClient client, String token, long event) {
    this.vertx = vertx;
    this.client = client;
    this.token = token;
    this.paths = List.of("/events/" + event + "/projector", "/events/" + event + "/vote");
  }

  synchronized void start(int perSecond) {
    if (perSecond > 0 && timer < 0) {
      timer = vertx.setPeriodic(Math.max(1, 1000 / perSecond), t -> get(next++ % paths.size()));
    }
  }

  /** A page whose last request is still out is not asked again: a slow answer is measured, not queued behind. */
  private synchronized void get(int page) {
    if (waiting[page]) {
      return;
    }
    waiting[page] = true;
    long sent = System.nanoTime();
    client.get(paths.get(page)).bearerTokenAuthentication(token).send().onComplete(result -> {
      synchronized (this) {
        waiting[page] = false;
        Latencies.recordMicros(latencies[page], (System.nanoTime() - sent) / 1000, 1);
        if (result.failed() || result.result().statusCode() != 200) {
          failures[page]++;
        }
      }
    });
  }

  synchronized void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  synchronized String summary() {
    return String.format("projector %s, %d failed; voting page %s, %d failed", Latencies.summary(latencies[0]),
        failures[0], Latencies.summary(latencies[1]), failures[1]);
  }

  synchronized Histogram projector() {
    return latencies[0].copy();
  }

  synchronized Histogram votingPage() {
    return latencies[1].copy();
  }
}
