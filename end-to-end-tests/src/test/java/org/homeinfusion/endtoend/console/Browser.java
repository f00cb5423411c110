package org.homeinfusion.endtoend.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver} packages, nothing downloaded) driven
 * through WebDriver, with the console's sign-in, screenshots under {@code target/console-screenshots/} and axe-core
 * (from its WebJar) injected into the page.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final String consoleUrl;
    final WebDriver driver;

    private Browser(String consoleUrl, WebDriver driver) {
        this.consoleUrl = consoleUrl;
        this.driver = driver;
    }

    /** Fails with the command that fixes it when the machine has no Chromium: these tests never skip. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The console's browser tests need Debian's Chromium and its driver at "
                    + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install -y --no-install-recommends chromium "
                    + "chromium-driver (.ci/run does this)");
        }
    }

    static Browser open(String consoleUrl) {
        requireChromium();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(consoleUrl, driver);
    }

    void get(String path) {
        driver.get(consoleUrl + path);
    }

    String currentPath() {
        String url = driver.getCurrentUrl();
        return url.substring(url.indexOf("/console/"));
    }

    void signIn(String org, String role) {
        submitSignIn(org, role);
        waitUntil(Duration.ofSeconds(20), () -> !driver.getCurrentUrl().contains("/sign-in"));
    }

    /** Fills in and sends the dev sign-in form, without expecting it to succeed. */
    void submitSignIn(String org, String role) {
        get("sign-in");
        WebElement orgField = driver.findElement(By.id("org"));
        orgField.clear();
        orgField.sendKeys(org);
        new Select(driver.findElement(By.id("role"))).selectByValue(role);
        driver.findElement(By.cssSelector("[data-testid=sign-in-form] button[type=submit]")).click();
    }

    void signOut() {
        driver.findElement(By.cssSelector("form.sign-out button")).click();
        waitUntil(Duration.ofSeconds(10), () -> driver.getCurrentUrl().contains("/sign-in"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits for an element, re-finding it each time (the live script replaces the DOM under it). */
    WebElement await(String css, Duration timeout) {
        waitUntil(timeout, () -> !findAll(css).isEmpty());
        return find(css);
    }

    void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(100)).ignoring(RuntimeException.class)
                .until(d -> condition.getAsBoolean());
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Brings an element into view, e.g. before a screenshot meant to show it. */
    void scrollTo(String css) {
        script("arguments[0].scrollIntoView({block: 'center'});", find(css));
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core on the current page and asserts that it finds no serious or critical violation. */
    void assertNoSeriousAccessibilityViolation() {
        script(axeSource());
        Object found = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(result => done(JSON.stringify(result.violations
                      .filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                  nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary)})))))
                  .catch(error => done('axe failed: ' + error));""");
        assertThat(String.valueOf(found)).as("axe-core on " + driver.getCurrentUrl()).isEqualTo("[]");
    }

    private static String axeSource() {
        String version = System.getProperty("axe-core.version", "4.6.3");
        String resource = "META-INF/resources/webjars/axe-core/" + version + "/axe.min.js";
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
