package app.shipyard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Pitching an idea, joining its team, marking interest and commenting, in real browsers, through the pages. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@DisplayName("Pitching and joining in a real browser")
class PitchAndJoinBrowserTest {

  private static final String EVENT_TITLE = "ShipIt Browser Day";
  private static final String PITCH_TITLE = "Robot release notes";

  @RegisterExtension
  final BrowserSession captain = new BrowserSession("captain");

  @RegisterExtension
  final BrowserSession joiner = new BrowserSession("joiner");

  private Events events;
  private Api api;
  private long event;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    event = events.create(new JsonObject().put("title", EVENT_TITLE).put("teamMax", 4));
    events.moveTo(event, "pitching");
  }

  @Test
  @DisplayName("Emma pitches through the form, Otto finds the pitch in the list and joins, and both see a team of two "
      + "from two departments")
  void pitchAndJoin() {
    WebDriver emma = captain.driver();
    captain.signIn(TestShipyard.EMPLOYEE);
    emma.findElement(By.cssSelector("header a[href='/events']")).click();
    captain.waitForPath("/events");
    captain.visible(By.linkText(EVENT_TITLE)).click();
    captain.waitForPath("/events/" + event);
    captain.visible(By.cssSelector("nav.tabs a[href='/events/" + event + "/pitches']")).click();
    captain.waitForPath("/events/" + event + "/pitches");

    captain.visible(By.id("title")).sendKeys(PITCH_TITLE);
    emma.findElement(By.id("summary")).sendKeys("Release notes that write themselves");
    emma.findElement(By.id("idea")).sendKeys("Read the merged pull requests and **summarise** them.");
    emma.findElement(By.id("skills")).sendKeys("Java, Figma");
    emma.findElement(By.id("pitch-submit")).click();

    captain.waiting().withMessage("the new pitch's page").until(d -> captain.currentPath().matches("/pitches/\\d+"));
    String pitchPath = captain.currentPath();
    captain.waiting().until(textToBe(By.id("pitch-title"), PITCH_TITLE));
    assertEquals("summarise", emma.findElement(By.cssSelector(".markdown strong")).getText(), "the idea is rendered Markdown");
    List<String> tags = texts(emma, By.cssSelector("main span.tag"));
    assertTrue(tags.containsAll(List.of("Java", "Figma")), "skills wanted: " + tags);
    assertEquals(List.of("Emma Employee captain Engineering"), texts(emma, By.cssSelector("#team li")));

    WebDriver otto = joiner.driver();
    joiner.signIn(TestShipyard.OTHER_EMPLOYEE);
    joiner.open("/events/" + event + "/pitches");
    joiner.visible(By.cssSelector("#pitches")).findElement(By.linkText(PITCH_TITLE)).click();
    joiner.waitForPath(pitchPath);
    joiner.visible(By.id("join")).click();
    joiner.visible(By.id("leave"));
    joiner.waiting().until(textToBePresentInElementLocated(By.id("team"), "Otto Other"));

    otto.findElement(By.id("team-page")).click();
    joiner.waitForPath(pitchPath + "/team");
    String summary = joiner.visible(By.id("team-summary")).getText();
    assertTrue(summary.contains("2 of 4 places taken"), summary);
    assertTrue(summary.contains("2 open"), summary);
    assertTrue(summary.contains("spans 2 departments"), summary);
    Map<String, String> members = otto.findElements(By.cssSelector("#members tbody tr")).stream()
        .collect(Collectors.toMap(row -> row.findElement(By.cssSelector("td:nth-child(1)")).getText(),
            row -> row.findElement(By.cssSelector("td:nth-child(2)")).getText()));
    assertEquals(Map.of("Emma Employee captain", "Engineering", "Otto Other", "Design"), members);

    emma.navigate().refresh();
    captain.waiting().withMessage("the captain to see Otto after reloading")
        .until(textToBePresentInElementLocated(By.id("team"), "Otto Other"));
    assertEquals(List.of("Emma Employee captain Engineering", "Otto Other Design"), texts(emma, By.cssSelector("#team li")));
    String line = emma.findElement(By.xpath("//p[contains(., 'places taken')]")).getText();
    assertTrue(line.contains("2 of 4 places taken") && line.contains("spans 2 departments"), line);
  }

  @Test
  @DisplayName("Otto marks interest and posts a comment on the pitch page; after each form post the page shows it, "
      + "and the comment is shown as plain text")
  void interestAndComment() {
    long pitch = events.pitch(api.token(TestShipyard.EMPLOYEE), event, new JsonObject().put("title", PITCH_TITLE));
    WebDriver otto = joiner.driver();
    joiner.signIn(TestShipyard.OTHER_EMPLOYEE);
    joiner.open("/pitches/" + pitch);
    assertEquals("0 interested", joiner.visible(By.id("interest-count")).getText());
    assertEquals("No comments yet.", otto.findElement(By.cssSelector("ul.comments li.empty")).getText());

    otto.findElement(By.id("interest")).click();
    joiner.waiting().until(textToBe(By.id("interest-count"), "1 interested"));
    assertEquals("Remove my interest", otto.findElement(By.id("interest")).getText());

    String comment = "Can remote people join? <b>asking</b> for a friend";
    joiner.visible(By.id("body")).sendKeys(comment);
    otto.findElement(By.id("comment-submit")).click();
    WebElement posted = joiner.visible(By.cssSelector("li.comment .comment-body"));
    assertEquals("/pitches/" + pitch, joiner.currentPath());
    assertEquals(comment, posted.getText());
    assertTrue(otto.findElements(By.cssSelector("li.comment b")).isEmpty(), "the comment's markup is not rendered");
    assertTrue(otto.findElement(By.cssSelector("li.comment .muted")).getText().startsWith("Otto Other"));
    assertEquals("1 interested", otto.findElement(By.id("interest-count")).getText(), "interest survives the comment");

    otto.findElement(By.id("interest")).click();
    joiner.waiting().until(textToBe(By.id("interest-count"), "0 interested"));
    assertEquals("I'm interested", otto.findElement(By.id("interest")).getText());
  }

  private static List<String> texts(WebDriver page, By locator) {
    return page.findElements(locator).stream().map(WebElement::getText).toList();
  }
}
