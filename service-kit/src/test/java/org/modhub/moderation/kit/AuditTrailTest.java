package org.modhub.moderation.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.modhub.moderation.devstack.test.TestTokens.token;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.kit.audit.AuditEntry;
import org.modhub.moderation.kit.audit.AuditTrail;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Every service's audit log: appended in the caller's transaction, read by auditors, rewritten by nobody. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditTrail trail;

    @Inject
    DataSource db;

    @Test
    void anAuditorReadsWhatWasRecordedOldestFirstAndOthersCannot() throws Exception {
        String entity = "notice-" + UUID.randomUUID();
        OnVertx.await(() -> Panache.withTransaction(() -> trail.record(
                        "legal-1", "NOTICE_ACCEPTED", "notice", entity, "model:acme/llama", "complete and not abusive")
                .chain(() ->
                        trail.record("legal-2", "COURT_ACTION_CONFIRMED", "notice", entity, null, "x".repeat(5_000)))));

        given().auth()
                .oauth2(token("audrey", "auditor"))
                .get("/api/v1/audit-log?entityId=" + entity)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].actor", equalTo("legal-1"))
                .body("items[0].action", equalTo("NOTICE_ACCEPTED"))
                .body("items[0].subjectKey", equalTo("model:acme/llama"))
                .body("items[1].action", equalTo("COURT_ACTION_CONFIRMED"))
                .body("items[0].scopeId", nullValue())
                .body("items[1].detail.length()", equalTo(2_000));
        given().auth()
                .oauth2(token("mo", "moderator"))
                .get("/api/v1/audit-log")
                .then()
                .statusCode(403);
        given().get("/api/v1/audit-log").then().statusCode(401);
        given().auth()
                .oauth2(token("audrey", "auditor"))
                .get("/api/v1/audit-log?cursor=abc")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.cursor"));
    }

    @Test
    void theEntriesOfOneScopeReadAsItsHistoryOldestFirst() throws Exception {
        UUID caseId = UUID.randomUUID();
        String decision = "decision-" + UUID.randomUUID();
        OnVertx.await(() -> Panache.withTransaction(() -> trail.record(
                        "mia", "case.opened", "case", caseId, caseId, "model:acme/llama", null)
                .chain(() -> trail.record(
                        "mia", "decision.submitted", "decision", decision, caseId, "model:acme/llama", "remove"))
                .chain(() -> trail.record(
                        "mia",
                        "decision.submitted",
                        "decision",
                        "elsewhere-" + UUID.randomUUID(),
                        UUID.randomUUID(),
                        null,
                        null))));

        var history = OnVertx.await(() -> trail.history(caseId));
        assertThat(history)
                .extracting(e -> e.action() + " " + e.entityId() + " " + e.scopeId())
                .containsExactly(
                        "case.opened " + caseId + " " + caseId, "decision.submitted " + decision + " " + caseId);
        assertThat(OnVertx.await(() -> trail.read(caseId.toString(), null, decision, 0, 10)))
                .extracting(AuditEntry::action)
                .containsExactly("decision.submitted");

        given().auth()
                .oauth2(token("audrey", "auditor"))
                .get("/api/v1/audit-log?scopeId=" + caseId + "&limit=1")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("case.opened"))
                .body("items[0].scopeId", equalTo(caseId.toString()))
                .body("nextCursor", equalTo(String.valueOf(history.get(0).id())));
    }

    @Test
    void anEntryCannotBeChangedOrDeletedEvenWithSql() throws Exception {
        String entity = "appeal-" + UUID.randomUUID();
        OnVertx.await(() -> Panache.withTransaction(
                () -> trail.record("legal-1", "DISPUTE_RECORDED", "dispute", entity, null, "filed")));
        assertThatThrownBy(
                        () -> Sql.update(db, "UPDATE kit_audit_log SET actor = 'nobody' WHERE entity_id = ?", entity))
                .cause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> Sql.update(db, "DELETE FROM kit_audit_log WHERE entity_id = ?", entity))
                .cause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () -> Sql.update(db, "UPDATE kit_audit_log SET scope_id = 'other' WHERE entity_id = ?", entity))
                .cause()
                .hasMessageContaining("append-only");
        assertThat(Sql.count(
                        db, "SELECT count(*) FROM kit_audit_log WHERE entity_id = ? AND actor = 'legal-1'", entity))
                .isEqualTo(1);
    }

    @Test
    void anAppendOutsideATransactionIsRefused() {
        assertThatThrownBy(() ->
                        OnVertx.await(() -> Panache.withSession(() -> trail.record("x", "Y", "z", "1", null, null))))
                .hasMessageContaining("transaction");
    }
}
