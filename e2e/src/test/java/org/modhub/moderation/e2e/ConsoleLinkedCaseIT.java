package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.e2e.Hub.WAIT;
import static org.modhub.moderation.e2e.Hub.unique;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Removed stays removed, as a moderator meets it: a removal banks the model's weights, the hub's upload check
 * refuses the same weights under another name, and the case review opens for the copy is marked in the queue and
 * says on its page what it is linked to: the removing decision, with a link to that decision's case, and the matched
 * file, whose hash a moderator can look up in the bank.
 */
class ConsoleLinkedCaseIT {

    private static final long GIB = 1L << 30;
    private static Suite suite;
    private static Hub hub;

    @BeforeAll
    static void start() {
        suite = Suite.get();
        hub = new Hub(suite);
    }

    @AfterAll
    static void done() {
        Hub.printSummary(
                "Console: linked cases",
                List.of("a re-upload of removed weights: marked in the queue, linked to the removal on its case page"));
    }

    @Test
    void aModeratorSeesAReuploadOfRemovedContentMarkedInTheQueueAndLinkedToTheRemovalOnItsCase() {
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique("atlas");
        String weights = MatchingIT.sha256(repo + "/model.safetensors");
        putModel(repo, List.of(file("model.safetensors", 4 * GIB, weights)));
        String copy = hub.newOwner("copier") + "/" + unique("atlas-copy");
        putModel(copy, List.of());

        hub.fileReport(unique("rep"), repo);
        String removedCase = hub.awaitOpenCase("model:" + repo);
        String decisionId = hub.decide(removedCase, List.of("DISABLE"), Hub.FACTS, Hub.EXPLANATION);
        // The hub checks the copy's upload: refused once the bank holds the weights, and review opens a case.
        await("the re-upload refused").atMost(WAIT).until(() -> checkVerdict(copy, weights), "REFUSE"::equals);
        String copyCase = hub.awaitOpenCase("model:" + copy);

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("mod"), "moderator");
            WebElement row = browser.findOnPages("/queue", By.cssSelector("tr[data-href='/cases/" + copyCase + "']"));
            assertThat(row.getText()).contains("model:" + copy);
            assertThat(row.findElement(By.cssSelector(".mark.linked")).getText())
                    .isEqualTo("Re-upload of removed");
            browser.scrollTo(row);
            browser.screenshot("queue-linked");
            browser.assertAccessible();

            row.findElement(By.cssSelector("a")).click();
            String linked = browser.waitForText(By.id("linked"), "Linked to removed content");
            assertThat(linked)
                    .contains("Re-upload of content removed by decision " + decisionId)
                    .contains("model.safetensors")
                    .contains(weights);
            assertThat(browser.textOf(By.tagName("h1"))).isEqualTo("Case: model:" + copy);
            browser.screenshot("case-linked");
            browser.assertAccessible();

            // The matched file's hash, looked up in the bank: the removal holds it.
            browser.driver()
                    .findElement(By.cssSelector("#linked a[href='/bank/hashes/" + weights + "']"))
                    .click();
            String sources = browser.waitForText(By.id("sources"), decisionId);
            assertThat(sources).contains("model:" + repo).contains("Refuse").contains("Active");
            browser.assertAccessible();

            // The bank's page for a moderator: its figures and the look-up, not the imported lists (legal's,
            // auditors').
            assertThat(browser.driver().findElements(By.cssSelector("nav a[href='/bank']")))
                    .isEmpty();
            browser.go("/bank");
            assertThat(browser.textOf(By.id("stat-sources"))).containsPattern("^\\d+ \\(\\d+ active");
            assertThat(browser.driver().findElements(By.id("f-sha256"))).hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("#imports-section, #import-form")))
                    .isEmpty();
            browser.assertAccessible();
            browser.go("/cases/" + copyCase);

            // And to the removing decision's case.
            browser.waitFor(By.cssSelector("#linked a.linked-decision")).click();
            browser.waitForText(By.tagName("h1"), "Case: model:" + repo);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/cases/" + removedCase);
        }
    }

    private static String checkVerdict(String repo, String sha256) {
        Api.Response response = hub.as("matching", "hub-uploads", "hub")
                .post(
                        "/api/v1/uploads/check",
                        Map.of(
                                "repository",
                                "model:" + repo,
                                "files",
                                List.of(Map.of("path", "model.safetensors", "sha256", sha256)),
                                "baseModels",
                                List.of()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.text("verdict");
    }

    private static void putModel(String id, List<Map<String, Object>> files) {
        Map<String, Object> repository = Map.of(
                "type",
                "model",
                "id",
                id,
                "private",
                false,
                "createdAt",
                "2026-11-01T10:00:00Z",
                "files",
                files,
                "baseModels",
                List.of());
        try {
            suite.stack.hub().merge(Api.JSON.writeValueAsString(Map.of("repositories", List.of(repository))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> file(String path, long size, String sha256) {
        return Map.of("path", path, "size", size, "sha256", sha256, "lastCommitDate", "2026-11-01T10:00:00Z");
    }
}
