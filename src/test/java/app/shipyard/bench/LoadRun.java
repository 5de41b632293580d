package app.shipyard.bench;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load generator: {@code connections} callers, each sending its next request as soon as the last
 * one is answered, for a fixed time; every latency is kept, and answers are counted by status (200 full, 304 not
 * modified, anything else an error). {@link #sequence} sends a fixed list of requests one at a time instead.
 */
final class LoadRun {

  /** One request: where, and the {@code If-None-Match} to send (or null). */
  record Call(String path, String ifNoneMatch) {}

  /** What a scenario measured. */
  record Result(String name, int connections, long nanos, long[] latencies, long full, long notModified,
                long errors, long bytes) {
    long count() {
      return latencies.length;
    }

    double perSecond() {
      return count() / (nanos / 1e9);
    }

    double pct(int p) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1,
          (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
  }

  private final HttpClient client;
  private final String token;

  LoadRun(HttpClient client, String token) {
    this.client = client;
    this.token = token;
  }

  /** {@code connections} callers for {@code seconds}; caller {@code c}'s {@code n}th request is {@code calls(c, n)}. */
  Result closedLoop(String name, int connections, double seconds, Caller calls) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    Tally tally = new Tally();
    long start = System.nanoTime();
    List<Future<Void>> callers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int caller = c;
      callers.add(loop(tally, end, n -> calls.call(caller, n), 0));
    }
    Future.all(callers).await();
    return tally.result(name, connections, System.nanoTime() - start);
  }

  /** The ETag {@code bearer} gets for {@code path} (for the conditional scenarios). */
  String etag(String path, String bearer, String cookie) {
    return client.request(request(path, bearer, cookie)).compose(request -> request.send())
        .compose(response -> response.body().map(body -> response.getHeader("ETag"))).await();
  }

  /**
   * The cookies {@code path} sets, as a browser sends them back ({@code name=value; ...}): a page's form token is one,
   * and a page's ETag names it, so a browser that sends it back gets the same tag each time.
   */
  String cookies(String path, String bearer) {
    return client.request(request(path, bearer, null)).compose(request -> request.send())
        .compose(response -> response.body().map(body -> String.join("; ", response.cookies().stream()
            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).toList()))).await();
  }

  private static RequestOptions request(String path, String bearer, String cookie) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(path)
        .putHeader("Authorization", "Bearer " + bearer);
    if (cookie != null && !cookie.isEmpty()) {
      options.putHeader("Cookie", cookie);
    }
    return options;
  }

  /** The calls one at a time, in order. */
  Result sequence(String name, List<Call> calls) {
    return sequence(name, calls, Future::succeededFuture);
  }

  /** The calls one at a time, in order, each after {@code before} (whose time is not a request's). */
  Result sequence(String name, List<Call> calls, java.util.function.Supplier<Future<?>> before) {
    Tally tally = new Tally();
    long start = System.nanoTime();
    for (Call call : calls) {
      before.get().await();
      send(call, tally).await();
    }
    return tally.result(name, 1, System.nanoTime() - start);
  }

  /** The {@code n}th call of caller {@code caller}, with its own bearer token. */
  interface Caller {
    Bearer call(int caller, int n);
  }

  /** A call, whose token it carries, and the cookie a browser would send back with it (or null). */
  record Bearer(Call call, String token, String cookie) {}

  private Future<Void> loop(Tally tally, long end, IntFunction<Bearer> calls, int n) {
    if (System.nanoTime() >= end) {
      return Future.succeededFuture();
    }
    Bearer next = calls.apply(n);
    return send(next.call(), next.token(), next.cookie(), tally).transform(ar -> loop(tally, end, calls, n + 1));
  }

  private Future<Void> send(Call call, Tally tally) {
    return send(call, token, null, tally);
  }

  private Future<Void> send(Call call, String bearer, String cookie, Tally tally) {
    RequestOptions options = request(call.path(), bearer, cookie).putHeader("Accept", "text/html,application/json");
    if (call.ifNoneMatch() != null) {
      options.putHeader("If-None-Match", call.ifNoneMatch());
    }
    long sent = System.nanoTime();
    return client.request(options).compose(request -> request.send())
        .compose(response -> response.body().map(body -> tally.record(response, body.length(), sent)))
        .recover(failure -> Future.succeededFuture(tally.failed(sent)));
  }

  /** Counts shared by a scenario's callers (they all run on one event loop, but the adders cost little). */
  private static final class Tally {
    private final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    private final LongAdder full = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    Void record(HttpClientResponse response, int length, long sent) {
      latencies.add(System.nanoTime() - sent);
      switch (response.statusCode()) {
        case 200 -> {
          full.increment();
          bytes.add(length);
        }
        case 304 -> notModified.increment();
        default -> errors.increment();
      }
      return null;
    }

    Void failed(long sent) {
      latencies.add(System.nanoTime() - sent);
      errors.increment();
      return null;
    }

    Result result(String name, int connections, long nanos) {
      long[] all;
      synchronized (latencies) {
        all = latencies.stream().mapToLong(Long::longValue).toArray();
      }
      return new Result(name, connections, nanos, all, full.sum(), notModified.sum(), errors.sum(), bytes.sum());
    }
  }
}
