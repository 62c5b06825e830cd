package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.e2e.Hub.unique;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Data subjects' requests in the browser: legal records an access request for a notifier's address, watches the five
 * services answer, and downloads the document to send them; then the erasure, with what each service keeps and why;
 * a request naming nobody is refused naming the field; an auditor reads the requests but records none.
 */
class ConsolePrivacyIT {

    /** Every service answers within seconds; a slow machine gets more. */
    private static final Duration ANSWERED = Duration.ofSeconds(90);

    private static Hub hub;

    @BeforeAll
    static void suite() {
        hub = new Hub(Suite.get());
    }

    @AfterAll
    static void done() {
        Hub.printSummary(
                "Console: privacy requests",
                List.of(
                        "access recorded by legal, answered by five services, document downloaded",
                        "erasure recorded, counts and holds shown; a request naming nobody refused",
                        "an auditor reads without the form or the document"));
    }

    @Test
    void legalRecordsAccessThenErasureForANotifierAndAnAuditorReadsThem() throws Exception {
        String reporter = unique("rep");
        String address = Hub.address(reporter);
        String owner = hub.newOwner("owner");
        hub.fileReport(reporter, owner + "/" + unique("casino"));

        String accessId;
        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("lee"), "legal");
            browser.driver()
                    .findElement(By.cssSelector("nav a[href='/privacy']"))
                    .click();
            browser.waitFor(By.id("privacy-form"));
            assertThat(browser.textOf(By.tagName("h1"))).isEqualTo("Privacy requests");
            browser.assertAccessible();

            // Nobody named: appeals-service refuses, naming the field, and nothing is recorded.
            browser.driver().findElement(By.id("privacy-submit")).click();
            assertThat(browser.waitForText(By.id("messages"), "accountId")).contains("400");

            browser.driver().findElement(By.id("f-emails")).sendKeys(address);
            browser.driver().findElement(By.id("f-note")).sendKeys("Mail to legal@ asking for a copy");
            browser.driver().findElement(By.id("privacy-submit")).click();
            browser.waitFor(By.id("request-facts"));
            accessId = browser.driver().getCurrentUrl().replaceAll(".*/privacy/", "");
            assertThat(browser.textOf(By.tagName("h1"))).isEqualTo("Access request");
            assertThat(browser.textOf(By.id("request-facts"))).contains(address).contains("Mail to legal@");

            awaitComplete(browser);
            assertThat(browser.driver().findElements(By.cssSelector("#services tr.service-answer")))
                    .hasSize(5);
            assertThat(Integer.parseInt(browser.textOf(By.cssSelector("#service-reporting-service .found"))))
                    .as("the report they filed")
                    .isGreaterThanOrEqualTo(1);
            browser.screenshot("privacy-access");
            browser.assertAccessible();

            // The document, as the browser downloads it: a JSON attachment with every service's items.
            String download = (String) ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("var done = arguments[arguments.length - 1];"
                            + "fetch(document.getElementById('document').href)"
                            + ".then(function (r) { return r.text().then(function (t) {"
                            + "  done(r.status + '\\n' + r.headers.get('content-disposition') + '\\n' + t); }); })"
                            + ".catch(function (e) { done('failed ' + e); });");
            List<String> lines = download.lines().toList();
            assertThat(lines.get(0)).isEqualTo("200");
            assertThat(lines.get(1)).isEqualTo("attachment; filename=\"privacy-request-" + accessId + ".json\"");
            JsonNode document = Api.JSON.readTree(String.join("\n", lines.subList(2, lines.size())));
            assertThat(document.path("complete").asBoolean()).isTrue();
            assertThat(document.toString()).contains(address);
            assertThat(document.path("services").findValuesAsText("service"))
                    .contains("reporting-service", "review-service", "notification-service");

            // The erasure: each service says what it erased or anonymised, and what it keeps under which rule.
            browser.go("/privacy");
            browser.driver().findElement(By.id("kind-erasure")).click();
            browser.driver().findElement(By.id("f-emails")).sendKeys(address);
            browser.driver().findElement(By.id("privacy-submit")).click();
            browser.waitFor(By.id("request-facts"));
            assertThat(browser.textOf(By.tagName("h1"))).isEqualTo("Erasure request");
            awaitComplete(browser);
            int reportingDone = Integer.parseInt(browser.textOf(By.cssSelector("#service-reporting-service .erased")))
                    + Integer.parseInt(browser.textOf(By.cssSelector("#service-reporting-service .anonymised")));
            assertThat(reportingDone).as("the report's notifier identity").isGreaterThanOrEqualTo(1);
            assertThat(browser.driver().findElements(By.cssSelector("#holds, #no-holds")))
                    .hasSize(1);
            browser.scrollTo(browser.driver().findElement(By.id("services")));
            browser.screenshot("privacy-erasure");
            browser.assertAccessible();
        }

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("audrey"), "auditor");
            assertThat(browser.driver().findElements(By.cssSelector("nav a[href='/privacy']")))
                    .as("Privacy is in an auditor's navigation")
                    .hasSize(1);
            browser.findOnPages("/privacy", By.id("request-" + accessId));
            assertThat(browser.driver().findElements(By.id("privacy-form")))
                    .as("an auditor records no request")
                    .isEmpty();
            browser.go("/privacy/" + accessId);
            assertThat(browser.textOf(By.id("request-status"))).contains("Complete");
            assertThat(browser.driver().findElements(By.id("document")))
                    .as("the document is for legal to send")
                    .isEmpty();
            browser.screenshot("privacy-auditor");
            browser.assertAccessible();
        }
    }

    /** The request's page polls the ledger until every service has answered. */
    private static void awaitComplete(ConsoleBrowser browser) {
        await("every service's answer")
                .atMost(ANSWERED)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> browser.textOf(By.id("request-status")).contains("Complete"));
    }
}
