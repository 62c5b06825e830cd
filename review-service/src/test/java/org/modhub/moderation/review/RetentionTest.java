package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.kit.privacy.RetentionJob;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * The retention schedule in time: a closed case's reporter goes 183 days after the closing, the owner's address and
 * the request texts 1095 days after the decision; an hour before either, nothing; an open case's reporter never.
 */
@QuarkusTest
@TestProfile(RetentionTest.MovingClock.class)
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class RetentionTest {

    /**
     * The clock moves; timers are off (years of deadlines would fire on other tests' cases) and the scheduled run never
     * falls due, so only this test's {@code runNow} removes anything.
     */
    public static class MovingClock implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MutableClock.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kit.timers.enabled", "false", "kit.privacy.run-every", "36500d");
        }
    }

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @Inject
    RetentionJob job;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void reportersGoHalfAYearAfterTheClosingAndOwnersAddressesThreeYearsAfterTheDecision() throws Exception {
        run(); // whatever earlier tests left behind is not this test's to count

        // A closed case: reported, the owner asked and answering, then decided.
        String owner = newOwner();
        SubjectRef closedModel = modelOf(owner);
        ReportFiled closedReport = spam(closedModel);
        sendReport(closedReport);
        String closedCase = claim(awaitCase(db, closedModel, 1), "mia");
        Map<String, Object> ask = spamDecision(List.of("REQUEST_CHANGES"));
        ask.put("changesRequested", "Remove the casino advertisement.");
        moderator("mia")
                .body(ask)
                .post("/api/v1/cases/" + closedCase + "/decisions")
                .then()
                .statusCode(201);
        as(owner, "user")
                .body(Map.of("response", "DISPUTED", "text", "It is no advertisement, it is my hobby."))
                .post("/api/v1/cases/" + closedCase + "/owner-response")
                .then()
                .statusCode(200);
        claim(closedCase, "mia");
        moderator("mia")
                .body(spamDecision(List.of("UNRANK")))
                .post("/api/v1/cases/" + closedCase + "/decisions")
                .then()
                .statusCode(201);
        assertThat(state(db, closedCase)).isEqualTo("CLOSED");
        Instant closedAt = instant(Sql.rows(db, "SELECT closed_at FROM review_case WHERE id = ?::uuid", closedCase)
                .get(0)
                .get(0));

        // An open case, reported at the same time: its reporter stays however old the report gets.
        SubjectRef openModel = newModel();
        ReportFiled openReport = spam(openModel);
        sendReport(openReport);
        awaitCase(db, openModel, 1);

        // --- reporters: an hour before 183 days after the closing nothing goes; an hour after, the closed case's ---
        clock.advance(
                Duration.between(now(), closedAt.plus(Duration.ofDays(183)).minus(Duration.ofHours(1))));
        run();
        assertThat(reporter(closedReport)).containsExactly(closedReport.reporterId(), closedReport.reporterEmail());

        clock.advance(Duration.ofHours(2));
        Map<String, Integer> removed = run();
        assertThat(removed.get("case-reporters")).isGreaterThanOrEqualTo(1);
        assertThat(reporter(closedReport)).containsExactly("erased:retention", null);
        assertThat(reporter(openReport)).containsExactly(openReport.reporterId(), openReport.reporterEmail());
        // The report still counts and reads: only who filed it is gone.
        assertThat(Sql.rows(
                        db,
                        "SELECT case_id::text, explanation FROM case_report WHERE report_id = ?",
                        closedReport.reportId()))
                .containsExactly(List.of(closedCase, closedReport.explanation()));
        // The owner's contact is not due yet.
        assertThat(ownerAddresses(closedCase)).containsOnly(hubEmail(owner));
        assertThat(request(closedCase))
                .containsExactly(
                        owner,
                        hubEmail(owner),
                        "Remove the casino advertisement.",
                        "It is no advertisement, it is my hobby.");

        // --- the owner's contact: an hour before 1095 days after the decision nothing goes; an hour after, all ---
        Instant decidedLast = instant(Sql.rows(
                        db,
                        "SELECT max(coalesce(decided_at, created_at)) FROM decision WHERE case_id = ?::uuid",
                        closedCase)
                .get(0)
                .get(0));
        clock.advance(Duration.between(
                clock.instant(), decidedLast.plus(Duration.ofDays(1095)).minus(Duration.ofHours(1))));
        removed = run();
        assertThat(ownerAddresses(closedCase)).containsOnly(hubEmail(owner));

        clock.advance(Duration.ofHours(2));
        removed = run();
        assertThat(removed.get("owner-contact")).isGreaterThanOrEqualTo(3); // two decisions and the request
        assertThat(ownerAddresses(closedCase)).hasSize(2).containsOnly((String) null);
        assertThat(request(closedCase)).containsExactly(owner, null, "[erased]", "[erased]");
        // The ledger keeps whose content it was.
        assertThat(Sql.rows(db, "SELECT DISTINCT owner_id FROM decision WHERE case_id = ?::uuid", closedCase))
                .containsExactly(List.of(owner));
        assertThat(reporter(openReport)).containsExactly(openReport.reporterId(), openReport.reporterEmail());
        // A run again changes nothing of these: anonymised rows are not taken twice.
        Map<String, Integer> again = run();
        assertThat(again).containsEntry("case-reporters", 0).containsEntry("owner-contact", 0);

        // --- the schedule, for legal (not for moderators) ---
        JsonNode view = as("lena", "legal")
                .get("/api/v1/privacy/retention")
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class);
        Map<String, Long> periods = new HashMap<>();
        view.get("schedule")
                .forEach(line ->
                        periods.put(line.get("kind").asText(), line.get("days").asLong()));
        assertThat(periods)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("case-reporters", 183L, "owner-contact", 1095L, "finished-timers", 90L));
        assertThat(view.at("/lastRun/removed/owner-contact").asInt()).isZero(); // the last run, just above
        view.get("schedule")
                .forEach(line -> assertThat(line.get("description").asText()).isNotBlank());
        moderator("mia").get("/api/v1/privacy/retention").then().statusCode(403);
    }

    /** Runs every rule now, on a Vert.x context as the scheduler would. */
    private Map<String, Integer> run() throws Exception {
        return OnVertx.await(job::runNow);
    }

    private List<Object> reporter(ReportFiled report) {
        return Sql.rows(
                        db,
                        "SELECT reporter_id, reporter_email FROM case_report WHERE report_id = ?",
                        report.reportId())
                .get(0);
    }

    private List<String> ownerAddresses(String caseId) {
        return Sql.rows(db, "SELECT owner_email FROM decision WHERE case_id = ?::uuid", caseId).stream()
                .map(r -> (String) r.get(0))
                .toList();
    }

    private List<Object> request(String caseId) {
        List<Object> row = Sql.rows(
                        db,
                        "SELECT owner_id, owner_email, message, response_text FROM owner_request WHERE case_id = ?::uuid",
                        caseId)
                .get(0);
        return Arrays.asList(row.toArray());
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }
}
