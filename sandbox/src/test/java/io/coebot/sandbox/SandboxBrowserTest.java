package io.coebot.sandbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A short COE in the sandbox, in a real (headless) browser: start, two answers in the card's thread, a 📌 on a
 * channel message, and finish with "Publish anyway…". The app runs in sandbox mode as {@code ./mvnw mn:run} would
 * start it without a token; the page sends everything through {@code POST /slack/events}. Leaves
 * {@code target/sandbox.png}. Skipped, saying so, where Debian's chromium and chromedriver are not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Path dataDir;
    private Path profile;
    private ApplicationContext app;
    private WebDriver browser;
    private WebDriverWait wait;
    private String base;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed: " + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed (apt-get install chromium chromium-driver; .ci/run does it as root)");
        dataDir = Files.createTempDirectory("coe-sandbox-");
        profile = Files.createTempDirectory("coe-chromium-");
        app = SandboxMode.start(new String[0], Map.of("micronaut.server.port", -1, "coe.data-dir", dataDir.toString(),
                "coe.nudge.enabled", false));
        base = "http://127.0.0.1:" + app.getBean(EmbeddedServer.class).getPort();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without these, Chromium's background connections are refused by a closed network, many at a time.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // the page redraws as the bot answers: an element read just before a redraw is simply read again
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (app != null) app.close();
        delete(dataDir);
        delete(profile);
    }

    @Test
    void aShortCoeFromStartToThePublishedMarkdown() throws Exception {
        try {
            runTheCoe();
        } finally {
            screenshot();
        }
    }

    /**
     * People's text is only ever text: a message carrying an HTML tag between two NULs (which the old renderer
     * decoded into markup) and a {@code javascript:} link, in the channel and in a thread, run nothing and link nowhere.
     */
    @Test
    void peoplesTextNeverBecomesMarkupOrAScriptLink() {
        browser.get(base + "/sandbox");
        await(By.xpath("//section[@id='messages']//div[contains(@class,'msg')][.//div[contains(.,'Checkout is returning 500s')]]"));
        String channel = (String) wait.until(d -> ((JavascriptExecutor) d).executeScript(
                "return ui.state && ui.state.conversations[0].id"));
        String bobsTs = (String) ((JavascriptExecutor) browser).executeScript("return ui.state.conversations[0].messages"
                + ".find(m => m.text.includes('Checkout is returning 500s')).ts");
        String tag = "x\u0000%3Cimg src=x onerror=window.__xss=1%3E\u0000y";
        String link = "<javascript:window.__xss=1|click> and <https://status.example.com/x?a=1&amp;b=2|the status page>";
        for (String threadTs : new String[] {null, bobsTs}) {
            for (String text : new String[] {tag, link}) {
                // Sent as the page sends it. Whether the bot accepts a NUL is not this test's business: the message
                // is in the channel either way, and the page must show it as text.
                Object answer = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch('/sandbox/api/send', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                        + " body: JSON.stringify({as: 'U0CHEN0001', channel: arguments[0], threadTs: arguments[1], text: arguments[2]})})"
                        + ".then(r => r.status).then(done, e => done(String(e)));", channel, threadTs, text);
                assertEquals(200L, answer, "the page's own request was refused");
            }
        }
        click(By.xpath("//section[@id='messages']//div[contains(@class,'msg')][.//div[contains(.,'Checkout is returning 500s')]]"
                + "//button[contains(@class,'replies-link')]"));
        for (String pane : new String[] {"messages", "thread-messages"}) {
            awaitText(By.id(pane), "the status page");
        }
        assertNull(xss(), "people's text ran as script");
        for (String pane : new String[] {"messages", "thread-messages"}) {
            awaitText(By.id(pane), "%3Cimg src=x onerror=window.__xss=1%3E");
            awaitText(By.id(pane), "the status page");
            String where = "#" + pane;
            assertEquals(0L, ((JavascriptExecutor) browser).executeScript(
                    "return document.querySelectorAll(arguments[0] + ' .msg img').length", where), "an <img> was made of text");
            assertEquals("https://status.example.com/x?a=1&b=2", ((JavascriptExecutor) browser).executeScript(
                    "return [...document.querySelectorAll(arguments[0] + ' a')].find(a => a.textContent === 'the status page').href",
                    where), "a web link still links");
            WebElement click = browser.findElement(By.xpath("//section[@id='" + pane + "']//*[text()='click']"));
            assertEquals("span", click.getTagName(), "the javascript: label is text, not a link");
        }
        assertEquals(0L, ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('a[href]')].filter(a => !/^(https?|mailto):/i.test(a.href)"
                        + " && !a.getAttribute('href').startsWith('/sandbox/')).length"), "a link with another scheme");
        browser.findElement(By.xpath("//section[@id='messages']//*[text()='click']")).click();
        assertNull(xss(), "a click on the javascript: label ran it");
    }

    /** Buttons that show only an emoji or a symbol still say what they do to a screen reader. */
    @Test
    void symbolOnlyButtonsHaveALabel() {
        browser.get(base + "/sandbox");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages .msg button.pin")));
        assertEquals(List.of(), ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll('button')]"
                + ".filter(b => !/\\p{L}/u.test(b.textContent) && !b.getAttribute('aria-label')).map(b => b.outerHTML)"));
    }

    private boolean newestThreadMessageInView() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "const pane = document.getElementById('thread-messages');"
                        + "const last = pane.lastElementChild; if (!last) return false;"
                        + "return last.getBoundingClientRect().bottom <= pane.getBoundingClientRect().bottom + 2;"));
    }

    /** What the payloads would set if they ran; null while they have not. */
    private Object xss() {
        return ((JavascriptExecutor) browser).executeScript("return window.__xss === undefined ? null : window.__xss");
    }

    /** target/sandbox.png: what the page showed at the end (or where it stopped, when the story failed). */
    private void screenshot() throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(Path.of("target"));
        Files.copy(shot.toPath(), Path.of("target", "sandbox.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void runTheCoe() throws Exception {
        browser.get(base + "/sandbox");
        await(By.xpath("//section[@id='messages']//div[contains(@class,'msg')]"
                + "[.//div[contains(.,'Checkout is returning 500s')]]"));

        type("composer-text", "/coe start Checkout 500s");
        String card = textOf(By.xpath("//section[@id='messages']//div[@data-from='bot'][contains(.,'COE-1')]"));
        assertTrue(card.contains("Checkout 500s"), card);

        // The interview runs in the card's thread: open it, answer twice.
        click(By.xpath("//div[@data-from='bot'][contains(.,'COE-1')]//button[contains(@class,'replies-link')]"));
        await(By.xpath("//section[@id='thread-messages']//div[@data-from='bot']"));
        // Each answer waits for the next question itself, not for "one more bot message": the echo of an answer is
        // a bot message too, and a reply typed before the next question appears belongs to the previous one.
        type("thread-text", "14:02");
        awaitText(By.id("thread-messages"), "When was the customer impact detected?");
        type("thread-text", "14:09");
        awaitText(By.id("thread-messages"), "When was the impact back to the level it was at before the incident?");
        String thread = textOf(By.id("thread-messages"));
        assertTrue(thread.contains("14:02") && thread.contains("14:09"), thread);
        // The thread follows the conversation: the bot's newest question is in view, not below the fold.
        wait.until(d -> newestThreadMessageInView());

        // Another member joins the same thread: switching keeps it open, and their reply lands in it.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("member"))).selectByVisibleText("bob");
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return ui.me").equals("U0BOB00001"));
        assertTrue(browser.findElement(By.id("thread")).isDisplayed(), "switching member closed the thread");
        type("thread-text", "skip");
        awaitText(By.id("thread-messages"), "When was the incident resolved?");
        wait.until(d -> newestThreadMessageInView());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("member"))).selectByVisibleText("alice");
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return ui.me").equals("U0ALICE001"));
        assertTrue(browser.findElement(By.id("thread")).isDisplayed(), "switching back closed the thread");

        // 📌 on Bob's message: the hover tool, as a person would use it.
        By bobs = By.xpath("//section[@id='messages']//div[contains(@class,'msg')][.//div[contains(.,'Checkout is returning 500s')]]");
        wait.until(d -> {
            try {
                WebElement m = d.findElement(bobs);
                new Actions(d).moveToElement(m).perform();
                m.findElement(By.cssSelector("button.pin")).click();
                return true;
            } catch (WebDriverException e) {
                return false; // re-rendered under the pointer: try again
            }
        });
        await(By.xpath("//section[@id='messages']//button[contains(@class,'reaction')][contains(.,'📌 1')]"));

        // Finish: the bar is not met, so the owner publishes anyway, with a reason.
        click(By.id("thread-close"));
        type("composer-text", "/coe finish");
        click(By.xpath("//div[contains(@class,'ephemeral')]//button[contains(.,'Publish anyway')]"));
        wait.until(d -> {
            WebElement reason = d.findElement(By.cssSelector("#modal textarea"));
            reason.clear();
            reason.sendKeys("A game");
            return true;
        });
        // Too short: the bot answers with an error under the field, and, as in Slack, what was typed stays.
        click(By.id("modal-submit"));
        await(By.cssSelector("#modal .input-block .error"));
        assertEquals("A game", browser.findElement(By.cssSelector("#modal textarea")).getAttribute("value"));
        browser.findElement(By.cssSelector("#modal textarea")).sendKeys(" day: we rehearse publishing before the 5 Whys are done.");
        click(By.id("modal-submit"));
        // One message in the channel says it is published, and why anyway; the COE and its file are in its thread.
        awaitText(By.id("messages"), "A game day: we rehearse publishing");
        assertTrue(browser.findElements(By.cssSelector("#modal .modal-box")).isEmpty(), "the modal closed");
        click(By.xpath("//section[@id='messages']//div[@data-from='bot'][contains(.,'whole COE is in this thread')]"
                + "//button[contains(@class,'replies-link')]"));
        await(By.cssSelector("#thread-messages .file a"));

        String href = wait.until(d -> d.findElement(By.cssSelector("#thread-messages .file a")).getAttribute("href"));
        HttpResponse<String> markdown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, markdown.statusCode());
        assertTrue(markdown.body().contains("Checkout 500s") && markdown.body().contains("A game day"), markdown.body());

    }

    /** The page re-renders as the bot answers; a click that lands on a replaced element is tried again. */
    private void click(By by) {
        wait.until(d -> {
            try {
                d.findElement(by).click();
                return true;
            } catch (WebDriverException e) {
                return false;
            }
        });
    }

    /** The element's text as it is now, read again if the page redrew it meanwhile. */
    private String textOf(By by) {
        return wait.until(d -> {
            String text = d.findElement(by).getText();
            return text.isEmpty() ? null : text;
        });
    }

    private void type(String inputId, String text) {
        wait.until(d -> {
            WebElement input = d.findElement(By.id(inputId));
            input.clear();
            input.sendKeys(text);
            input.submit();
            return true;
        });
    }

    private WebElement await(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void awaitText(By by, String fragment) {
        wait.until(d -> List.of(d.findElement(by).getText()).get(0).contains(fragment));
    }

    private static void delete(Path dir) {
        if (dir == null) return;
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
