package app.shipyard.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.browser.BrowserSession;
import app.shipyard.support.TestShipyard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Leadership in a real browser: from the top bar to the year's dashboard, and a figure downloaded as CSV. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@DisplayName("Insights in a real browser")
class InsightsBrowserTest {

  @RegisterExtension
  final BrowserSession browser = new BrowserSession();

  @BeforeEach
  void setUp() {
    KnownData.load();
  }

  @Test
  @DisplayName("Leo opens Insights from the top bar, picks the year, sees the funnel drawn and tabled, and downloads it")
  void leadershipDownloadsACsv() throws IOException {
    Path downloads = Files.createTempDirectory("shipyard-downloads-");
    WebDriver leo = browser.driver();
    ((ChromeDriver) leo).executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    browser.signIn(TestShipyard.LEADERSHIP);
    leo.findElement(By.cssSelector("header a[href='/insights']")).click();
    browser.waitForPath("/insights");
    browser.open("/insights" + InsightsTest.YEAR);
    assertTrue(browser.visible(By.id("scope")).getText().startsWith("2 events"), leo.getPageSource());

    WebElement funnel = browser.visible(By.id("figure-funnel"));
    List<String> bars = funnel.findElements(By.cssSelector("svg rect")).stream()
        .map(r -> r.getAttribute("data-value")).toList();
    assertEquals(List.of("5", "1", "3", "1", "1", "3", "1"), bars);
    assertEquals("teams 3 60.0", funnel.findElement(By.cssSelector("tbody tr:nth-child(3)")).getText());

    funnel.findElement(By.cssSelector("a.csv")).click();
    Path file = downloads.resolve("insights-2026-01-01-to-2026-12-31-funnel.csv");
    browser.waiting().until(d -> Files.exists(file));
    assertEquals("step,projects,share of pitches", Files.readAllLines(file, StandardCharsets.UTF_8).get(0));
    assertEquals("shipped,1,20.0", Files.readAllLines(file, StandardCharsets.UTF_8).get(7));
  }
}
