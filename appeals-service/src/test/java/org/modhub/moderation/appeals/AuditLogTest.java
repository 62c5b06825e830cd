package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.appeals.AppealsFixtures.as;
import static org.modhub.moderation.appeals.AppealsFixtures.auditOf;
import static org.modhub.moderation.appeals.AppealsFixtures.known;
import static org.modhub.moderation.appeals.AppealsFixtures.newUser;
import static org.modhub.moderation.appeals.AppealsFixtures.resolution;
import static org.modhub.moderation.appeals.AppealsFixtures.restriction;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * The audit log (kit {@code AuditTrail}, {@code GET /api/v1/audit-log}): every change staff make to an appeal or a
 * dispute is there with the staff member as actor, in the transaction of the change; auditors read it, others cannot.
 * The appellant ladder's steps are checked in {@link EscalationAndMisuseTest}.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class AuditLogTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anAuditorReadsWhoResolvedAnAppealAndAUserCannot() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        String appeal = AppealsFixtures.file(owner, decision.decisionId());
        // A refused resolution changes nothing and leaves no line.
        as("legal-7", "legal")
                .body(resolution("MODIFIED", List.of(), "x"))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(400);
        assertThat(auditOf(appeal)).isEmpty();

        as("legal-7", "legal")
                .body(resolution("REVERSED", List.of(), "The card is a sponsorship notice."))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(200);

        assertThat(auditOf(appeal)).singleElement().satisfies(entry -> {
            assertThat(entry)
                    .containsEntry("actor", "legal-7")
                    .containsEntry("action", "APPEAL_RESOLVED")
                    .containsEntry("entityType", "appeal")
                    .containsEntry("subjectKey", decision.subject().key());
            assertThat((String) entry.get("detail")).startsWith("REVERSED");
        });
        as(owner, "user")
                .queryParam("entityId", appeal)
                .get("/api/v1/audit-log")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("legal-7", "legal").get("/api/v1/audit-log").then().statusCode(403);
        // The log is append-only, enforced by the database.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Sql.update(db, "DELETE FROM kit_audit_log WHERE entity_id = ?", appeal))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void everyDisputeChangeIsAuditedWithTheStaffMemberWhoMadeIt() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DecisionTaken decision = known(db, restriction(newUser("owner"), List.of()));
        String id = as("legal-3", "legal")
                .body(Map.of(
                        "decisionId",
                        decision.decisionId().toString(),
                        "body",
                        "User Rights",
                        "submittedOn",
                        today.minusDays(30).toString()))
                .post("/api/v1/disputes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("senior-4", "senior-moderator")
                .body(Map.of(
                        "outcome",
                        "IN_FAVOUR_OF_RECIPIENT",
                        "settledOn",
                        today.minusDays(3).toString(),
                        "implemented",
                        false))
                .post("/api/v1/disputes/" + id + "/outcome")
                .then()
                .statusCode(200);
        Map<String, Object> implemented = Map.of(
                "outcome",
                "IN_FAVOUR_OF_RECIPIENT",
                "settledOn",
                today.minusDays(3).toString(),
                "implemented",
                true,
                "implementedOn",
                today.toString());
        as("legal-3", "legal")
                .body(implemented)
                .post("/api/v1/disputes/" + id + "/outcome")
                .then()
                .statusCode(200);
        // Recorded again: no change, no line.
        as("legal-3", "legal")
                .body(implemented)
                .post("/api/v1/disputes/" + id + "/outcome")
                .then()
                .statusCode(200);

        List<Map<String, Object>> lines = auditOf(id);
        assertThat(lines)
                .extracting(l -> l.get("action") + " by " + l.get("actor"))
                .containsExactly(
                        "DISPUTE_RECORDED by legal-3",
                        "DISPUTE_SETTLED by senior-4",
                        "DISPUTE_SETTLED by legal-3",
                        "DISPUTE_IMPLEMENTED by legal-3");
        assertThat(lines)
                .allSatisfy(l -> assertThat(l)
                        .containsEntry("entityType", "dispute")
                        .containsEntry("subjectKey", decision.subject().key()));
        as("auditor-1", "auditor")
                .queryParam("actor", "senior-4")
                .queryParam("entityId", id)
                .get("/api/v1/audit-log")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }
}
