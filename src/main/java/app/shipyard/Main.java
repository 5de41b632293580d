package app.shipyard;

import app.shipyard.config.ConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the configuration, starts Shipyard and stops it gracefully on SIGTERM / Ctrl-C. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    Logger log = LoggerFactory.getLogger(Main.class);
    long started = System.nanoTime();
    try {
      Shipyard shipyard = Shipyard.start(ConfigLoader.fromEnvironment());
      Runtime.getRuntime().addShutdownHook(new Thread(shipyard::stop, "shipyard-shutdown"));
      log.info("Shipyard is up at http://localhost:{} (started in {} ms)", shipyard.port(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
      log.error("Shipyard could not start: {}", e.getMessage(), e);
      System.exit(1);
    }
  }
}
