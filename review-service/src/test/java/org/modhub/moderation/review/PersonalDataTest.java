package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * A data subject's requests (GDPR Arts. 15 and 17) as review-service answers them on privacy.answers: the person
 * reported one model, owns two others (one case closed after they were heard, one still waiting for them), and a
 * staff note quotes them; another person's data sits beside theirs.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class PersonalDataTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final String LEDGER = "DSA Art. 17 statement of reasons and enforcement ledger";
    private static final String TOLD = "DSA Art. 17(1): the owner is told of the decision";

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void accessFindsEverythingAndErasureAnonymisesWhatNoHoldKeepsWhileStatementsAndFiguresStillRead() throws Exception {
        Instant start = now().minusSeconds(1);
        String person = newOwner();
        String ownerMail = hubEmail(person);
        String reporterMail = person + "@example.org";
        String other = newOwner();

        // Case A, on the person's model, reported by the other person: the person is asked for changes, answers,
        // and the case is decided and closed.
        SubjectRef modelA = modelOf(person);
        ReportFiled byOther = report(modelA, PolicyCategory.PLATFORM_ABUSE, PolicySubcategory.SPAM, false, other);
        sendReport(byOther);
        String caseA = claim(awaitCase(db, modelA, 1), "mia");
        requestChanges(caseA);
        as(person, "user")
                .body(Map.of("response", "CHANGED", "text", "Done. Write to me at " + ownerMail + " if not."))
                .post("/api/v1/cases/" + caseA + "/owner-response")
                .then()
                .statusCode(200);
        moderator("mia")
                .body(Map.of("body", "The owner answered from " + ownerMail + " within a day.", "shareable", false))
                .post("/api/v1/cases/" + caseA + "/notes")
                .then()
                .statusCode(201);
        String decisionA = decide(claim(caseA, "mia"));

        // Case B, on the person's second model: still waiting for them.
        SubjectRef modelB = modelOf(person);
        String caseB = claim(newCase(db, modelB), "mia");
        requestChanges(caseB);

        // Case C, on the other person's model, reported by the person and decided.
        SubjectRef modelC = modelOf(other);
        ReportFiled byPerson = report(modelC, PolicyCategory.PLATFORM_ABUSE, PolicySubcategory.SPAM, false, person);
        sendReport(byPerson);
        String decisionC = decide(claim(awaitCase(db, modelC, 1), "mia"));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode reportBefore = transparencyReport(today);
        Map<String, JsonNode> statementsBefore = statementsExported(start);
        assertThat(statementsBefore).containsKeys("modhub-sor-" + decisionA, "modhub-sor-" + decisionC);
        int auditEntriesOfA = auditEntries(caseA);

        // --- access ---
        List<PersonalDataItem> found = answer(PrivacyRequestKind.ACCESS, person, ownerMail, reporterMail);
        assertThat(found).allMatch(i -> i.treatment() == ItemTreatment.FOUND);
        assertThat(found).allSatisfy(i -> {
            assertThat(i.what()).isNotBlank();
            assertThat(i.why()).isNotBlank();
            assertThat(i.fields()).isNotEmpty();
        });
        PersonalDataItem report = item(found, "case-report", byPerson.reportId().toString());
        assertThat(report.fields())
                .containsEntry("reporterId", person)
                .containsEntry("reporterEmail", reporterMail)
                .containsEntry("explanation", byPerson.explanation());
        List<String> decisionsOfA = ids(db, "SELECT id FROM decision WHERE case_id = ?::uuid", caseA);
        List<String> decisionsOfB = ids(db, "SELECT id FROM decision WHERE case_id = ?::uuid", caseB);
        assertThat(decisionsOfA).hasSize(2); // asked for changes, then decided
        for (String d : decisionsOfA) {
            assertThat(item(found, "decision", d).fields())
                    .containsEntry("ownerId", person)
                    .containsEntry("ownerEmail", ownerMail)
                    .containsEntry("caseState", "CLOSED")
                    .doesNotContainKey("decidedBy");
        }
        assertThat(item(found, "decision", decisionsOfB.get(0)).fields()).containsEntry("caseState", "AWAITING_OWNER");
        String requestA = ids(db, "SELECT id FROM owner_request WHERE case_id = ?::uuid", caseA)
                .get(0);
        String requestB = ids(db, "SELECT id FROM owner_request WHERE case_id = ?::uuid", caseB)
                .get(0);
        assertThat(item(found, "owner-request", requestA).fields())
                .containsEntry("ownerEmail", ownerMail)
                .containsEntry("message", "Remove the casino advertisement from the model card.")
                .containsEntry("responseText", "Done. Write to me at " + ownerMail + " if not.");
        assertThat(item(found, "owner-request", requestB).fields()).containsEntry("ownerId", person);
        String restrictionA = ids(db, "SELECT id FROM restriction WHERE decision_id = ?::uuid", decisionA)
                .get(0);
        assertThat(item(found, "restriction", restrictionA).fields()).containsEntry("action", "UNRANK");
        String noteA = ids(db, "SELECT id FROM case_note WHERE case_id = ?::uuid", caseA)
                .get(0);
        assertThat(item(found, "case-note", noteA).fields().get("body")).contains(ownerMail);
        // Nothing of the other person: not their report on A, not their decision on C.
        assertThat(found).noneMatch(i -> i.id().equals(byOther.reportId().toString()));
        assertThat(found).noneMatch(i -> i.id().equals(decisionC));
        // (The model the person reported is the other's, by name; nothing else of theirs.)
        assertThat(found.toString()).doesNotContain(other + "@");
        assertThat(found).allSatisfy(i -> assertThat(i.fields()).doesNotContainValue(other));

        // --- erasure ---
        UUID erasure = UUID.randomUUID();
        String ref = "erased:" + erasure;
        List<PersonalDataItem> erased = answer(erasure, PrivacyRequestKind.ERASURE, person, ownerMail, reporterMail);
        assertThat(erased).allSatisfy(i -> assertThat(i.fields()).isEmpty());
        assertThat(item(erased, "case-report", byPerson.reportId().toString()).treatment())
                .isEqualTo(ItemTreatment.ANONYMISED);
        for (String d : decisionsOfA) {
            assertThat(item(erased, "decision", d).treatment()).isEqualTo(ItemTreatment.HELD);
            assertThat(item(erased, "decision", d).hold()).isEqualTo(LEDGER);
            assertThat(item(erased, "decision-owner-address", d).treatment()).isEqualTo(ItemTreatment.ANONYMISED);
        }
        assertThat(item(erased, "decision", decisionsOfB.get(0)).hold()).isEqualTo(TOLD);
        assertThat(erased)
                .noneMatch(i -> i.kind().equals("decision-owner-address") && i.id().equals(decisionsOfB.get(0)));
        assertThat(item(erased, "owner-request", requestA).treatment()).isEqualTo(ItemTreatment.ANONYMISED);
        assertThat(item(erased, "owner-request", requestB).treatment()).isEqualTo(ItemTreatment.HELD);
        assertThat(item(erased, "owner-request", requestB).hold()).isEqualTo(TOLD);
        assertThat(item(erased, "restriction", restrictionA).hold()).isEqualTo(LEDGER);
        assertThat(item(erased, "case-note", noteA).treatment()).isEqualTo(ItemTreatment.ANONYMISED);

        // The database: the person's report is anonymous, their contact on closed cases gone, the holds as they were.
        assertThat(Sql.rows(
                        db,
                        "SELECT reporter_id, reporter_email FROM case_report WHERE report_id = ?",
                        byPerson.reportId()))
                .containsExactly(java.util.Arrays.asList(ref, null));
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM case_report WHERE reporter_id = ? OR lower(reporter_email) IN (?, ?)",
                        person,
                        ownerMail,
                        reporterMail))
                .isZero();
        assertThat(Sql.rows(db, "SELECT owner_id, owner_email FROM decision WHERE case_id = ?::uuid", caseA))
                .hasSize(2)
                .allMatch(r -> person.equals(r.get(0)) && r.get(1) == null);
        assertThat(Sql.rows(db, "SELECT owner_id, owner_email FROM decision WHERE case_id = ?::uuid", caseB))
                .containsExactly(List.of(person, ownerMail));
        assertThat(Sql.rows(
                        db,
                        "SELECT owner_id, owner_email, message, response_text FROM owner_request WHERE id = ?::uuid",
                        requestA))
                .containsExactly(java.util.Arrays.asList(ref, null, "[erased]", "[erased]"));
        assertThat(Sql.rows(db, "SELECT owner_id, owner_email FROM owner_request WHERE id = ?::uuid", requestB))
                .containsExactly(List.of(person, ownerMail));
        assertThat((String) Sql.rows(db, "SELECT body FROM case_note WHERE id = ?::uuid", noteA)
                        .get(0)
                        .get(0))
                .isEqualTo("The owner answered from " + ref + " within a day.");
        // Outside the holds (the ledger's decisions and restrictions, case B's open request) no identifier remains.
        for (String mail : List.of(ownerMail, reporterMail)) {
            assertThat(Sql.count(
                            db,
                            "SELECT count(*) FROM case_report WHERE explanation ILIKE ? OR reporter_email ILIKE ?",
                            "%" + mail + "%",
                            mail))
                    .isZero();
            assertThat(Sql.count(db, "SELECT count(*) FROM case_note WHERE body ILIKE ?", "%" + mail + "%"))
                    .isZero();
            assertThat(Sql.count(
                            db,
                            "SELECT count(*) FROM owner_request WHERE (owner_email ILIKE ? OR response_text ILIKE ?) "
                                    + "AND case_id <> ?::uuid",
                            mail,
                            "%" + mail + "%",
                            caseB))
                    .isZero();
            assertThat(Sql.count(
                            db,
                            "SELECT count(*) FROM decision WHERE owner_email ILIKE ? AND case_id <> ?::uuid",
                            mail,
                            caseB))
                    .isZero();
            assertThat(Sql.count(
                            db,
                            "SELECT count(*) FROM kit_audit_log WHERE actor ILIKE ? OR entity_id ILIKE ? OR detail ILIKE ?",
                            mail,
                            mail,
                            "%" + mail + "%"))
                    .isZero();
        }
        assertThat(Sql.count(db, "SELECT count(*) FROM owner_request WHERE owner_id = ?", person))
                .isEqualTo(1); // case B's, held

        // The other person's data is untouched.
        assertThat(Sql.rows(
                        db,
                        "SELECT reporter_id, reporter_email FROM case_report WHERE report_id = ?",
                        byOther.reportId()))
                .containsExactly(List.of(other, other + "@example.org"));
        assertThat(Sql.rows(db, "SELECT owner_id, owner_email FROM decision WHERE id = ?::uuid", decisionC))
                .containsExactly(List.of(other, hubEmail(other)));

        // Statements, figures and the audit log still read, and add up as before.
        Map<String, JsonNode> statementsAfter = statementsExported(start);
        assertThat(statementsAfter.get("modhub-sor-" + decisionA))
                .isEqualTo(statementsBefore.get("modhub-sor-" + decisionA));
        assertThat(statementsAfter.get("modhub-sor-" + decisionC))
                .isEqualTo(statementsBefore.get("modhub-sor-" + decisionC));
        as("ada", "auditor")
                .get("/api/v1/decisions/" + decisionA)
                .then()
                .statusCode(200)
                .body("ownerId", equalTo(person));
        JsonNode reportAfter = transparencyReport(today);
        assertThat(reportAfter.get("notices")).isEqualTo(reportBefore.get("notices"));
        assertThat(reportAfter.get("decisions")).isEqualTo(reportBefore.get("decisions"));
        assertThat(auditEntries(caseA)).isEqualTo(auditEntriesOfA);

        // --- a second erasure finds only the holds ---
        List<PersonalDataItem> again = answer(PrivacyRequestKind.ERASURE, person, ownerMail, reporterMail);
        assertThat(again).isNotEmpty().allMatch(i -> i.treatment() == ItemTreatment.HELD);
        assertThat(keys(again))
                .containsExactlyInAnyOrderElementsOf(keys(erased.stream()
                        .filter(i -> i.treatment() == ItemTreatment.HELD)
                        .toList()));
    }

    // --- helpers ---

    private static void requestChanges(String caseId) {
        Map<String, Object> body = spamDecision(List.of("REQUEST_CHANGES"));
        body.put("changesRequested", "Remove the casino advertisement from the model card.");
        moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201);
    }

    private static String decide(String caseId) {
        return moderator("mia")
                .body(spamDecision(List.of("UNRANK")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .body("status", equalTo("ENFORCED"))
                .extract()
                .path("id");
    }

    private List<PersonalDataItem> answer(PrivacyRequestKind kind, String account, String... emails) {
        return answer(UUID.randomUUID(), kind, account, emails);
    }

    /** Publishes the request on privacy.requests and reads review-service's whole answer from privacy.answers. */
    private List<PersonalDataItem> answer(UUID requestId, PrivacyRequestKind kind, String account, String... emails) {
        try (KafkaProbe probe = KafkaProbe.from(Topics.PRIVACY_ANSWERS)) {
            send(
                    Topics.PRIVACY_REQUESTS,
                    EventSources.APPEALS_SERVICE,
                    new PrivacyRequested(requestId, kind, account, List.of(emails), "lena", now()));
            List<PrivacyAnswered> parts = new ArrayList<>();
            await().atMost(WAIT).untilAsserted(() -> {
                parts.clear();
                probe.ofType(PrivacyAnswered.TYPE).stream()
                        .map(v -> CODEC.data(CODEC.decode(v), PrivacyAnswered.class))
                        .filter(a ->
                                a.requestId().equals(requestId) && a.service().equals("review-service"))
                        .forEach(parts::add);
                assertThat(parts).isNotEmpty();
                assertThat(parts).hasSize(parts.get(0).parts());
            });
            assertThat(parts).allMatch(p -> p.kind() == kind);
            return parts.stream().flatMap(p -> p.items().stream()).toList();
        }
    }

    private static PersonalDataItem item(List<PersonalDataItem> items, String kind, String id) {
        return items.stream()
                .filter(i -> i.kind().equals(kind) && i.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + id + " in " + items));
    }

    private static List<String> keys(List<PersonalDataItem> items) {
        return items.stream().map(i -> i.kind() + "/" + i.id() + "/" + i.hold()).collect(Collectors.toList());
    }

    private static List<String> ids(DataSource db, String sql, Object... params) {
        return Sql.rows(db, sql, params).stream().map(r -> r.get(0).toString()).toList();
    }

    private static JsonNode transparencyReport(String day) throws Exception {
        String body = as("ada", "auditor")
                .accept("application/json")
                .queryParam("from", day)
                .queryParam("to", day)
                .get("/api/v1/transparency/report")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return EventCodec.newObjectMapper().readTree(body);
    }

    private static int auditEntries(String caseId) {
        return as("ada", "auditor")
                .queryParam("caseId", caseId)
                .queryParam("limit", 100)
                .get("/api/v1/audit-log")
                .then()
                .statusCode(200)
                .extract()
                .path("items.size()");
    }
}
