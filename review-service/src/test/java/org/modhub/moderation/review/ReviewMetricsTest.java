package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.devstack.test.ScrapedMetrics;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.kit.metrics.MetricSampler;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * The queue's and the transparency database's promises as the operator sees them on /q/metrics, crossing the
 * thresholds of their alerts (k8s chart alerts.yaml: StatementsOfReasonsDelayed above 4 h, StatementsOfReasonsInvalid
 * above 0, CasesOverdue above 0) on a moved clock.
 */
@QuarkusTest
@TestProfile(RetentionTest.MovingClock.class) // the clock moves, the timer worker stays off
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
@WithTestResource(FakeTransparencyDatabase.class)
class ReviewMetricsTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @Inject
    MetricSampler sampler;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aStatementTheDatabaseRefusesCountsAsInvalid() throws Exception {
        double before = sampled().value("review_statements_invalid");
        FakeTransparencyDatabase fake = FakeTransparencyDatabase.current();
        fake.rejectFactsContaining("METRICS-TEST-REFUSES");
        try {
            String caseId = claim(newCase(db, newModel()), "mia");
            Map<String, Object> body = spamDecision(List.of("UNRANK"));
            body.put("facts", "METRICS-TEST-REFUSES this one.");
            String decision = moderator("mia")
                    .body(body)
                    .post("/api/v1/cases/" + caseId + "/decisions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            await().atMost(WAIT).until(() -> "INVALID".equals(state(decision)));
        } finally {
            fake.rejectFactsContaining(null);
        }
        assertThat(sampled().value("review_statements_invalid"))
                .as("StatementsOfReasonsInvalid fires above 0")
                .isEqualTo(before + 1);
    }

    @Test
    void aStatementStillWaitingForTheDatabaseShowsHowLongItHasWaited() throws Exception {
        String caseId = claim(newCase(db, newModel()), "mia");
        String decision = moderator("mia")
                .body(spamDecision(List.of("UNRANK")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(WAIT).until(() -> "SUBMITTED".equals(state(decision)));
        double pending = sampled().value("review_statements_pending");

        // As if the database had kept answering 503: still pending, the next attempt after a long backoff.
        Sql.update(
                db,
                "UPDATE statement_submission SET state = 'PENDING', next_attempt_at = now() + interval '2 days', "
                        + "last_error = '503' WHERE decision_id = ?::uuid",
                decision);
        try {
            assertThat(sampled().value("review_statements_pending")).isEqualTo(pending + 1);
            clock.advance(Duration.ofHours(5));
            assertThat(sampled().value("review_statements_oldest_unsubmitted_seconds"))
                    .as("StatementsOfReasonsDelayed fires above 4 h")
                    .isGreaterThan(Duration.ofHours(4).toSeconds());
        } finally {
            Sql.update(db, "UPDATE statement_submission SET state = 'SUBMITTED' WHERE decision_id = ?::uuid", decision);
        }
        assertThat(sampled().value("review_statements_pending")).isEqualTo(pending);
    }

    private String state(String decision) {
        List<List<Object>> rows =
                Sql.rows(db, "SELECT state FROM statement_submission WHERE decision_id = ?::uuid", decision);
        return rows.isEmpty() ? null : rows.get(0).get(0).toString();
    }

    @Test
    void aCasePastItsDueTimeCountsAsOverdueByItsSeverity() throws Exception {
        SubjectRef model = newModel();
        String caseId = newCase(db, model);
        List<Object> row = Sql.rows(
                        db,
                        "SELECT severity, (extract(epoch FROM due_at) * 1000)::bigint FROM review_case WHERE id = ?::uuid",
                        caseId)
                .get(0);
        String severity = row.get(0).toString().toLowerCase(Locale.ROOT);
        Instant due = Instant.ofEpochMilli(((Number) row.get(1)).longValue());

        clock.travelPast(due.minus(Duration.ofMinutes(1)));
        double before = sampled().value("review_cases_overdue", "severity", severity);
        clock.travelPast(due.plus(Duration.ofMinutes(1)));
        assertThat(sampled().value("review_cases_overdue", "severity", severity))
                .as("CasesOverdue counts the case once its due time has passed")
                .isGreaterThanOrEqualTo(before + 1);
        assertThat(sampled().named("review_cases_overdue"))
                .as("every severity has its series")
                .extracting(s -> s.labels().get("severity"))
                .contains("critical", "high", "medium", "low");
    }

    private ScrapedMetrics sampled() throws Exception {
        OnVertx.await(() -> sampler.sampleNow());
        return ScrapedMetrics.scrape();
    }
}
