package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modhub.moderation.e2e.Hub.unique;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The Bank page in a real browser: legal imports a hash list from a CSV file, sees who imported it and what it added,
 * looks one of its hashes up, exports it and withdraws the import; an auditor reads the imports but gets no import
 * form and no withdraw button; a list with one bad row is refused naming its line and column, and nothing of it is
 * banked.
 */
class ConsoleBankIT {

    private static final String HEADER = "signal_type,signal,source,reason,verdict";

    @BeforeAll
    static void suite() {
        Suite.get();
    }

    @AfterAll
    static void done() {
        Hub.printSummary(
                "Console: the hash bank",
                List.of(
                        "a list imported, looked up, exported and withdrawn by legal; read by an auditor",
                        "a list with a bad row refused at its line and column, nothing banked"));
    }

    @Test
    void legalImportsAListLooksAHashUpExportsAndWithdrawsItAndAnAuditorReadsTheImportsWithoutTheForm()
            throws Exception {
        String legal = unique("lee");
        String listSource = unique("otherhub");
        String refused = MatchingIT.sha256(unique("refused"));
        String held = MatchingIT.sha256(unique("held"));
        Path csv = csv(
                HEADER,
                "sha256," + refused + "," + listSource + ",Weights of a model removed there for malware,REFUSE",
                "sha256," + held.toUpperCase() + "," + listSource + ",\"Leaked weights, proprietary\",");

        String importId;
        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(legal, "legal");
            browser.driver().findElement(By.cssSelector("nav a[href='/bank']")).click();
            browser.waitFor(By.id("bank-stats"));
            assertThat(browser.textOf(By.tagName("h1"))).isEqualTo("Hash bank");
            assertThat(browser.textOf(By.id("stat-loaded"))).contains("UTC");
            browser.assertAccessible();

            browser.driver().findElement(By.id("import-file")).sendKeys(csv.toString());
            browser.driver().findElement(By.id("import-submit")).click();
            String result = browser.waitForText(By.id("import-result"), "Imported");
            assertThat(result)
                    .contains("2 rows")
                    .contains("2 new hashes")
                    .contains("0 already banked")
                    .contains("by " + legal);

            // The list of imports comes back with the new one on top: who, the file's sha256, what it added.
            By mineRow = By.xpath(
                    "//table[@id='imports']//tr[td[@class='imported-by' and normalize-space()='" + legal + "']]");
            importId = browser.attributeOf(mineRow, "id").substring("import-".length());
            String rowText = browser.textOf(By.id("import-" + importId));
            assertThat(rowText)
                    .contains(legal)
                    .contains(MatchingIT.sha256(Files.readString(csv)))
                    .contains("In the bank");
            assertThat(browser.textOf(By.cssSelector("#import-" + importId + " td:nth-child(4)")))
                    .isEqualTo("2");
            browser.scrollTo(browser.driver().findElement(By.id("import")));
            browser.screenshot("bank-imported");
            browser.assertAccessible();

            // The export, as the browser downloads it: a CSV attachment holding the imported rows.
            String export = (String) ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("var done = arguments[arguments.length - 1];"
                            + "fetch(document.getElementById('export-imports').href)"
                            + ".then(function (r) { return r.text().then(function (t) {"
                            + "  done(r.status + '\\n' + r.headers.get('content-type') + '\\n'"
                            + "    + r.headers.get('content-disposition') + '\\n' + t); }); })"
                            + ".catch(function (e) { done('failed ' + e); });");
            List<String> lines = export.lines().toList();
            assertThat(lines.get(0)).isEqualTo("200");
            assertThat(lines.get(1)).startsWith("text/csv");
            assertThat(lines.get(2)).isEqualTo("attachment; filename=\"bank-imports.csv\"");
            assertThat(lines.get(3)).isEqualTo(HEADER);
            assertThat(lines)
                    .contains("sha256," + refused + "," + listSource + ",Weights of a model removed there for malware,"
                            + "REFUSE")
                    .anyMatch(line -> line.startsWith("sha256," + held + ","));

            // One hash, looked up: the imported list holds it, with its source, reason and verdict.
            browser.go("/bank");
            browser.driver().findElement(By.id("f-sha256")).sendKeys(held);
            browser.driver().findElement(By.id("lookup-submit")).click();
            String sources = browser.waitForText(By.id("sources"), listSource);
            assertThat(sources)
                    .contains("Imported list " + importId)
                    .contains("Leaked weights, proprietary")
                    .contains("Hold for review")
                    .contains("Active");
            browser.screenshot("bank-lookup");
            browser.assertAccessible();

            // Withdrawn, after a confirmation: the row says by whom, and the hash's sources say withdrawn.
            browser.go("/bank");
            WebElement mine = browser.waitFor(By.id("import-" + importId));
            mine.findElement(By.cssSelector("details.withdraw summary")).click();
            browser.waitFor(By.cssSelector("#import-" + importId + " button.withdraw-confirm"))
                    .click();
            String withdrawn = browser.waitForText(By.id("import-" + importId), "Withdrawn by " + legal);
            assertThat(withdrawn).doesNotContain("In the bank");
            assertThat(browser.driver().findElements(By.cssSelector("#import-" + importId + " details.withdraw")))
                    .isEmpty();
            browser.scrollTo(browser.driver().findElement(By.id("import-" + importId)));
            browser.screenshot("bank-withdrawn");
            browser.go("/bank/hashes/" + refused);
            assertThat(browser.textOf(By.id("sources"))).contains("Withdrawn").doesNotContain("Active");
        }

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("audrey"), "auditor");
            assertThat(browser.driver().findElements(By.cssSelector("nav a[href='/bank']")))
                    .as("Bank is in an auditor's navigation")
                    .hasSize(1);
            WebElement row = browser.findOnPages("/bank", By.id("import-" + importId));
            assertThat(row.getText()).contains("Withdrawn by " + legal);
            assertThat(browser.driver()
                            .findElements(By.cssSelector("#import-form, #import-file, button.withdraw-confirm")))
                    .as("an auditor reads, and imports or withdraws nothing")
                    .isEmpty();
            assertThat(browser.driver().findElements(By.id("export-all"))).hasSize(1);
            browser.screenshot("bank-auditor");
            browser.assertAccessible();
        }
    }

    @Test
    void aListWithABadRowIsRefusedNamingItsLineAndColumnAndNothingOfItIsBanked() {
        String good = MatchingIT.sha256(unique("good"));
        Path csv = csv(
                HEADER,
                "sha256," + good + ",otherhub,Weights removed there,REFUSE",
                "sha256,not-a-hash,otherhub,Weights removed there,REFUSE");

        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(unique("lee"), "legal");
            browser.go("/bank");
            browser.driver().findElement(By.id("import-file")).sendKeys(csv.toString());
            browser.driver().findElement(By.id("import-submit")).click();
            String refusal = browser.waitForText(By.id("messages"), "line 3, column 2 (signal)");
            assertThat(refusal)
                    .contains("64 hex digits")
                    .contains("matching-service")
                    .contains("400");
            assertThat(browser.driver().findElements(By.id("import-result"))).isEmpty();
            browser.screenshot("bank-refused");
            browser.assertAccessible();

            browser.go("/bank/hashes/" + good);
            assertThat(browser.textOf(By.id("not-banked"))).startsWith("Not in the bank");
        }
    }

    private static Path csv(String... lines) {
        try {
            Path file = Files.createTempFile("bank-", ".csv");
            file.toFile().deleteOnExit();
            Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
