package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modhub.moderation.e2e.Hub.address;
import static org.modhub.moderation.e2e.Hub.unique;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * People and Mail in a real browser: a moderator looks a notifier up and warns them, and the standing on screen is
 * the one reporting-service now keeps; the delivery log shows the mail the suite sent; unmatched inbound mail is
 * marked handled; a template is previewed. Every page passes axe-core.
 */
class ConsolePeopleIT {

    private static Hub hub;

    @BeforeAll
    static void suite() {
        hub = new Hub(Suite.get());
    }

    @AfterAll
    static void done() {
        Hub.printSummary(
                "Console: people and mail",
                List.of("warned a notifier, read the delivery log, handled unmatched mail, previewed a template"));
    }

    @Test
    void aModeratorLooksUpANotifierWarnsThemAndSeesTheStandingChange() {
        String reporter = unique("rep");
        hub.fileReport(reporter, hub.newOwner("owner") + "/" + unique("casino"));
        String notifier = "user:" + reporter;

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("mod"), "moderator");
            browser.go("/people");
            browser.assertAccessible();
            browser.waitFor(By.id("account")).sendKeys(reporter);
            assertThat(browser.driver().findElements(By.id("lookup-appellant")))
                    .as("appeals-service does not open appellants to moderators: no button for it")
                    .isEmpty();
            browser.driver().findElement(By.id("lookup-notifier")).click();

            browser.waitFor(By.id("standing-facts"));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/people/notifiers/" + notifier);
            assertThat(browser.textOf(By.tagName("h1"))).contains(notifier);
            assertThat(browser.textOf(By.id("reports-filed"))).isEqualTo("1");
            assertThat(browser.textOf(By.id("warnings"))).startsWith("0");
            assertThat(browser.textOf(By.id("standing-status"))).contains("In good standing");
            assertThat(browser.driver().findElements(By.id("grant-trusted")))
                    .as("only admins mark trusted flaggers")
                    .isEmpty();
            browser.assertAccessible();

            browser.driver()
                    .findElement(By.id("warn-reason"))
                    .sendKeys("Three reports of the same model in an hour, none of them founded.");
            browser.driver().findElement(By.id("warn")).click();
            browser.waitForText(By.id("standing-message"), "Warning recorded");
            assertThat(browser.textOf(By.id("warnings"))).startsWith("1 (last ");
            browser.assertAccessible();
        }

        // The warning is reporting-service's, not the page's.
        assertThat(hub.as("reporting", "lookup", "moderator")
                        .get("/api/v1/notifiers/" + notifier)
                        .json()
                        .path("warnings")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aMuteWithoutAReasonIsRefusedByTheServiceAndTheRefusalIsShown() {
        String reporter = unique("rep");
        hub.fileReport(reporter, hub.newOwner("owner") + "/" + unique("casino"));

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("adm"), "admin");
            browser.go("/people/notifiers/user:" + reporter);
            // A reason of blanks passes the browser's "required" and reaches the service, which names the field.
            browser.waitFor(By.id("mute-reason")).sendKeys("   ");
            browser.driver().findElement(By.id("mute")).click();
            browser.waitForText(By.id("messages"), "reason");
            assertThat(browser.textOf(By.id("messages"))).contains("400");
            assertThat(browser.textOf(By.id("standing-status"))).doesNotContain("Muted");

            // An admin may grant trusted flagger status; the page shows the service's new standing.
            browser.driver().findElement(By.id("grant-trusted")).click();
            browser.waitForText(By.id("standing-message"), "Marked as trusted flagger");
            assertThat(browser.textOf(By.id("standing-status"))).contains("Trusted flagger");
            browser.waitFor(By.id("revoke-trusted"));
        }
    }

    @Test
    void legalReadsAnAppellantWithoutARecord() {
        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("lee"), "legal");
            String who = unique("nobody");
            browser.go("/people");
            browser.waitFor(By.id("account")).sendKeys(who);
            browser.driver().findElement(By.id("lookup-appellant")).click();
            browser.waitFor(By.id("no-record"));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/people/appellants/user:" + who);
            assertThat(browser.textOf(By.id("standing-status"))).contains("In good standing");
            assertThat(browser.driver().findElements(By.id("lift"))).isEmpty();
            browser.assertAccessible();
        }
    }

    @Test
    void theMailLogShowsTheReceiptSentToANotifier() {
        String reporter = unique("rep");
        hub.fileReport(reporter, hub.newOwner("owner") + "/" + unique("casino"));
        Hub.Delivered receipt = hub.awaitDelivered(address(reporter), null);

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("mod"), "moderator");
            browser.go("/mail");
            browser.waitFor(By.id("d-recipient")).sendKeys(address(reporter));
            browser.driver().findElement(By.id("deliveries-filter")).click();
            By row = By.id("delivery-" + receipt.delivery().path("id").asText());
            assertThat(browser.waitFor(row).getText())
                    .contains(address(reporter))
                    .contains(receipt.templateId())
                    .contains("Sent");
            browser.assertAccessible();

            browser.driver().findElement(row).findElement(By.tagName("a")).click();
            assertThat(browser.waitFor(By.id("delivery")).getText())
                    .contains(address(reporter))
                    .contains("Sent")
                    .contains(receipt.delivery().path("messageId").asText());
            browser.assertAccessible();

            browser.go("/mail/templates");
            By preview = By.id("preview-" + receipt.templateId());
            browser.driver()
                    .findElement(By.id("preview-button-" + receipt.templateId()))
                    .click();
            browser.waitFor(By.cssSelector("#preview-" + receipt.templateId() + " .preview-subject"));
            assertThat(browser.driver().findElement(preview).getText())
                    .contains("Subject:")
                    .contains("Text body");
            browser.assertAccessible();
        }
    }

    @Test
    void unmatchedInboundMailIsReadAndMarkedHandled() {
        String sender = address(unique("reader"));
        String subject = "A question for the staff " + unique("q");
        hub.suite
                .stack
                .mail()
                .send(sender, hub.mailbox("feedback"), subject, "Hello,\n\nwho do I write to about my model?\n");
        String id = org.awaitility.Awaitility.await("the mail in the unmatched list")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () ->
                                hub
                                        .as("notification", "lookup", "moderator")
                                        .items("/api/v1/mail/unmatched?limit=100")
                                        .stream()
                                        .filter(m -> subject.equals(
                                                m.path("subjectLine").asText()))
                                        .map(m -> m.path("id").asText())
                                        .findFirst(),
                        Optional::isPresent)
                .get();

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            String moderator = unique("mod");
            browser.signIn(moderator, "moderator");
            browser.go("/mail/unmatched");
            By row = By.id("unmatched-" + id);
            assertThat(browser.waitFor(row).getText())
                    .contains(sender)
                    .contains(subject)
                    .contains("Open");
            browser.assertAccessible();
            browser.driver()
                    .findElement(row)
                    .findElement(By.cssSelector("button.mark-handled"))
                    .click();
            browser.waitForText(row, "Handled");
            assertThat(browser.driver().findElement(row).getText()).contains(moderator);

            browser.go("/mail/unmatched/" + id);
            assertThat(browser.waitFor(By.id("mail-text")).getText()).contains("who do I write to about my model?");
            assertThat(browser.textOf(By.id("handling"))).contains("Handled by " + moderator);
            browser.assertAccessible();
        }
    }
}
