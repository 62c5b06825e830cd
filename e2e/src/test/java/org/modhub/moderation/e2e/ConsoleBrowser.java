package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.devstack.launcher.RepoLayout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A person at the staff console in a real, headless Chromium (Debian's {@code chromium} driven through
 * {@code chromedriver} by Selenium; {@code bin/lib/browser.sh} installs both where missing). The console runs as
 * {@code bin/run} runs it, against the shared {@link Suite}; people sign in through devstack's identity stand-in,
 * by its sign-in form, as they would at a real identity provider.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Suite suite;
    private final WebDriver driver;
    private final Path profile;
    private final String base;

    private ConsoleBrowser(Suite suite, WebDriver driver, Path profile) {
        this.suite = suite;
        this.driver = driver;
        this.profile = profile;
        // "localhost", not 127.0.0.1: the console's cookies are Secure, which browsers allow on http only there.
        this.base = suite.consoleUrl().replace("127.0.0.1", "localhost");
    }

    /** A fresh browser (no cookies, no session) at the shared suite's console. */
    static ConsoleBrowser open() {
        Suite suite = Suite.get();
        Path profile;
        try {
            profile = Files.createTempDirectory("e2e-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String chromium = setting("e2e.chromium", "/usr/bin/chromium");
        String chromedriver = setting("e2e.chromedriver", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("the browser tests need " + chromium + " and " + chromedriver
                    + " (Debian: apt-get install chromium chromium-driver; bin/test does it where it may)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1366,1000",
                "--lang=en-GB",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new ConsoleBrowser(suite, driver, profile);
    }

    /**
     * Signs in as {@code user} with these roles through the identity stand-in's form, starting from the console's
     * door (so the whole authorization-code flow runs), and lands on the first page the roles open.
     */
    ConsoleBrowser signIn(String user, String... roles) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/");
        WebElement username = waitFor(By.id("username"));
        assertThat(driver.getPageSource()).contains("Local sign-in");
        username.clear();
        username.sendKeys(user);
        WebElement email = driver.findElement(By.id("email"));
        email.clear();
        email.sendKeys(Hub.address(user));
        for (WebElement box : driver.findElements(By.cssSelector("input[type=checkbox][id^=role-]"))) {
            boolean wanted = List.of(roles).contains(box.getAttribute("id").substring("role-".length()));
            if (box.isSelected() != wanted) {
                box.click();
            }
        }
        driver.findElement(By.id("sign-in")).click();
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(base));
        waitFor(By.cssSelector("main#main"));
        return this;
    }

    /** Opens a console page by its path ({@code /queue}). */
    ConsoleBrowser go(String path) {
        driver.get(base + path);
        waitFor(By.cssSelector("main#main"));
        return this;
    }

    /** The element on a list page ({@code path}), following its "Next page" links: others' rows may come first. */
    WebElement findOnPages(String path, By wanted) {
        go(path);
        for (int page = 0; page < 40; page++) {
            List<WebElement> found = driver.findElements(wanted);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            List<WebElement> next = driver.findElements(By.cssSelector("a[rel=next]"));
            assertThat(next).as(wanted + " on " + path).isNotEmpty();
            next.get(0).click();
            waitFor(By.cssSelector("main#main"));
        }
        throw new AssertionError(wanted + " not found on " + path);
    }

    /** Scrolls the element to the middle of the window (before a screenshot of it). */
    void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    String base() {
        return base;
    }

    Suite suite() {
        return suite;
    }

    WebDriver driver() {
        return driver;
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits until the element's text contains {@code text} and returns that text. It is read inside the wait because
     * htmx swaps (and reloads) arrive after the click returns: an element found a moment earlier may already be gone.
     */
    String waitForText(By by, String text) {
        return settled().until(d -> {
            String now = d.findElement(by).getText();
            return now.contains(text) ? now : null;
        });
    }

    /** The element's text once it can be read (an htmx swap in progress replaces the node under the reader). */
    String textOf(By by) {
        return settled().until(d -> d.findElement(by).getText());
    }

    /** An attribute of the element once it is there and can be read (see {@link #textOf}). */
    String attributeOf(By by, String attribute) {
        return settled().until(d -> d.findElement(by).getAttribute(attribute));
    }

    /**
     * A wait that reads again when the node it read was swapped out: Selenium reports that as a stale element or, in
     * Chromium, as "Node with given id does not belong to the document".
     */
    private WebDriverWait settled() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class);
        return wait;
    }

    /** The page's visible text. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves what the browser shows as {@code e2e/target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        Path dir = RepoLayout.locate().root().resolve("e2e/target/screenshots");
        try {
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = dir.resolve(name.endsWith(".png") ? name : name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core (from npm, see {@code bin/lib/browser.sh}) in the page as it is now and fails on any serious or
     * critical violation, naming the rule, its help and the elements.
     */
    void assertAccessible() {
        Path axe = Path.of(
                setting("e2e.axe", RepoLayout.locate().root() + "/.tools/axe-core/node_modules/axe-core/axe.min.js"));
        String source;
        try {
            source = Files.readString(axe);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "axe-core is not installed at " + axe + " (bin/lib/browser.sh installs it)", e);
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(source);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        String found = (String)
                js.executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "axe.run(document, {resultTypes: ['violations']})"
                                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                                + ".catch(function (e) { done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])); });");
        List<Map<String, Object>> violations;
        try {
            violations = JSON.readValue(found, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            Object impact = v.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                List<String> targets = new ArrayList<>();
                for (Object node : (List<?>) v.getOrDefault("nodes", List.of())) {
                    targets.add(String.valueOf(((Map<?, ?>) node).get("target")));
                }
                serious.add(impact + " " + v.get("id") + ": " + v.get("help") + " at " + targets);
            }
        }
        assertThat(serious).as("axe-core on " + driver.getCurrentUrl()).isEmpty();
    }

    private static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A temporary profile; the OS cleans up what is left.
            }
        }
    }
}
