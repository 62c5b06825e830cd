package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modhub.moderation.e2e.Hub.unique;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Legal's DMCA pages in a real browser: the queue with each 512(c)(3)(A) element's check, a notice in full, its
 * acceptance, and — once the uploader files a counter-notice — the takedown's restoration countdown in business days,
 * as dmca-service counts them. An admin reads the same notice without the buttons.
 */
class ConsoleDmcaIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static Hub hub;

    @BeforeAll
    static void suite() {
        hub = new Hub(Suite.get());
    }

    @AfterAll
    static void done() {
        Hub.printSummary(
                "Console: DMCA",
                List.of("queue with element checks, notice accepted, countdown after a counter-notice"));
    }

    @Test
    void legalAcceptsANoticeFromTheQueueAndSeesTheRestorationCountdownOnceCounterNoticed() {
        String uploader = hub.newOwner("uploader");
        String repo = uploader + "/" + unique("frames");
        String claimant = unique("claimant");
        String noticeId = sendNotice(claimant, repo);

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("lee"), "legal");
            assertThat(browser.driver().findElements(By.cssSelector("nav a[href='/dmca']")))
                    .as("DMCA is in legal's navigation")
                    .hasSize(1);

            // The queue: our notice, each element checked (a complete notice meets all six), the sender's signals.
            WebElement row = findOnPages(browser, "/dmca", By.id("notice-" + noticeId));
            assertThat(row.getText())
                    .contains("model:" + repo)
                    .contains("Acme Pictures Inc.")
                    .contains("6 of 6 met")
                    .contains("(i) met")
                    .contains("(vi) met")
                    .contains("1 sent, 0 accepted, 0 rejected");
            browser.assertAccessible();

            // The notice in full: each element's check, the subject's owner from the hub directory.
            row.findElement(By.cssSelector("a[href='/dmca/notices/" + noticeId + "']"))
                    .click();
            browser.waitFor(By.id("elements"));
            for (String element : List.of(
                    "signature",
                    "work-identified",
                    "material-identified",
                    "contact-information",
                    "good-faith-statement",
                    "accuracy-and-authority-statement")) {
                assertThat(browser.textOf(By.id("element-" + element)))
                        .as(element)
                        .contains("Met");
            }
            assertThat(browser.textOf(By.id("owners")))
                    .contains("model:" + repo)
                    .contains(uploader)
                    .contains("primary");
            browser.assertAccessible();

            // A rejection without a reason: the service's refusal is on the page, naming the field; nothing changed.
            browser.driver().findElement(By.id("reject")).click();
            browser.waitForText(By.id("messages"), "reason");
            assertThat(browser.textOf(By.id("notice-status"))).isEqualTo("Pending review");

            browser.driver().findElement(By.id("accept")).click();
            browser.waitForText(By.id("decision-done"), "Accepted: 1 takedown(s) ordered");
            WebElement takedowns = browser.driver().findElement(By.id("notice-takedowns"));
            assertThat(takedowns.getText())
                    .contains(uploader)
                    .contains("In force")
                    .contains("No counter-notice");
            String takedownId = takedowns
                    .findElement(By.cssSelector("tbody tr"))
                    .getAttribute("id")
                    .substring("takedown-".length());

            // The uploader counter-notifies (REST, as the hub would); the clock starts.
            fileCounterNotice(noticeId, uploader, repo);
            JsonNode countdown = hub.as("dmca", "legal-e2e", "legal")
                    .get("/api/v1/dmca/notices/" + noticeId)
                    .json()
                    .path("takedowns")
                    .path(0)
                    .path("counterNotice")
                    .path("countdown");
            LocalDate restoresOn = LocalDate.parse(countdown.path("restoresOn").asText());
            int left = countdown.path("businessDaysLeft").asInt(-1);
            assertThat(left).isBetween(0, 14);
            String expected = "Restores on " + DAY.format(restoresOn) + " — " + left + " business day"
                    + (left == 1 ? "" : "s") + " left";

            browser.go("/dmca/notices/" + noticeId);
            assertThat(browser.textOf(By.cssSelector("#takedown-" + takedownId + " .countdown")))
                    .isEqualTo(expected);

            WebElement listed = findOnPages(browser, "/dmca/takedowns", By.id("takedown-" + takedownId));
            assertThat(listed.getText())
                    .contains("Countered")
                    .contains("Counter-notice Running")
                    .contains(expected);
            assertThat(listed.findElements(By.cssSelector("form.court-action")))
                    .as("legal may enter a court action while the clock runs")
                    .hasSize(1);
            ((JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'})", listed);
            browser.screenshot("dmca-countdown");
            browser.assertAccessible();

            browser.go("/dmca/strikes/" + uploader);
            assertThat(browser.textOf(By.id("strike-summary"))).contains("0 of 3");
            browser.assertAccessible();

            browser.go("/dmca/evidence");
            assertThat(browser.textOf(By.tagName("h1"))).isEqualTo("Court-action evidence");
            browser.assertAccessible();

            // An admin reads the notice and its countdown, and gets no decision buttons.
            browser.signIn(unique("ada"), "admin");
            browser.go("/dmca/notices/" + noticeId);
            assertThat(browser.textOf(By.cssSelector("#takedown-" + takedownId + " .countdown")))
                    .isEqualTo(expected);
            assertThat(browser.driver().findElements(By.cssSelector("#accept, #reject, form.court-action")))
                    .isEmpty();
        }
    }

    /** The element on that list page, following its "Next page" links (others' notices may come first). */
    private static WebElement findOnPages(ConsoleBrowser browser, String path, By wanted) {
        browser.go(path);
        for (int page = 0; page < 40; page++) {
            List<WebElement> found = browser.driver().findElements(wanted);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            List<WebElement> next = browser.driver().findElements(By.cssSelector("a[rel=next]"));
            assertThat(next).as(wanted + " on " + path).isNotEmpty();
            next.get(0).click();
            browser.waitFor(By.cssSelector("main#main"));
        }
        throw new AssertionError(wanted + " not found on " + path);
    }

    private static String sendNotice(String claimant, String repo) {
        Map<String, Object> notice = Hub.dmcaNotice(claimant, repo);
        Api.Response sent = Api.anonymous(Suite.get(), "dmca").post("/api/v1/dmca/notices", notice);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.text("status")).isEqualTo("PENDING_REVIEW");
        return sent.text("id");
    }

    private static void fileCounterNotice(String noticeId, String uploader, String repo) {
        Map<String, Object> counter = Hub.counterNotice(repo);
        Api.Response countered =
                hub.as("dmca", uploader, "user").post("/api/v1/dmca/notices/" + noticeId + "/counter-notices", counter);
        assertThat(countered.status()).as(countered.toString()).isEqualTo(201);
    }
}
