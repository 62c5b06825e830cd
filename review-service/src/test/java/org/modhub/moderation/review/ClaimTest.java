package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** Claim, release, reassign, escalate; never two holders, even when moderators claim in the same instant. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class ClaimTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void ofModeratorsClaimingAtTheSameInstantExactlyOneHoldsTheCase() throws Exception {
        String caseId = newCase(db, newModel());
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < contenders; i++) {
                String who = "racer-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return moderator(who)
                            .post("/api/v1/cases/" + caseId + "/claim")
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(contenders - 1);
        } finally {
            pool.shutdown();
        }
        var row = Sql.rows(db, "SELECT state, assignee FROM review_case WHERE id = ?::uuid", caseId)
                .get(0);
        assertThat(row.get(0)).isEqualTo("CLAIMED");
        assertThat((String) row.get(1)).startsWith("racer-");
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_audit_log WHERE scope_id = ? AND action = 'case.claimed'",
                        caseId))
                .isEqualTo(1);
    }

    @Test
    void releaseReassignAndEscalateMoveTheCaseAndLeaveHistory() {
        String caseId = newCase(db, newModel());
        claim(caseId, "alice");
        moderator("bob").post("/api/v1/cases/" + caseId + "/release").then().statusCode(403);
        moderator("bob")
                .post("/api/v1/cases/" + caseId + "/claim")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        moderator("alice")
                .post("/api/v1/cases/" + caseId + "/release")
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("assignee", nullValue());
        senior("sam")
                .body(java.util.Map.of("assignee", "carol"))
                .post("/api/v1/cases/" + caseId + "/reassign")
                .then()
                .statusCode(200)
                .body("state", equalTo("CLAIMED"))
                .body("assignee", equalTo("carol"));
        senior("sam")
                .body(java.util.Map.of())
                .post("/api/v1/cases/" + caseId + "/reassign")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("assignee"));
        moderator("carol")
                .body(java.util.Map.of("reason", "Spreads to many repositories"))
                .post("/api/v1/cases/" + caseId + "/escalate")
                .then()
                .statusCode(200)
                .body("escalated", equalTo(true))
                .body("escalationReason", equalTo("MANUAL"));
        moderator("carol")
                .body(java.util.Map.of("body", "Checked the files; internal only", "shareable", false))
                .post("/api/v1/cases/" + caseId + "/notes")
                .then()
                .statusCode(201);
        moderator("carol")
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body(
                        "history.action",
                        org.hamcrest.Matchers.hasItems(
                                "case.opened",
                                "case.claimed",
                                "case.released",
                                "case.reassigned",
                                "case.escalated",
                                "case.note-added"))
                .body("notes[0].shareable", equalTo(false))
                .body("history.actor", org.hamcrest.Matchers.hasItems("alice", "sam", "carol"));
        moderator("carol")
                .post("/api/v1/cases/" + java.util.UUID.randomUUID() + "/claim")
                .then()
                .statusCode(404);
    }
}
