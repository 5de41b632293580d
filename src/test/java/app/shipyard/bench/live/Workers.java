package app.shipyard.bench.live;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The load-generator processes ({@link LoadWorker}), each connecting from its own loopback address 127.0.0.2, .3, ...
 * and driven over its standard input and output, one JSON line per command and per answer.
 */
final class Workers implements AutoCloseable {

  private record Worker(Process process, Writer commands, BlockingQueue<JsonObject> answers) {}

  private final List<Worker> workers = new ArrayList<>();
  private long nextId;

  /**
   * Starts {@code count} workers, worker i connecting to {@code ports[i mod servers]}; the identity provider's settings
   * are the servers'.
   */
  static Workers start(int count, List<Integer> ports, int heapMb, List<String> idp, Path logs) throws IOException {
    Workers started = new Workers();
    try {
      for (int i = 0; i < count; i++) {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heapMb + "m",
            "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), LoadWorker.class.getName(),
            Integer.toString(ports.get(i % ports.size())), "127.0.0." + (2 + i)));
        command.addAll(idp);
        Process process = new ProcessBuilder(command)
            .redirectError(logs.resolve("worker-" + i + ".log").toFile()).start();
        started.workers.add(new Worker(process,
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), answers(process, i)));
      }
      return started;
    } catch (IOException | RuntimeException e) {
      started.close();
      throw e;
    }
  }

  private static BlockingQueue<JsonObject> answers(Process process, int index) {
    BlockingQueue<JsonObject> answers = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("{")) {
            answers.add(new JsonObject(line));
          }
        }
      } catch (IOException | RuntimeException e) {
        answers.add(new JsonObject().put("failure", "worker " + index + " output: " + e));
      }
      answers.add(new JsonObject().put("failure", "worker " + index + " exited"));
    }, "bench-worker-" + index);
    reader.setDaemon(true);
    reader.start();
    return answers;
  }

  int size() {
    return workers.size();
  }

  /** Sends worker i the command {@code commandFor.apply(i)} (all at once) and waits for every answer. */
  List<JsonObject> all(IntFunction<JsonObject> commandFor, Duration patience) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      long id = ++nextId;
      ids.add(id);
      send(workers.get(i), commandFor.apply(i).put("id", id));
    }
    long deadline = System.nanoTime() + patience.toNanos();
    List<JsonObject> answers = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      answers.add(await(workers.get(i), ids.get(i), deadline, patience));
    }
    return answers;
  }

  private static void send(Worker worker, JsonObject command) {
    try {
      worker.commands.write(command.encode() + "\n");
      worker.commands.flush();
    } catch (IOException e) {
      throw new IllegalStateException("A load-generator worker stopped taking commands", e);
    }
  }

  private static JsonObject await(Worker worker, long id, long deadline, Duration patience) {
    try {
      while (true) {
        JsonObject answer = worker.answers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (answer == null) {
          throw new IllegalStateException("A load-generator worker did not answer within " + patience);
        }
        if (answer.containsKey("failure")) {
          throw new IllegalStateException("A load-generator worker failed: " + answer.getString("failure"));
        }
        if (answer.getLong("id", -1L) == id) {
          return answer;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a worker", e);
    }
  }

  /** Asks each worker to quit, and kills any that has not within 10 s. */
  @Override
  public void close() {
    for (Worker worker : workers) {
      try {
        worker.commands.write("{\"op\":\"quit\"}\n");
        worker.commands.close();
      } catch (IOException e) {
        // already gone: nothing to ask
      }
    }
    for (Worker worker : workers) {
      try {
        if (!worker.process.waitFor(10, TimeUnit.SECONDS)) {
          worker.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        worker.process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
  }
}
