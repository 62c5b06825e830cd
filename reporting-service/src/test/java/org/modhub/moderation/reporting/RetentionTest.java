package org.modhub.moderation.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.reporting.ReportingFixtures.as;
import static org.modhub.moderation.reporting.ReportingFixtures.file;
import static org.modhub.moderation.reporting.ReportingFixtures.newModel;
import static org.modhub.moderation.reporting.ReportingFixtures.newUser;
import static org.modhub.moderation.reporting.ReportingFixtures.noAction;
import static org.modhub.moderation.reporting.ReportingFixtures.reportOnModel;
import static org.modhub.moderation.reporting.ReportingFixtures.sendDecision;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.kit.privacy.RetentionJob;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * The retention schedule (GDPR Art. 5(1)(e); issue 26): {@code closed-reports} (183 days after a report is closed its
 * notifier's identity goes) and {@code notifier-standing} (365 days after the last change, unless a suspension is in
 * force). The clock travels past each period and stops just short of it.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class RetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource db;

    @Inject
    TravelClock clock;

    @Inject
    RetentionJob job;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** Moves the clock on and runs the retention job at once, as an admin's run would; what it removed, by kind. */
    private Map<String, Integer> travelAndRun(Duration by) throws Exception {
        clock.advance(by);
        return OnVertx.await(job::runNow);
    }

    /** reporter_id, contact_email, notifier_key, reporter_name, anonymised_at IS NOT NULL of a report. */
    private List<Object> identity(String reportId) {
        return rows(
                        db,
                        "SELECT reporter_id, contact_email, notifier_key, reporter_name, anonymised_at IS NOT NULL"
                                + " FROM report WHERE CAST(id AS text) = ?",
                        reportId)
                .get(0);
    }

    @Test
    void aClosedReportLosesItsNotifierAfter183DaysAndAnOpenOneKeepsIt() throws Exception {
        String carol = newUser("carol");
        String carolMail = carol + "@example.org";
        String decidedModel = newModel();
        Map<String, Object> body = reportOnModel(decidedModel);
        body.put("explanation", "Spam; ask " + carolMail + " for the screenshots.");
        String decided = file(carol, body);
        sendDecision(noAction("model:" + decidedModel, List.of(UUID.fromString(decided)), false));
        await().atMost(WAIT)
                .until(() -> count(
                                db,
                                "SELECT count(*) FROM report WHERE status = 'DECIDED' AND CAST(id AS text) = ?",
                                decided)
                        == 1);
        String withdrawn = file(carol, reportOnModel(newModel()));
        as(carol, "user")
                .body(Map.of("reason", "Filed by mistake"))
                .post("/api/v1/reports/" + withdrawn + "/withdraw")
                .then()
                .statusCode(200);
        String open = file(carol, reportOnModel(newModel()));
        List<Object> identified = Arrays.asList(carol, carolMail, "user:" + carol, carol, false);

        // A day short of the period: the notifier may still complain about the decision (DSA Art. 20), all stay.
        travelAndRun(Duration.ofDays(182));
        assertThat(identity(decided)).isEqualTo(identified);
        assertThat(identity(withdrawn)).isEqualTo(identified);

        // Past it: the closed reports lose her, the open one (still under review) keeps her.
        Map<String, Integer> removed = travelAndRun(Duration.ofDays(2));
        assertThat(removed.get("closed-reports")).isGreaterThanOrEqualTo(2);
        List<Object> anonymised = Arrays.asList("expired:closed-reports", null, "expired:closed-reports", null, true);
        assertThat(identity(decided)).isEqualTo(anonymised);
        assertThat(identity(withdrawn)).isEqualTo(anonymised);
        assertThat(identity(open)).isEqualTo(identified);
        assertThat(rows(db, "SELECT explanation, status, outcome FROM report WHERE CAST(id AS text) = ?", decided))
                .containsExactly(
                        List.of("Spam; ask expired:closed-reports for the screenshots.", "DECIDED", "NO_ACTION"));
        as(carol, "user").get("/api/v1/reports/mine").then().statusCode(200).body("items.id", equalTo(List.of(open)));

        // A later run finds nothing more of hers (each report is anonymised once).
        travelAndRun(Duration.ofDays(1).plusMinutes(1));
        assertThat(identity(open)).isEqualTo(identified);
    }

    @Test
    void aNotifierStandingGoes365DaysAfterItsLastChangeUnlessASuspensionIsInForce() throws Exception {
        String dave = newUser("dave");
        String erin = newUser("erin");
        file(dave, reportOnModel(newModel()));
        file(erin, reportOnModel(newModel()));
        // Erin is suspended for longer than the period: her standing must outlive it.
        as("mod-1", "moderator")
                .body(Map.of(
                        "reason",
                        "Repeated unfounded reports",
                        "until",
                        Instant.now().plus(Duration.ofDays(400)).toString()))
                .post("/api/v1/notifiers/user:" + erin + "/suspend")
                .then()
                .statusCode(200);

        travelAndRun(Duration.ofDays(364));
        assertThat(standings(dave, erin)).containsExactlyInAnyOrder("user:" + dave, "user:" + erin);

        Map<String, Integer> removed = travelAndRun(Duration.ofDays(2));
        assertThat(removed.get("notifier-standing")).isGreaterThanOrEqualTo(1);
        assertThat(standings(dave, erin)).containsExactly("user:" + erin);
        // Dave files again and starts afresh.
        file(dave, reportOnModel(newModel()));
        as("mod-1", "moderator")
                .get("/api/v1/notifiers/user:" + dave)
                .then()
                .statusCode(200)
                .body("reportsFiled", equalTo(1));
    }

    private List<String> standings(String... users) {
        return rows(
                        db,
                        "SELECT notifier_key FROM notifier_standing WHERE notifier_key IN (?, ?)",
                        "user:" + users[0],
                        "user:" + users[1])
                .stream()
                .map(r -> (String) r.get(0))
                .toList();
    }

    @Test
    void theScheduleListsEveryKindWithItsPeriodForLegalButNotForAModerator() {
        List<Map<String, Object>> schedule = as("lena-" + UUID.randomUUID(), "legal")
                .get("/api/v1/privacy/retention")
                .then()
                .statusCode(200)
                .extract()
                .path("schedule");
        assertThat(schedule)
                .extracting(line -> line.get("kind"), line -> line.get("days"))
                .containsExactlyInAnyOrder(
                        tuple("closed-reports", 183), tuple("notifier-standing", 365), tuple("finished-timers", 90));
        assertThat(schedule)
                .allSatisfy(line -> assertThat((String) line.get("description")).isNotBlank());
        as("mod-1", "moderator").get("/api/v1/privacy/retention").then().statusCode(403);
        as("mod-1", "moderator").post("/api/v1/privacy/retention/runs").then().statusCode(403);
    }
}
