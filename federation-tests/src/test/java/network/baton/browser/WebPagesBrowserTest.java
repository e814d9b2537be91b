package network.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in headless Chromium using the pages of a three-member network: searches the network and
 * opens a result, verifies the sample credential and sees its skills, pastes a tampered one and
 * sees why it fails, switches the language, and reaches the content by keyboard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class WebPagesBrowserTest {

  private BrowserNetwork network;
  private WebDriver driver;
  private WebDriverWait wait;

  @RegisterExtension final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> driver);

  @BeforeAll
  void start(@TempDir Path folder) {
    Chromium.assumeInstalled();
    network = BrowserNetwork.start(folder);
    driver = Chromium.start();
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() {
    if (driver != null) driver.quit();
    if (network != null) network.close();
  }

  private void open(String path) {
    driver.get(network.kosenUrl() + path);
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Puts text in a field as a paste would (typing a whole JWT key by key is slow and flaky). */
  private void paste(WebElement field, String text) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, text);
  }

  @Test
  void searchingTheNetworkShowsEveryMemberAndOpensAResult() {
    open("/network?lang=en");
    WebElement q = visible(By.id("q"));
    q.sendKeys("battery", Keys.ENTER);
    WebElement status = visible(By.id("member-status"));
    List<WebElement> rows = status.findElements(By.cssSelector("tbody tr"));
    assertThat(rows).hasSize(3);
    assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains("answered"));
    assertThat(driver.findElements(By.cssSelector("mark"))).isNotEmpty();
    Chromium.screenshot(driver, "network-search");

    WebElement first = driver.findElements(By.cssSelector("a.hit-link")).get(0);
    String title = first.getText();
    first.click();
    WebElement heading = visible(By.tagName("h1"));
    assertThat(heading.getText()).isEqualTo(title);
    assertThat(driver.findElement(By.id("iri")).getText()).startsWith("http://localhost:");
    assertThat(driver.findElements(By.cssSelector("#formats a"))).hasSize(4);
    Chromium.screenshot(driver, "resource-page");
  }

  @Test
  void everyPageKeepsItsStylesAndScriptUnderItsContentSecurityPolicy() {
    for (String path :
        List.of(
            "/?lang=en",
            "/catalogue?lang=en",
            "/network?lang=en&q=battery",
            "/skills?lang=en",
            "/verify?lang=en")) {
      open(path);
      visible(By.tagName("h1"));
      Object font =
          ((JavascriptExecutor) driver)
              .executeScript("return getComputedStyle(document.body).fontFamily");
      assertThat(String.valueOf(font)).as(path + " is styled by baton.css").contains("system-ui");
    }
    // The verify page's script (loaded from /assets) shows the file picker.
    assertThat(visible(By.id("credential-file")).isDisplayed()).isTrue();
    List<LogEntry> console = driver.manage().logs().get(LogType.BROWSER).getAll();
    assertThat(console)
        .as("console messages")
        .noneSatisfy(
            entry ->
                assertThat(entry.getMessage()).containsIgnoringCase("Content Security Policy"));
    Chromium.screenshot(driver, "verify-under-csp");
  }

  @Test
  void catalogueFacetNarrowsTheResults() {
    open("/catalogue?lang=en");
    long all = Long.parseLong(visible(By.id("total")).getText());
    driver.findElement(By.cssSelector("#facet-type a")).click();
    WebElement selected = visible(By.cssSelector("#facet-type a.selected"));
    assertThat(selected.getAttribute("aria-current")).isEqualTo("true");
    assertThat(Long.parseLong(driver.findElement(By.id("total")).getText()))
        .isPositive()
        .isLessThanOrEqualTo(all);
    Chromium.screenshot(driver, "catalogue-facet");
  }

  @Test
  void verifyingTheSampleCredentialFileShowsItsSkills() {
    open("/verify?lang=en");
    WebElement box = visible(By.id("credential"));
    // The page's script shows the file picker and loads the chosen file into the text box.
    WebElement file = visible(By.id("credential-file"));
    file.sendKeys(network.credential().jwtFile().toAbsolutePath().toString());
    wait.until(d -> !box.getAttribute("value").isBlank());
    assertThat(box.getAttribute("value")).isEqualTo(network.credentialJwt());
    driver.findElement(By.id("verify-button")).click();
    WebElement verdict = visible(By.id("verdict"));
    assertThat(verdict.getText()).isEqualTo("Verified: every check passed.");
    List<WebElement> skills = driver.findElements(By.cssSelector(".attested-skills a"));
    assertThat(skills).isNotEmpty();
    assertThat(skills.get(0).getAttribute("href")).contains("/skills/");
    assertThat(driver.findElement(By.cssSelector(".issuer")).getText())
        .isEqualTo(network.credential().issuerDid());
    Chromium.screenshot(driver, "verify-pass");
  }

  @Test
  void verifyingTheSamplePresentationReportsTheCredentialInside() {
    open("/verify?lang=en");
    // The page offers a challenge of its node; the graduate's wallet presents for it.
    String challenge = visible(By.id("challenge")).getAttribute("value");
    String domain = driver.findElement(By.id("domain")).getAttribute("value");
    assertThat(challenge).isNotBlank();
    assertThat(domain).isEqualTo(network.kosenUrl());
    paste(visible(By.id("credential")), network.presentation(challenge, domain));
    driver.findElement(By.id("verify-button")).click();
    assertThat(visible(By.id("verdict")).getText()).isEqualTo("Verified: every check passed.");
    assertThat(driver.findElement(By.cssSelector("section.nested h3")).getText())
        .isEqualTo("Credential in the presentation 1");
    Chromium.screenshot(driver, "verify-presentation");
  }

  @Test
  void aTamperedCredentialShowsWhyItFailed() {
    String[] parts = network.credentialJwt().split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("kosen-mc4-ec", "kosen-mc5-bms");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    open("/verify?lang=en");
    paste(visible(By.id("credential")), tampered);
    driver.findElement(By.id("verify-button")).click();
    assertThat(visible(By.id("verdict")).getText()).startsWith("Not verified");
    String reasons = visible(By.cssSelector(".failure-reasons")).getText();
    assertThat(reasons).contains("Signature");
    assertThat(
            driver.findElement(By.cssSelector("tr[data-check='signature']")).getAttribute("class"))
        .isEqualTo("fail");
    Chromium.screenshot(driver, "verify-tampered");
  }

  @Test
  void switchingLanguageChangesThePageAndIsRemembered() {
    open("/skills?lang=en");
    assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Skill framework");
    driver.findElement(By.id("lang-switch")).click();
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "ja"));
    assertThat(visible(By.tagName("h1")).getText()).isEqualTo("スキル体系");
    Chromium.screenshot(driver, "skills-ja");
    open("/");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    assertThat(driver.findElement(By.cssSelector("nav a[aria-current='page']")).getText())
        .isEqualTo("ホーム");
    Chromium.screenshot(driver, "home-ja");
    open("/?lang=en");
  }

  @Test
  void keyboardReachesTheSkipLinkFirstAndItLeadsToTheContent() {
    open("/?lang=en");
    visible(By.tagName("h1"));
    driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement focused = driver.switchTo().activeElement();
    assertThat(focused.getText()).isEqualTo("Skip to main content");
    focused.sendKeys(Keys.ENTER);
    wait.until(d -> "main".equals(d.switchTo().activeElement().getAttribute("id")));
    Chromium.screenshot(driver, "home-en");
  }
}
