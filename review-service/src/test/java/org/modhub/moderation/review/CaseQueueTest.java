package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.review.CaseEscalated;
import org.modhub.moderation.contracts.event.review.CaseOpened;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.review.domain.CaseService;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Reports become cases; the queue orders, filters and pages them; overdue cases are escalated by a timer. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class CaseQueueTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void reportsOfOneSubjectJoinOneCaseAndARedeliveredReportCountsOnce() {
        SubjectRef model = newModel();
        var first = spam(model);
        sendReport(first);
        String caseId = awaitCase(db, model, 1);
        try (KafkaProbe probe = KafkaProbe.from(Topics.REVIEW_EVENTS)) {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(probe.ofType(CaseOpened.TYPE))
                            .anySatisfy(e -> assertThat(e)
                                    .contains(caseId)
                                    .contains(first.reportId().toString())));
        }
        sendReport(first); // redelivered as a new CloudEvent with the same report: still one report
        sendReport(spam(model));
        sendReport(report(model, PolicyCategory.PLATFORM_ABUSE, PolicySubcategory.SPAM, true, newUser("flagger")));
        assertThat(awaitCase(db, model, 3)).isEqualTo(caseId);
        assertThat(Sql.count(db, "SELECT count(*) FROM case_report WHERE case_id = ?::uuid", caseId))
                .isEqualTo(3);

        moderator("mod")
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("summary.reportCount", equalTo(3))
                .body("summary.trustedReports", equalTo(1))
                .body("summary.severity", equalTo("LOW"))
                .body("reports.size()", equalTo(3))
                .body("reports[0].reporterId", org.hamcrest.Matchers.startsWith("reporter-"))
                .body("history[0].action", equalTo("case.opened"));
    }

    @Test
    void aWithdrawnReportStopsCountingTowardsItsCase() {
        SubjectRef model = newModel();
        var first = spam(model);
        sendReport(first);
        sendReport(spam(model));
        String caseId = awaitCase(db, model, 2);
        send(
                Topics.REPORTING_EVENTS,
                org.modhub.moderation.contracts.event.EventSources.REPORTING_SERVICE,
                new org.modhub.moderation.contracts.event.reporting.ReportWithdrawn(
                        first.reportId(), model, first.reporterId(), "Filed by mistake", now()));
        assertThat(awaitCase(db, model, 1)).isEqualTo(caseId);
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM case_report WHERE report_id = ? AND withdrawn_at IS NOT NULL",
                        first.reportId()))
                .isEqualTo(1);
    }

    @Test
    void anActionThatDoesNotFitTheSubjectKindIsRefusedNamingTheActions() {
        SubjectRef account = SubjectRef.account(newUser("acct"));
        String caseId = claim(newCase(db, account), "mia");
        moderator("mia")
                .body(spamDecision(java.util.List.of("UNRANK")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("actions"));
    }

    @Test
    void aMoreSevereReportRaisesTheCaseAndBringsItsDueTimeForward() {
        SubjectRef model = newModel();
        String caseId = newCase(db, model);
        Object dueBefore = Sql.rows(db, "SELECT due_at FROM review_case WHERE id = ?::uuid", caseId)
                .get(0)
                .get(0);
        sendReport(report(
                model,
                PolicyCategory.HARMFUL_OR_ABUSIVE,
                PolicySubcategory.TERRORIST_CONTENT,
                false,
                newUser("reporter")));
        awaitCase(db, model, 2);
        var row = Sql.rows(db, "SELECT severity, category, due_at FROM review_case WHERE id = ?::uuid", caseId)
                .get(0);
        assertThat(row.get(0)).isEqualTo("CRITICAL");
        assertThat(row.get(1)).isEqualTo("HARMFUL_OR_ABUSIVE");
        assertThat(((java.sql.Timestamp) row.get(2))).isBefore((java.sql.Timestamp) dueBefore);
        assertThat(outbox(db, Topics.REVIEW_EVENTS, CaseEscalated.TYPE, caseId))
                .anySatisfy(e -> assertThat(e).contains("SEVERITY_RAISED"));
    }

    @Test
    void theQueueIsOrderedByPriorityThenDueTimeFilteredAndPagedByCursor() {
        String tag = newUser("q");
        // Three categories of different severity; the test looks only at its own subjects.
        SubjectRef low = SubjectRef.model(tag, "low");
        SubjectRef high = SubjectRef.model(tag, "high");
        SubjectRef critical = SubjectRef.model(tag, "critical");
        sendReport(spam(low));
        sendReport(report(high, PolicyCategory.PLATFORM_ABUSE, PolicySubcategory.MALWARE, false, newUser("r")));
        sendReport(report(
                critical,
                PolicyCategory.HARMFUL_OR_ABUSIVE,
                PolicySubcategory.CHILD_SEXUAL_ABUSE_MATERIAL,
                false,
                newUser("r")));
        awaitCase(db, low, 1);
        awaitCase(db, high, 1);
        String criticalCase = awaitCase(db, critical, 1);

        // Walk the whole queue one item per page; our three subjects appear most severe first.
        List<String> order = new ArrayList<>();
        List<Integer> priorities = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = moderator("mod").queryParam("limit", 50);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/cases");
            page.then().statusCode(200);
            List<String> subjects = page.jsonPath().getList("items.subject");
            priorities.addAll(page.jsonPath().getList("items.priority"));
            subjects.stream().filter(s -> s.contains(tag + "/")).forEach(order::add);
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(order).containsExactly(critical.key(), high.key(), low.key());
        assertThat(priorities).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        moderator("mod")
                .queryParam("priority", "CRITICAL")
                .queryParam("category", "harmful_or_abusive")
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(criticalCase))
                .body("items.severity", org.hamcrest.Matchers.everyItem(equalTo("CRITICAL")));
        moderator("mod")
                .queryParam("state", "OPEN")
                .queryParam("overdue", "false")
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.state", org.hamcrest.Matchers.everyItem(equalTo("OPEN")));
        moderator("mod")
                .queryParam("priority", "URGENT")
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.priority"));
        moderator("mod")
                .queryParam("cursor", "garbage")
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.cursor"));
    }

    @Test
    void aCaseWhoseDueTimePassesIsEscalatedOnceByTheTimer() {
        SubjectRef model = newModel();
        String caseId = newCase(db, model);
        int before = ((Number) Sql.rows(db, "SELECT priority FROM review_case WHERE id = ?::uuid", caseId)
                        .get(0)
                        .get(0))
                .intValue();
        Sql.update(db, "UPDATE review_case SET due_at = now() - interval '1 minute' WHERE id = ?::uuid", caseId);
        makeDue(db, CaseService.SLA_TIMER, caseId);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Sql.rows(
                                        db,
                                        "SELECT escalated, escalation_reason, priority FROM review_case WHERE id = ?::uuid",
                                        caseId)
                                .get(0))
                        .satisfies(r -> {
                            assertThat(r.get(0)).isEqualTo(true);
                            assertThat(r.get(1)).isEqualTo("SLA_BREACHED");
                            assertThat(((Number) r.get(2)).intValue()).isGreaterThan(before);
                        }));
        assertThat(outbox(db, Topics.REVIEW_EVENTS, CaseEscalated.TYPE, caseId)).hasSize(1);
        moderator("mod")
                .queryParam("overdue", "true")
                .queryParam("limit", 100)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.overdue", org.hamcrest.Matchers.everyItem(equalTo(true)));
    }
}
