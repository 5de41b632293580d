package app.shipyard.showcase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.browser.BrowserSession;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The showcase in a real browser: search the archive, open the winner, see its screenshot and what became of it. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("The showcase in a real browser")
class ShowcaseBrowserTest {

  @RegisterExtension
  final BrowserSession browser = new BrowserSession();

  private ShowcaseFixture f;

  @BeforeEach
  void setUp(Vertx vertx) throws IOException {
    f = new ShowcaseFixture(vertx);
    ShowcaseFixture.ok(f.events.post(f.organiser, "/api/projects/" + f.zeta + "/outcomes",
        ShowcaseFixture.outcome("shipped", "2025-06-01").put("impactKind", "hours_saved").put("impactValue", 1200)
            .put("impactBasis", "actual")));
    HttpResponse<Buffer> uploaded = f.api.client().post("/api/projects/" + f.zeta + "/attachments")
        .bearerTokenAuthentication(f.cara)
        .sendMultipartForm(MultipartForm.create().attribute("caption", "Search results page")
            .binaryFileUpload("file", "results.png", Buffer.buffer(screenshot()), "image/png")).await();
    assertEquals(201, uploaded.statusCode(), uploaded.bodyAsString());
  }

  @Test
  @DisplayName("An employee searches the archive with a typo, opens the winner and sees its screenshot and outcome")
  void searchOpenWinner() {
    browser.signIn(TestShipyard.EMPLOYEE);
    browser.open("/showcase");
    WebElement q = browser.visible(By.id("showcase-q"));
    q.sendKeys("zeta serch", Keys.ENTER);
    browser.waitForPath("/showcase/search");
    WebElement hit = browser.visible(By.cssSelector("a.hit-title"));
    assertTrue(hit.getText().contains("Zeta search"), hit.getText());
    hit.click();
    browser.waitForPath("/projects/" + f.zeta);

    assertEquals("Zeta search", browser.visible(By.id("project-title")).getText());
    assertTrue(browser.visible(By.id("awards")).getText().contains("People's Choice"));
    assertTrue(browser.visible(By.id("current-outcome")).getText().contains("Shipped"),
        browser.driver().findElement(By.id("outcome")).getText());
    assertTrue(browser.visible(By.id("impact")).getText().contains("1"), "the impact is shown");
    WebElement image = browser.visible(By.cssSelector("#gallery img"));
    browser.waiting().withMessage(() -> "the screenshot's preview to load").until(d -> {
      Object width = ((JavascriptExecutor) d).executeScript(
          "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
      return width instanceof Number n && n.intValue() > 0;
    });
    assertEquals("Search results page", image.getAttribute("alt"));
  }

  /** A small generated "screenshot": a PNG drawn in memory. */
  private static byte[] screenshot() throws IOException {
    BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x1d3f8f));
    g.fillRect(0, 0, 320, 200);
    g.setColor(Color.WHITE);
    g.fillRect(20, 20, 280, 30);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
