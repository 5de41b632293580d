package app.shipyard.bench;

import app.shipyard.Shipyard;
import app.shipyard.config.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The showcase benchmark (issue 11, "Performance"): see BENCHMARKS.md for the command and what it measures. */
public final class ShowcaseBench {

  public static void main(String[] args) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HTTP_PORT", "0");
    env.put("SHIPYARD_DATA_DIR", System.getProperty("bench.dataDir", Path.of("target", "bench-showcase-data").toString()));
    env.put("SAMPLE_DATA", "false");
    Shipyard shipyard = Shipyard.start(new ConfigLoader(env).load());
    try {
      if (!ShowcaseSeed.seeded(shipyard.pool()).await()) {
        long start = System.nanoTime();
        List<ShowcaseSeed.Step> steps = ShowcaseSeed.load(shipyard.pool()).await();
        System.out.printf("seeded in %d ms%n", (System.nanoTime() - start) / 1_000_000);
      }
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      shipyard.stop();
      System.exit(0);
    }
  }
}
