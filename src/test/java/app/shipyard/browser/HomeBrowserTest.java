package app.shipyard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The home page in a real browser: a captain acts on what it shows and comes back to see it done. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@DisplayName("The home page in a real browser")
class HomeBrowserTest {

  @RegisterExtension
  final BrowserSession browser = new BrowserSession();

  private long pitch;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    Api api = new Api(vertx);
    Events events = new Events(api);
    long event = events.create(new JsonObject().put("title", "ShipIt Home Day").put("joinByRequest", true));
    events.moveTo(event, "pitching");
    pitch = events.pitch(api.token(TestShipyard.EMPLOYEE), event, new JsonObject().put("title", "Robot barista"));
    assertEquals(202, events.post(api.token(TestShipyard.OTHER_EMPLOYEE), "/api/pitches/" + pitch + "/join",
        new JsonObject()).statusCode());
  }

  @Test
  @DisplayName("Emma sees Otto's request on her home page, follows it to her team page, approves it, and back home "
      + "the request is gone and her team has two members")
  void captainActsOnAJoinRequest() {
    WebDriver emma = browser.driver();
    browser.signIn(TestShipyard.EMPLOYEE);
    String request = browser.visible(By.cssSelector("#waiting-requests li.request")).getText();
    assertTrue(request.contains("Otto Other asks to join Robot barista"), request);
    assertTrue(emma.findElement(By.cssSelector("#events li.event")).getText().contains("ShipIt Home Day"));

    emma.findElement(By.cssSelector("#waiting-requests a")).click();
    browser.waitForPath("/pitches/" + pitch + "/team");
    browser.visible(By.cssSelector("#join-requests button.primary")).click();
    browser.waiting().until(d -> d.findElement(By.id("team-summary")).getText().contains("2 of 4 places taken"));

    emma.findElement(By.cssSelector("header a[href='/']")).click();
    browser.waitForPath("/");
    assertEquals("Nobody is waiting for your answer.",
        browser.visible(By.cssSelector("#waiting-requests li.empty")).getText());
    String team = emma.findElement(By.cssSelector("#my-teams li.team")).getText();
    assertTrue(team.contains("Robot barista") && team.contains("2 of 4 places taken"), team);
  }
}
