package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modhub.moderation.e2e.Hub.EXPLANATION;
import static org.modhub.moderation.e2e.Hub.FACTS;
import static org.modhub.moderation.e2e.Hub.unique;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Four eyes in the browser: a senior moderator approves what another moderator decided, the decider cannot approve
 * their own decision (no button, and review-service's refusal on screen when the request is sent anyway), and a
 * rejected decision comes back to its decider with the reason, beside the cases waiting for their owner.
 */
class ConsoleApprovalsIT {

    private static Hub hub;

    @BeforeAll
    static void suite() {
        hub = new Hub(Suite.get());
    }

    @AfterAll
    static void done() {
        Hub.printSummary(
                "Console: approvals and changes requested",
                List.of("approved by a second senior", "own decision refused", "rejected → back to the decider"));
    }

    /** A fresh case decided with a whole-repository DISABLE (four eyes) by {@code decider}: the decision's id. */
    private record Pending(String caseId, String subjectKey, String decisionId) {}

    private Pending decidedBy(String decider, String... roles) {
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique("casino");
        hub.fileReport(unique("rep"), repo);
        String caseId = hub.awaitOpenCase("model:" + repo);
        Api moderator = hub.as("review", decider, roles);
        assertThat(moderator.post("/api/v1/cases/" + caseId + "/claim", null).status())
                .isEqualTo(200);
        Api.Response decided = moderator.post(
                "/api/v1/cases/" + caseId + "/decisions", Hub.decisionBody(List.of("DISABLE"), FACTS, EXPLANATION));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        assertThat(decided.text("status")).isEqualTo("PENDING_APPROVAL");
        return new Pending(caseId, "model:" + repo, decided.text("id"));
    }

    private static String decisionStatus(String decisionId) {
        return hub.as("review", "lookup", "senior-moderator")
                .get("/api/v1/decisions/" + decisionId)
                .text("status");
    }

    @Test
    void aSeniorModeratorApprovesADecisionAnotherModeratorMade() {
        String decider = unique("mod");
        Pending p = decidedBy(decider, "moderator");
        String senior = unique("senior");

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(senior, "senior-moderator");
            browser.go("/approvals");
            By card = By.id("decision-" + p.decisionId());
            String shown = browser.waitFor(card).getText();
            // What was decided, on which ground and category, the statement's facts, and who decided it.
            assertThat(shown)
                    .contains(p.subjectKey())
                    .contains("Disable")
                    .contains("Incompatible content")
                    .contains("5. Platform Abuse, Security Violations and Spam")
                    .contains(FACTS)
                    .contains(decider);
            browser.assertAccessible();

            browser.driver().findElement(By.id("approve-" + p.decisionId())).click();
            browser.waitForText(card, "Approved by " + senior);
            assertThat(browser.driver().findElements(By.id("approve-" + p.decisionId())))
                    .isEmpty();
            browser.screenshot("approve");
        }
        assertThat(decisionStatus(p.decisionId())).isEqualTo("ENFORCED");
        assertThat(hub.restrictions(p.subjectKey()))
                .singleElement()
                .satisfies(r -> assertThat(r.path("action").asText()).isEqualTo("DISABLE"));
    }

    @Test
    void theDeciderCannotApproveTheirOwnDecision() {
        String senior = unique("senior");
        Pending p = decidedBy(senior, "moderator", "senior-moderator");

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(senior, "moderator", "senior-moderator");
            browser.go("/approvals");
            By card = By.id("decision-" + p.decisionId());
            assertThat(browser.waitFor(card).getText()).contains("This is your decision");
            assertThat(browser.driver().findElements(By.id("approve-" + p.decisionId())))
                    .as("no approve button on one's own decision")
                    .isEmpty();
            assertThat(browser.driver().findElements(By.id("reject-" + p.decisionId())))
                    .isEmpty();

            // Sent anyway (a page from before, a crafted request): review-service refuses, and the page says why.
            ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "htmx.ajax('POST', '/approvals/' + arguments[0] + '/approve',"
                                    + " {source: '#decision-' + arguments[0], target: '#decision-' + arguments[0],"
                                    + " swap: 'outerHTML'});",
                            p.decisionId());
            String refusal = browser.waitForText(By.id("messages"), "Four eyes");
            assertThat(refusal)
                    .contains("cannot approve or reject their own decision")
                    .contains("403");
            browser.screenshot("approve-own-refused");
            browser.assertAccessible();
        }
        assertThat(decisionStatus(p.decisionId())).isEqualTo("PENDING_APPROVAL");
        assertThat(hub.restrictions(p.subjectKey())).isEmpty();
    }

    @Test
    void aRejectedDecisionGoesBackToItsDeciderWithTheReasonBesideTheCasesWaitingForTheirOwner() {
        String decider = unique("mod");
        Pending rejected = decidedBy(decider, "moderator");

        // Another case of the same moderator: the owner is asked to change the model card by a deadline.
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique("card");
        hub.fileReport(unique("rep"), repo);
        String askedCase = hub.awaitOpenCase("model:" + repo);
        Api moderator = hub.as("review", decider, "moderator");
        assertThat(moderator.post("/api/v1/cases/" + askedCase + "/claim", null).status())
                .isEqualTo(200);
        Map<String, Object> ask = Hub.decisionBody(List.of("REQUEST_CHANGES"), FACTS, EXPLANATION);
        ask.put("changesRequested", "Remove the casino advertisement from the model card.");
        Api.Response asked = moderator.post("/api/v1/cases/" + askedCase + "/decisions", ask);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);

        String senior = unique("senior");
        String reason = "Disable only the card's links: the weights themselves are fine.";
        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(senior, "senior-moderator");
            browser.go("/approvals");
            By card = By.id("decision-" + rejected.decisionId());
            browser.waitFor(card);
            browser.driver()
                    .findElement(By.id("reason-" + rejected.decisionId()))
                    .sendKeys(reason);
            browser.driver()
                    .findElement(By.id("reject-" + rejected.decisionId()))
                    .click();
            browser.waitForText(card, "Rejected by " + senior);
        }
        assertThat(decisionStatus(rejected.decisionId())).isEqualTo("REJECTED");

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(decider, "moderator");
            browser.go("/changes-requested");
            String returned =
                    browser.waitFor(By.id("returned-" + rejected.caseId())).getText();
            assertThat(returned)
                    .contains(rejected.subjectKey())
                    .contains(reason)
                    .contains(senior);
            String waiting = browser.waitFor(By.id("waiting-" + askedCase)).getText();
            assertThat(waiting)
                    .contains("model:" + repo)
                    .contains("Remove the casino advertisement from the model card.")
                    .contains(owner);
            browser.screenshot("changes-requested");
            browser.assertAccessible();

            // Another moderator's list holds neither, unless they ask for everyone's.
            browser.signIn(unique("mod"), "moderator");
            browser.go("/changes-requested");
            assertThat(browser.driver().findElements(By.id("returned-" + rejected.caseId())))
                    .isEmpty();
            assertThat(browser.driver().findElements(By.id("waiting-" + askedCase)))
                    .isEmpty();
            browser.go("/changes-requested?all=true");
            browser.waitFor(By.id("returned-" + rejected.caseId()));
            browser.waitFor(By.id("waiting-" + askedCase));
        }
    }
}
