package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.e2e.Hub.unique;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The queue in a real browser: a moderator signs in through the identity provider's form, finds a fresh case with
 * its marks, and claims it from the keyboard; people without the role meet the service's refusal, not a hidden door.
 */
class ConsoleQueueIT {

    private static Hub hub;

    @BeforeAll
    static void suite() {
        hub = new Hub(Suite.get());
    }

    @AfterAll
    static void done() {
        Hub.printSummary("Console: the queue", java.util.List.of("signed in, found, claimed from the keyboard"));
    }

    @Test
    void aModeratorSignsInFindsTheNewCaseAndClaimsItWithTheKeyboard() {
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique("casino");
        hub.fileReport(unique("rep"), repo);
        String caseId = hub.awaitOpenCase("model:" + repo);
        String moderator = unique("mod");

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(moderator, "moderator");
            // A moderator's first page is the queue; the page says whose session it is and that sign-in is local.
            assertThat(browser.driver().getCurrentUrl()).endsWith("/queue");
            assertThat(browser.text())
                    .contains("Signed in as " + moderator)
                    .contains("Local sign-in: development only");

            By row = By.cssSelector("tr[data-href='/cases/" + caseId + "']");
            WebElement found = browser.waitFor(row);
            assertThat(found.getText())
                    .contains("model:" + repo)
                    .contains("5. Platform Abuse, Security Violations and Spam")
                    .contains("Open");
            browser.screenshot("queue");
            browser.assertAccessible();

            // j moves to the first row; our case is the newest and, at equal priority, may not be first: walk to it.
            Actions keys = new Actions(browser.driver());
            for (int i = 0; i < 60 && !found.getAttribute("class").contains("selected"); i++) {
                keys.sendKeys("j").perform();
                found = browser.driver().findElement(row);
            }
            assertThat(found.getAttribute("class")).contains("selected");
            keys.sendKeys("c").perform();
            browser.waitForText(row, "Claimed");
            assertThat(browser.driver().findElement(row).getText()).contains(moderator);
        }

        // The claim is the service's: the staff queue lists the case as claimed by that moderator.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var listed = hub.openCase("model:" + repo);
            assertThat(listed).isPresent();
            assertThat(listed.get().path("state").asText()).isEqualTo("CLAIMED");
            assertThat(listed.get().path("assignee").asText()).isEqualTo(moderator);
        });
    }

    @Test
    void aPageTheServiceRefusesShowsTheRefusalAndAPersonWithoutAStaffRoleIsTurnedAway() {
        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            // An auditor may read transparency figures, not the case queue: review-service says 403, the page says so.
            browser.signIn(unique("aud"), "auditor");
            browser.go("/queue");
            // The heading is the service's own words for the refusal, and the page names who refused and how.
            assertThat(browser.textOf(By.tagName("h1"))).isEqualTo("The caller may not do this");
            assertThat(browser.text()).contains("Answer of the review-service, status 403");
            assertThat(browser.driver().findElements(By.cssSelector("nav a[href='/queue']")))
                    .as("the queue is not in an auditor's navigation")
                    .isEmpty();

            browser.signIn(unique("user"), "user");
            assertThat(browser.textOf(By.tagName("h1"))).isEqualTo("This console is for the hub's staff");
            assertThat(browser.driver().findElements(By.cssSelector("nav a"))).isEmpty();
            browser.assertAccessible();
        }
    }
}
