package app.shipyard.live;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every live-channel test class starts from: a fresh {@link LiveFixture} (an event in its demos phase, people and
 * tokens) before each test, and every {@link LiveClient} it opened closed after. Subclasses carry
 * {@code @ExtendWith(VertxExtension.class)}, which gives the fixture its {@code Vertx}.
 */
abstract class LiveTestCase {

  LiveFixture f;

  @BeforeEach
  void openLiveFixture(Vertx vertx) {
    f = new LiveFixture(vertx);
  }

  @AfterEach
  void closeLiveClients() {
    LiveClient.closeAll();
  }
}
