package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.e2e.Hub.EXPLANATION;
import static org.modhub.moderation.e2e.Hub.FACTS;
import static org.modhub.moderation.e2e.Hub.WAIT;
import static org.modhub.moderation.e2e.Hub.unique;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Appeals in the browser: the approver of the contested decision is not offered the resolution (and appeals-service's
 * refusal shows when it is sent anyway); a second senior moderator reads the appellant's arguments beside the decision
 * and reverses it, which lifts the restriction. Then the out-of-court dispute that followed, and its outcome.
 */
class ConsoleAppealsIT {

    private static final String ARGUMENTS = "The casino link was added by a compromised collaborator and is gone now.";

    private static Hub hub;

    @BeforeAll
    static void suite() {
        hub = new Hub(Suite.get());
    }

    @AfterAll
    static void done() {
        Hub.printSummary(
                "Console: appeals and disputes",
                List.of("approver not offered, refused", "reversed by a second senior", "dispute outcome recorded"));
    }

    /** A four-eyes DISABLE, approved, and the owner's appeal against it. */
    private record Appealed(String subjectKey, String decisionId, String decider, String approver, String appealId) {}

    private Appealed appealedDecision() {
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique("casino");
        String subjectKey = "model:" + repo;
        hub.fileReport(unique("rep"), repo);
        String caseId = hub.awaitOpenCase(subjectKey);
        String decider = unique("mod");
        String approver = unique("senior");
        Api moderator = hub.as("review", decider, "moderator");
        assertThat(moderator.post("/api/v1/cases/" + caseId + "/claim", null).status())
                .isEqualTo(200);
        Api.Response decided = moderator.post(
                "/api/v1/cases/" + caseId + "/decisions", Hub.decisionBody(List.of("DISABLE"), FACTS, EXPLANATION));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        String decisionId = decided.text("id");
        Api.Response approved = hub.as("review", approver, "senior-moderator")
                .post("/api/v1/decisions/" + decisionId + "/approve", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        Map<String, Object> appeal = Map.of(
                "decisionId",
                decisionId,
                "arguments",
                ARGUMENTS,
                "evidenceUrls",
                List.of("https://example.org/commit-history"),
                "residence",
                "DE");
        Api appellant = hub.as("appeals", owner, "user");
        // appeals-service learns of the decision from review.events; until then it is unknown (404).
        Api.Response filed = await("the appeal accepted")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> appellant.post("/api/v1/appeals", appeal), r -> r.status() != 404 && r.status() != 0);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return new Appealed(subjectKey, decisionId, decider, approver, filed.text("id"));
    }

    @Test
    void theApproverIsNotOfferedTheAppealAndASecondSeniorReversesIt() {
        Appealed a = appealedDecision();

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            // The approver of the contested decision: the appeal and the decision, but no form.
            browser.signIn(a.approver(), "senior-moderator");
            browser.go("/appeals/" + a.appealId());
            assertThat(browser.waitFor(By.id("not-offered")).getText())
                    .contains("You took or approved the decision this appeal contests");
            assertThat(browser.driver().findElements(By.id("resolve-form"))).isEmpty();

            // Sent anyway: appeals-service refuses, and the page says so in its words.
            ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "htmx.ajax('POST', '/appeals/' + arguments[0] + '/resolve', {source: '#resolution',"
                                    + " target: '#resolution', swap: 'outerHTML', values: {outcome: 'REVERSED',"
                                    + " explanation: 'I decide my own case.'}});",
                            a.appealId());
            String refusal = browser.waitForText(By.id("messages"), "must not have taken part");
            assertThat(refusal).contains("another reviewer must decide").contains("403");

            // A second senior moderator, who took no part.
            String reviewer = unique("senior");
            browser.signIn(reviewer, "senior-moderator");
            browser.go("/appeals");
            WebElement row = browser.waitFor(By.id("appeal-" + a.appealId()));
            assertThat(row.getText()).contains(a.subjectKey()).contains("Open");
            browser.assertAccessible();

            browser.go("/appeals/" + a.appealId());
            assertThat(browser.text())
                    .contains(ARGUMENTS)
                    .contains(FACTS)
                    .contains("Disable")
                    .contains(a.decider())
                    .contains("approved by " + a.approver());
            browser.assertAccessible();
            browser.driver().findElement(By.id("outcome-REVERSED")).click();
            browser.driver()
                    .findElement(By.id("explanation"))
                    .sendKeys("The link came from a compromised account and was removed.");
            browser.driver().findElement(By.id("resolve")).click();
            String resolved = browser.waitForText(By.id("resolution"), "Reversed by " + reviewer);
            assertThat(resolved).contains("The link came from a compromised account and was removed.");
            // The page reloads with the resolution: its status line says so too.
            browser.waitForText(By.id("appeal-status"), "Reversed");
            browser.screenshot("appeal-resolve");
        }

        Api.Response appeal = hub.as("appeals", "lookup", "legal").get("/api/v1/appeals/" + a.appealId());
        assertThat(appeal.text("status")).isEqualTo("RESOLVED");
        assertThat(appeal.text("outcome")).isEqualTo("REVERSED");
        await("the restriction lifted in the ledger")
                .atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(hub.restrictions(a.subjectKey())).isEmpty());
    }

    @Test
    void aDisputeIsRecordedListedItsOutcomeRecordedAndTheFiguresShown() {
        Appealed a = appealedDecision();
        String body = "User Rights " + unique("body");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Api legal = hub.as("appeals", unique("legal"), "legal");

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("lee"), "legal");
            browser.go("/disputes");
            browser.assertAccessible();

            // The settlement body wrote to legal@: the dispute is recorded against the decision and its appeal.
            browser.driver().findElement(By.id("new-decision")).sendKeys(a.decisionId());
            browser.driver().findElement(By.id("new-appeal")).sendKeys(a.appealId());
            browser.driver().findElement(By.id("new-body")).sendKeys(body);
            setDate(browser, "new-submitted", today);
            browser.driver().findElement(By.id("new-notes")).sendKeys("Filed by the owner after the appeal.");
            browser.driver().findElement(By.id("record-new-dispute")).click();
            browser.waitFor(By.id("dispute-recorded"));

            String disputeId = await("the dispute recorded")
                    .atMost(Duration.ofSeconds(20))
                    .until(
                            () -> legal.items("/api/v1/disputes").stream()
                                    .filter(d -> body.equals(d.path("body").asText()))
                                    .map(d -> d.path("id").asText())
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .get();
            By row = By.id("dispute-" + disputeId);
            assertThat(browser.waitFor(row).getText()).contains(body).contains(today);
            assertThat(browser.textOf(By.id("dispute-figures")))
                    .contains("Submitted")
                    .contains(body);
            browser.assertAccessible();

            new Select(browser.driver().findElement(By.id("outcome-" + disputeId)))
                    .selectByValue("IN_FAVOUR_OF_PROVIDER");
            setDate(browser, "settled-" + disputeId, today);
            browser.driver().findElement(By.id("record-" + disputeId)).click();
            // The row comes back without its form (the select itself lists every outcome, so wait for the form to go).
            new WebDriverWait(browser.driver(), ConsoleBrowser.WAIT)
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.id("record-" + disputeId)));
            assertThat(browser.driver().findElement(row).getText())
                    .contains("In favour of provider, " + today)
                    .doesNotContain("Pending");
            browser.screenshot("dispute-outcome");

            Api.Response dispute = legal.get("/api/v1/disputes/" + disputeId);
            assertThat(dispute.text("appealId")).isEqualTo(a.appealId());
            assertThat(dispute.text("outcome")).isEqualTo("IN_FAVOUR_OF_PROVIDER");
            assertThat(dispute.text("settledOn")).isEqualTo(today);
        }
    }

    /** A date input's value set as the browser stores it (typing into one depends on the browser's locale). */
    private static void setDate(ConsoleBrowser browser, String id, String isoDate) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
    }
}
