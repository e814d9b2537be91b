package network.baton.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver through Selenium (no Selenium Manager:
 * both paths are given). Tests skip when either is missing, unless {@value #REQUIRED} is true (CI).
 */
final class Chromium {

  /** System property that turns a missing browser into a failure instead of a skip. */
  static final String REQUIRED = "baton.browser.required";

  static final Path BROWSER = Path.of(System.getProperty("baton.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("baton.chromedriver", "/usr/bin/chromedriver"));

  private Chromium() {}

  /** Skips the calling test class when Chromium or its driver is absent (fails if required). */
  static void assumeInstalled() {
    boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (!present && Boolean.getBoolean(REQUIRED)) {
      throw new IllegalStateException(
          "browser tests are required (-D"
              + REQUIRED
              + "=true) but "
              + BROWSER
              + " or "
              + DRIVER
              + " is missing: apt-get install -y chromium chromium-driver");
    }
    assumeTrue(
        present,
        "browser tests skipped: "
            + BROWSER
            + " or "
            + DRIVER
            + " is missing (apt-get install -y chromium chromium-driver)");
  }

  /** A new headless browser, window 1280x1024, English UI, its console kept for the tests. */
  static WebDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-extensions",
        "--no-first-run",
        "--window-size=1280,1024",
        "--lang=en-US");
    // The console, for what the page's Content-Security-Policy refused.
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /** The folder screenshots go to: browser-screenshots in this module's build folder. */
  static Path screenshotFolder() {
    try {
      Path testClasses =
          Path.of(Chromium.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return testClasses.getParent().resolve("browser-screenshots");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Saves what the browser shows as name.png in the screenshot folder; returns the file. */
  static Path screenshot(WebDriver driver, String name) {
    try {
      Path folder = Files.createDirectories(screenshotFolder());
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path target = folder.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
