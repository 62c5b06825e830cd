package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modhub.moderation.e2e.Hub.unique;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The case page in a real browser: a moderator opens a reported case from the queue, claims it, reads the report
 * and who filed it, adds a note, and decides, watching the owner's mail and the Transparency Database statement
 * change as they type; then the page says plainly what became of the decision.
 */
class ConsoleCaseIT {

    private static Hub hub;

    @BeforeAll
    static void suite() {
        hub = new Hub(Suite.get());
    }

    @AfterAll
    static void done() {
        Hub.printSummary(
                "Console: the case page",
                List.of("claimed, read the report, noted, previewed and decided; four eyes shown as pending"));
    }

    @Test
    void aModeratorClaimsReadsNotesAndDecidesWatchingThePreviewOfWhatWillBeSent() {
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique("casino");
        String reporter = unique("rep");
        hub.fileReport(reporter, repo);
        String caseId = hub.awaitOpenCase("model:" + repo);
        String moderator = unique("mod");

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(moderator, "moderator");
            // From the queue to the case.
            browser.waitFor(By.cssSelector("tr[data-href='/cases/" + caseId + "'] a"))
                    .click();
            browser.waitFor(By.tagName("h1"));
            assertThat(browser.textOf(By.tagName("h1"))).isEqualTo("Case: model:" + repo);
            assertThat(browser.textOf(By.id("case-state"))).startsWith("Open");
            // Not held yet: no decide form, only the claim button.
            assertThat(browser.driver().findElements(By.id("decide-form"))).isEmpty();

            // The report and its reporter (staff see who reported); the subject's owner from the hub.
            WebElement report = browser.waitFor(By.cssSelector("#reports tr.report"));
            assertThat(report.getText()).contains(reporter).contains("online casino");
            assertThat(browser.textOf(By.id("owners"))).contains(owner).contains("Primary");

            browser.driver().findElement(By.id("claim")).click();
            browser.waitForText(By.id("case-state"), "Claimed");
            assertThat(browser.textOf(By.id("case-state"))).contains(moderator);
            assertThat(browser.driver().findElements(By.id("claim"))).isEmpty();

            // A note, internal: back in the list as the service now lists it.
            String note = "Checked the card history: the casino links came with the last upload " + unique("n");
            browser.driver().findElement(By.id("note-body")).sendKeys(note);
            browser.driver().findElement(By.id("add-note")).click();
            String notes = browser.waitForText(By.id("notes"), note);
            assertThat(notes).contains("Internal").contains(moderator);

            // Submitting an incomplete decision: the service's refusal, naming the field, in the message area.
            browser.driver().findElement(By.id("action-UNRANK")).click();
            browser.driver().findElement(By.id("submit-decision")).click();
            assertThat(browser.waitForText(By.id("messages"), "facts")).contains("400");

            // The live preview follows the form: what is missing, then the mail and the statement as typed.
            browser.driver()
                    .findElement(By.id("action-TAG_NOT_FOR_ALL_AUDIENCES"))
                    .click();
            assertThat(new Select(browser.driver().findElement(By.id("subcategory")))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("spam");
            browser.driver().findElement(By.id("facts")).sendKeys("The card advertises a casino");
            browser.waitForText(By.id("preview"), "explanation");
            String explanation = "Advertising unrelated services is spam under section 5.";
            browser.driver().findElement(By.id("explanation")).sendKeys(explanation);
            browser.waitForText(By.cssSelector("#preview .preview-text"), "The card advertises a casino");
            assertThat(browser.textOf(By.id("preview-statement")))
                    .contains("\"decision_facts\" : \"The card advertises a casino\"")
                    .contains("\"decision_visibility\"");
            // Typing on changes both.
            browser.driver().findElement(By.id("facts")).sendKeys(" in every section.");
            browser.waitForText(By.id("preview-statement"), "a casino in every section.");
            browser.waitForText(By.cssSelector("#preview .preview-text"), "a casino in every section.");
            assertThat(browser.textOf(By.cssSelector("#preview .preview-subject")))
                    .isNotBlank();
            assertThat(browser.driver().findElements(By.id("preview-four-eyes")))
                    .isEmpty();
            assertThat(browser.driver().getPageSource().length())
                    .as("the page weighs at most 200 KB")
                    .isLessThan(200_000);
            browser.screenshot("case-decide");
            browser.assertAccessible();

            browser.driver().findElement(By.id("submit-decision")).click();
            WebElement decided = browser.waitFor(By.id("decided"));
            assertThat(decided.getText()).contains("Decided: Enforced");
            assertThat(browser.textOf(By.id("case-state"))).startsWith("Closed");
            assertThat(browser.textOf(By.id("decisions"))).contains("Enforced").contains("Unrank");
            browser.assertAccessible();
        }

        // The service holds what the page said: the case closed on an enforced decision with the facts typed.
        JsonNode detail = hub.as("review", "lookup", "moderator")
                .get("/api/v1/cases/" + caseId)
                .json();
        assertThat(detail.path("summary").path("state").asText()).isEqualTo("CLOSED");
        assertThat(detail.path("decisions").get(0).path("facts").asText())
                .isEqualTo("The card advertises a casino in every section.");
        assertThat(detail.path("notes").get(0).path("shareable").asBoolean()).isFalse();
    }

    @Test
    void aDecisionThatNeedsFourEyesIsShownAsPendingApproval() {
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique("casino");
        hub.fileReport(unique("rep"), repo);
        String caseId = hub.awaitOpenCase("model:" + repo);
        String moderator = unique("mod");

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(moderator, "moderator");
            browser.go("/cases/" + caseId);
            browser.waitFor(By.id("claim")).click();
            browser.waitFor(By.id("decide-form"));
            browser.driver().findElement(By.id("action-REMOVE")).click();
            browser.driver().findElement(By.id("facts")).sendKeys("The whole repository is a casino advertisement.");
            browser.driver().findElement(By.id("explanation")).sendKeys("Spam under section 5 of the policy.");
            browser.waitFor(By.id("preview-four-eyes"));
            browser.driver().findElement(By.id("submit-decision")).click();
            WebElement decided = browser.waitFor(By.id("decided"));
            assertThat(decided.getText()).contains("Pending approval");
            new WebDriverWait(browser.driver(), ConsoleBrowser.WAIT)
                    .until(d -> d.findElement(By.id("case-state")).getText().startsWith("Pending approval"));
        }
    }
}
