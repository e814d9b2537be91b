package network.baton.browser;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.WebDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Saves a screenshot named after a failed test, while the browser still shows the failure. */
final class ScreenshotOnFailure implements TestWatcher {

  private static final Logger log = LoggerFactory.getLogger(ScreenshotOnFailure.class);

  private final Supplier<WebDriver> driver;

  ScreenshotOnFailure(Supplier<WebDriver> driver) {
    this.driver = driver;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    WebDriver current = driver.get();
    if (current == null) {
      return;
    }
    try {
      String name = "FAILED-" + context.getRequiredTestMethod().getName();
      log.error(
          "browser test failed [test: {}, url: {}, screenshot: {}]",
          context.getDisplayName(),
          current.getCurrentUrl(),
          Chromium.screenshot(current, name));
    } catch (RuntimeException e) {
      log.warn("no screenshot of the failure [test: {}]", context.getDisplayName(), e);
    }
  }
}
