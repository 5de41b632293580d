package app.shipyard.browser;

import app.shipyard.support.TestShipyard;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driving the shared test server, one fresh browser (and profile) per test.
 *
 * <p>Register it with {@code @RegisterExtension}; the browser starts when the test first uses it. It uses
 * Debian's {@code chromium} and {@code chromium-driver} only: Selenium is given both paths, so Selenium Manager is
 * never run and nothing is downloaded. A missing browser or driver fails the test (it is never skipped);
 * {@code .ci/run} installs both.
 *
 * <p>When a test fails, a screenshot and the page source are saved as
 * {@code target/browser-failures/<Class>.<method>.png} and {@code .html}, before the browser is closed; a test
 * driving several browsers names each ({@code new BrowserSession("captain")}) and the name is added to the file names.
 */
public final class BrowserSession implements AfterTestExecutionCallback, AfterEachCallback {

  public static final Path CHROMIUM = Path.of(System.getProperty("shipyard.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER = Path.of(System.getProperty("shipyard.chromedriver", "/usr/bin/chromedriver"));
  public static final Path FAILURES = Path.of("target", "browser-failures");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final String name;
  private ChromeDriver driver;
  private Path profile;

  public BrowserSession() {
    this("");
  }

  /** A browser whose failure files carry {@code name}, for tests that drive more than one. */
  public BrowserSession(String name) {
    this.name = name;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent() && driver != null) {
      saveFailure(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
          + (name.isEmpty() ? "" : "." + name));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop();
  }

  /** Starts Chromium with a fresh temporary profile. */
  public void start() throws IOException {
    requireExecutable(CHROMIUM, "Chromium");
    requireExecutable(CHROMEDRIVER, "chromedriver");
    // Belt and braces: the driver path is also given to the service below, which alone keeps Selenium Manager
    // from running; should it ever run, it is told to stay offline (Selenium passes SE_* properties on to it).
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");

    profile = Files.createTempDirectory("shipyard-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--password-store=basic",
        "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
    // No password-manager bubbles or leak checks after signing in with a test password.
    options.setExperimentalOption("prefs", Map.of(
        "credentials_enable_service", false,
        "profile.password_manager_enabled", false,
        "profile.password_manager_leak_detection", false));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      deleteProfile();
      throw e;
    }
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  /** Closes the browser and removes its profile. */
  public void stop() {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      driver = null;
      deleteProfile();
    }
  }

  /** The browser, started on first use, so a test leaves a session it does not need unstarted. */
  public WebDriver driver() {
    if (driver == null) {
      try {
        start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not create a Chromium profile", e);
      }
    }
    return driver;
  }

  public static String baseUrl() {
    return "http://127.0.0.1:" + TestShipyard.port();
  }

  /** Opens a path of the test server, e.g. {@code /sign-in}, and waits for the page to load. */
  public WebDriver open(String path) {
    driver().get(baseUrl() + path);
    return driver;
  }

  /** Types the email and password into the sign-in page that is showing and submits it. */
  public void submitSignIn(String email, String password) {
    visible(By.id("email")).sendKeys(email);
    driver().findElement(By.id("password")).sendKeys(password);
    driver().findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]")).click();
  }

  /** Signs in through the sign-in page with the test password and waits for the home page. */
  public void signIn(String email) {
    open("/sign-in");
    submitSignIn(email, TestShipyard.PASSWORD);
    waitForPath("/");
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver(), WAIT);
  }

  /** Waits until an element is visible and returns it. */
  public WebElement visible(By locator) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Waits until the current URL's path is {@code path} (query ignored). */
  public void waitForPath(String path) {
    waiting().withMessage(() -> "the browser to be on " + path + " but it is on " + driver.getCurrentUrl())
        .until(d -> path.equals(currentPath()));
  }

  public String currentPath() {
    return URI.create(driver().getCurrentUrl()).getPath();
  }

  /** Saves a screenshot and the page source under {@code target/browser-failures}. */
  public void saveFailure(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    try {
      Files.createDirectories(FAILURES);
      Path png = FAILURES.resolve(safe + ".png");
      Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Path html = FAILURES.resolve(safe + ".html");
      Files.writeString(html, "<!-- " + driver.getCurrentUrl().replace("--", "- -") + " -->\n" + driver.getPageSource(),
          StandardCharsets.UTF_8);
      System.err.println("Browser failure saved: " + png.toAbsolutePath() + " and " + html.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not save the browser's state for " + name + ": " + e);
    }
  }

  private static void requireExecutable(Path path, String what) {
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(what + " is missing at " + path
          + ". The browser tests need Debian's chromium and chromium-driver packages"
          + " (apt-get install chromium chromium-driver; .ci/run installs them).");
    }
  }

  private void deleteProfile() {
    if (profile == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(profile)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Chromium may still be closing files; a leftover temp folder is harmless.
    }
    profile = null;
  }
}
