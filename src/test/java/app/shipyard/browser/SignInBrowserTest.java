package app.shipyard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.account.Authenticator;
import app.shipyard.account.SignInService;
import app.shipyard.support.TestShipyard;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing in, out and moving around with a real headless Chromium, through the pages a person sees. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@DisplayName("Sign-in in a real browser")
class SignInBrowserTest {

  @RegisterExtension
  final BrowserSession browser = new BrowserSession();

  @BeforeEach
  void setUp() {
    TestShipyard.reset();
  }

  @Test
  @DisplayName("An employee signs in on the page, is welcomed, sees their name on their profile and signs out again")
  void signInProfileSignOut() {
    WebDriver page = browser.open("/sign-in");
    browser.submitSignIn(TestShipyard.EMPLOYEE, TestShipyard.PASSWORD);

    browser.waitForPath("/");
    browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Welcome, Emma Employee"));

    page.findElement(By.cssSelector("header a[href='/profile']")).click();
    browser.waitForPath("/profile");
    browser.waiting().until(ExpectedConditions.textToBe(By.id("profile-name"), "Emma Employee"));

    page.findElement(By.id("sign-out")).click();
    browser.waitForPath("/sign-in");
    browser.visible(By.id("email"));
    assertNull(page.manage().getCookieNamed(Authenticator.COOKIE), "the session cookie is gone after signing out");

    // The session is really over: the profile now asks to sign in again.
    browser.open("/profile");
    browser.waitForPath("/sign-in");
    assertEquals("/profile", page.findElement(By.cssSelector("input[name=next]")).getAttribute("value"));
  }

  @Test
  @DisplayName("A wrong password shows the generic error and stays on the sign-in page, keeping the email")
  void wrongPassword() {
    WebDriver page = browser.open("/sign-in");
    browser.submitSignIn(TestShipyard.EMPLOYEE, "not the password");

    WebElement error = browser.visible(By.id("sign-in-error"));
    assertEquals(SignInService.GENERIC_FAILURE, error.getText());
    assertEquals("/sign-in", browser.currentPath());
    assertEquals(TestShipyard.EMPLOYEE, page.findElement(By.id("email")).getAttribute("value"));
    assertEquals("", page.findElement(By.id("password")).getAttribute("value"));
    assertNull(page.manage().getCookieNamed(Authenticator.COOKIE), "no session after a failed sign-in");
  }

  @Test
  @DisplayName("The first Tab after the page loads focuses the visible \"Skip to content\" link, which moves to the content")
  void skipLinkComesFirst() {
    WebDriver page = browser.open("/sign-in");
    browser.visible(By.id("email"));

    new Actions(page).sendKeys(Keys.TAB).perform();
    WebElement focused = browser.waiting().withMessage("the skip link to take focus")
        .until(d -> {
          WebElement active = d.switchTo().activeElement();
          return "a".equals(active.getTagName()) && active.getAttribute("class").contains("skip-link") ? active : null;
        });
    assertEquals("Skip to content", focused.getText());
    assertTrue(focused.getAttribute("href").endsWith("#main"), focused.getAttribute("href"));
    assertTrue(focused.getRect().getX() >= 0, "the focused skip link is moved onto the screen");

    new Actions(page).sendKeys(Keys.ENTER).perform();
    browser.waiting().withMessage("focus to move to the main content")
        .until(d -> "main".equals(d.switchTo().activeElement().getAttribute("id")));
  }
}
