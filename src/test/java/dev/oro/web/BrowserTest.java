package dev.oro.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the end-to-end tests: Debian's headless chromium driven by chromedriver against the
 * running test application. One browser serves the whole test JVM (starting chromium costs about
 * a second), each test starts at 1280×900 with an empty console log.
 *
 * <p>Outside CI a machine without chromium skips these tests; in CI ({@code CI=true}) they fail,
 * since {@code .ci/run} installs it.
 */
public abstract class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static WebDriver shared;

    @TestHTTPResource("/")
    URL base;

    protected WebDriver driver;

    @BeforeEach
    void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        }
        driver = browser();
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier tests left
    }

    private static synchronized WebDriver browser() {
        if (shared == null) {
            ChromeOptions options = new ChromeOptions();
            // Setting both binaries keeps Selenium Manager from looking for (or downloading) a browser.
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                    "--disable-dev-shm-usage", "--window-size=1280,900");
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            shared = new ChromeDriver(service, options);
            WebDriver quitting = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(quitting::quit));
        }
        return shared;
    }

    /** Opens a path of the test application, such as {@code /prompts/summarize}. */
    protected void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    protected WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    protected List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits up to ten seconds for the condition; htmx swaps, SSE updates and form posts are
     * asynchronous, so an element found a moment ago may have been replaced: the wait asks again.
     */
    protected <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** A narrow window, as on a phone or a half-screen editor. */
    protected void narrow() {
        driver.manage().window().setSize(new Dimension(420, 900));
    }

    /** Saves the page as {@code target/screenshots/NAME.png} for review. */
    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with the messages of any error the page logged to the console since the last check. */
    protected void assertNoConsoleErrors() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertThat(errors).as("console errors on %s", driver.getCurrentUrl()).isEmpty();
    }
}
