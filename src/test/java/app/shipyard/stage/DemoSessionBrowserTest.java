package app.shipyard.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.browser.BrowserSession;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The demo session in two real browsers: a phone-sized one votes on the phone page, another shows the projector
 * (signed in as an organiser, yet showing only what participants may see). Both follow the live channel: the timer
 * runs, the stage moves and the result bar grows without a reload.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, timeUnit = TimeUnit.SECONDS)
@DisplayName("The demo session in real browsers: a phone votes, the projector follows")
class DemoSessionBrowserTest {

  @RegisterExtension
  final BrowserSession projector = new BrowserSession("projector");
  @RegisterExtension
  final BrowserSession phone = new BrowserSession("phone");

  private StageFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new StageFixture(vertx);
    f.done("build");
    f.events.moveTo(f.event, "demos");
  }

  @Test
  @DisplayName("The timer advances on both screens, both follow the next slot, and a phone vote moves the live bar")
  void liveRound() {
    JsonObject round = f.openRound("live");
    long category = round.getJsonArray("categories").getJsonObject(0).getLong("id");
    f.done("start");
    openProjector();
    openPhone();
    waitForTitle(projector, "on-stage-title", "Bot");
    waitForTitle(phone, "on-stage-title", "Bot");
    timerAdvances(projector, "timer");
    timerAdvances(phone, "on-stage-clock");

    f.done("next");
    waitForTitle(projector, "on-stage-title", "Data");
    waitForTitle(phone, "on-stage-title", "Data");

    voteOnPhone(category, f.data);
    By points = By.cssSelector("#result-" + category + " li[data-pitch='" + f.data + "'] .points");
    projector.waiting().withMessage(() -> "the projector's bar for Data to show 1 point").until(d ->
        d.findElements(points).stream().anyMatch(e -> "1".equals(e.getText().trim())));
    assertTrue(stayedOnPage(projector), "the projector followed without reloading");
  }

  @Test
  @DisplayName("Results kept for the reveal stay off the projector until the organiser reveals them, then grow")
  void reveal() {
    JsonObject round = f.openRound("on_reveal");
    long roundId = round.getLong("id");
    long category = round.getJsonArray("categories").getJsonObject(0).getLong("id");
    f.done("start", new JsonObject().put("slotId", StageFixture.slotId(f.order(), "Data")));
    openProjector();
    openPhone();
    waitForTitle(phone, "on-stage-title", "Data");

    voteOnPhone(category, f.data);
    waitUntilLive(projector);
    assertTrue(projector.driver().findElements(By.id("result-" + category)).isEmpty(),
        "no result on the projector before the reveal");

    assertEquals(200, f.events.post(f.organiser, "/api/rounds/" + roundId + "/close", new JsonObject()).statusCode());
    assertTrue(projector.driver().findElements(By.id("result-" + category)).isEmpty(),
        "closing does not show results kept for the reveal");
    assertEquals(200, f.events.post(f.organiser, "/api/rounds/" + roundId + "/reveal", new JsonObject())
        .statusCode());
    By winner = By.cssSelector("#result-" + category + " li.winner.shown[data-pitch='" + f.data + "'] .points");
    projector.waiting().withMessage(() -> "the revealed winner's bar to grow to Data's 1 point").until(d ->
        d.findElements(winner).stream().anyMatch(e -> "1".equals(e.getText().trim())));
    assertTrue(stayedOnPage(projector), "the reveal arrived over the live channel");
  }

  private void openProjector() {
    projector.signIn(TestShipyard.ORGANISER);
    projector.open("/events/" + f.event + "/projector");
    mark(projector);
  }

  private void openPhone() {
    phone.driver().manage().window().setSize(new Dimension(390, 844));
    phone.signIn(TestShipyard.EMPLOYEE);
    phone.open("/events/" + f.event + "/vote");
  }

  /** Emma (captain of Bot) votes for another team's project with the phone page's form. */
  private void voteOnPhone(long category, long pitch) {
    waitUntilLive(phone);
    WebElement form = phone.visible(By.id("category-" + category));
    form.findElement(By.cssSelector("input[name=pitchId][value='" + pitch + "']")).click();
    form.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement said = phone.visible(By.id("vote-result"));
    phone.waiting().withMessage(() -> "the phone to say the vote is recorded, it says: " + said.getText())
        .until(d -> said.getText().contains("Your vote is recorded"));
    assertFalse(said.getAttribute("class").contains("error"), said.getText());
  }

  private static void waitForTitle(BrowserSession browser, String id, String title) {
    browser.waiting().withMessage(() -> "#" + id + " to read " + title).until(d ->
        title.equals(d.findElement(By.id(id)).getText().trim()));
  }

  /** The countdown on a screen changes by itself within a few seconds, and stays a clock (m:ss). */
  private static void timerAdvances(BrowserSession browser, String id) {
    WebElement timer = browser.visible(By.id(id));
    String first = timer.getText().trim();
    assertTrue(first.matches("-?\\d+:\\d\\d"), "a clock: " + first);
    browser.waiting().withMessage(() -> "#" + id + " to count down from " + first).until(d -> {
      String now = timer.getText().trim();
      return !now.equals(first) && now.matches("-?\\d+:\\d\\d");
    });
  }

  private static void waitUntilLive(BrowserSession browser) {
    browser.waiting().withMessage(() -> "the page to be connected to the live channel").until(d ->
        Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
            "return document.documentElement.dataset.live === 'live'")));
  }

  private static void mark(BrowserSession browser) {
    ((JavascriptExecutor) browser.driver()).executeScript("window.shipyardTestMark = true;");
  }

  private static boolean stayedOnPage(BrowserSession browser) {
    return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript(
        "return window.shipyardTestMark === true;"));
  }
}
