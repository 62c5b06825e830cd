package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modhub.moderation.e2e.Hub.unique;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Transparency in a real browser: an auditor reads the DSA transparency report in words and tables (no enum names
 * on screen), sees how statements of reasons stand with the EU database, and reads the audit log of a case a
 * moderator just claimed.
 */
class ConsoleTransparencyIT {

    /** An enum name as the services send it (SOURCE_TRUSTED_FLAGGER, DECISION_GROUND_ILLEGAL_CONTENT, …). */
    private static final Pattern ENUM_NAME = Pattern.compile("\\b[A-Z]{2,}_[A-Z0-9_]+\\b");

    private static Hub hub;

    @BeforeAll
    static void suite() {
        hub = new Hub(Suite.get());
    }

    @AfterAll
    static void done() {
        Hub.printSummary("Console: transparency", List.of("report in words, submissions, audit log"));
    }

    @Test
    void anAuditorReadsTheTransparencyReportInWordsAndTheSubmissions() {
        String reporter = unique("rep");
        hub.fileReport(reporter, hub.newOwner("owner") + "/" + unique("casino"));

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("aud"), "auditor");
            browser.go("/transparency");
            assertThat(browser.textOf(By.tagName("h1"))).isEqualTo("Transparency report");
            String report = browser.waitFor(By.id("report")).getText();
            assertThat(report)
                    .contains("Notices received")
                    .contains("Notices filed")
                    .contains("Notice submitted by a trusted flagger")
                    .contains("Own voluntary initiative")
                    .contains("5. Platform Abuse, Security Violations and Spam")
                    .contains("Content incompatible with terms and conditions")
                    .contains("Out-of-court disputes");
            assertThat(ENUM_NAME
                            .matcher(browser.text())
                            .results()
                            .map(m -> m.group())
                            .toList())
                    .as("enum names on the auditor's screen")
                    .isEmpty();
            // The cross-tabulation is a table: a header cell per source, a row per category.
            By crossTab = By.cssSelector("#report-notices .crosstab table");
            assertThat(browser.driver().findElements(By.cssSelector("#report-notices .crosstab thead th")))
                    .extracting(e -> e.getText())
                    .contains("Category", "Notice submitted by a trusted flagger");
            assertThat(browser.driver().findElement(crossTab).findElements(By.cssSelector("tbody tr")))
                    .hasSize(5);
            // At least the report filed above counts among the period's notices.
            String filed = browser.driver()
                    .findElement(By.xpath("//section[@id='report-notices']//tr[th[text()='Notices filed']]/td"))
                    .getText();
            assertThat(Long.parseLong(filed)).isPositive();

            assertThat(browser.textOf(By.id("submission-states")))
                    .contains("Waiting to be submitted")
                    .contains("Accepted by the database");
            browser.screenshot("transparency");
            browser.assertAccessible();
        }
    }

    @Test
    void anAuditorReadsTheAuditLogOfACase() {
        String reporter = unique("rep");
        String repo = hub.newOwner("owner") + "/" + unique("casino");
        hub.fileReport(reporter, repo);
        String caseId = hub.awaitOpenCase("model:" + repo);
        String moderator = unique("mod");
        Api.Response claimed =
                hub.as("review", moderator, "moderator").post("/api/v1/cases/" + caseId + "/claim", null);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("aud"), "auditor");
            browser.go("/transparency/audit-log");
            browser.assertAccessible();
            browser.waitFor(By.id("a-case")).sendKeys(caseId);
            browser.driver().findElement(By.id("audit-filter")).click();
            String log = browser.waitFor(By.id("audit-log")).getText();
            assertThat(log).contains(moderator).contains("Case claimed").contains(caseId);
            browser.assertAccessible();
        }
    }

    @Test
    void aModeratorIsNotOfferedTransparencyAndTheServiceRefusesIt() {
        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("mod"), "moderator");
            assertThat(browser.driver().findElements(By.cssSelector("nav a[href='/transparency']")))
                    .isEmpty();
            browser.go("/transparency");
            assertThat(browser.textOf(By.cssSelector("main .problem"))).contains("403");
        }
    }
}
