package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** Deciding a case: statement of reasons, the ledger, DecisionTaken, the owner's mail; and what is refused. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class DecisionTest {

    private static final EventCodec CODEC = new EventCodec();

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void combinedActionsTakeEffectWithAStatementOfReasonsAndTheOwnerIsToldButNotWhoReported() {
        // The owner is the hub's: the model's namespace, whom nobody named in the request.
        String owner = newOwner();
        SubjectRef model = modelOf(owner);
        var report = spam(model);
        sendReport(report);
        String caseId = claim(awaitCase(db, model, 1), "mia");

        String decisionId = moderator("mia")
                .body(spamDecision(List.of("UNRANK", "TAG_NOT_FOR_ALL_AUDIENCES")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .body("status", equalTo("ENFORCED"))
                .body("ownerId", equalTo(owner))
                .body("policyVersion", equalTo("2025-04-10"))
                .body("ground", equalTo("DECISION_GROUND_INCOMPATIBLE_CONTENT"))
                .body("statementOfReasons.decisionVisibility", hasItem("DECISION_VISIBILITY_CONTENT_DEMOTED"))
                .body("statementOfReasons.decisionVisibility", hasItem("DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED"))
                .body("statementOfReasons.territorialScope.size()", equalTo(30))
                .body("statementOfReasons.category", equalTo("STATEMENT_CATEGORY_OTHER_VIOLATION_TC"))
                .body("statementOfReasons.sourceType", equalTo("SOURCE_ARTICLE_16"))
                .body("statementOfReasons.contentType", hasItem("CONTENT_TYPE_OTHER"))
                .body(
                        "statementOfReasons.incompatibleContentGround",
                        org.hamcrest.Matchers.containsString("2025-04-10"))
                .body("statementOfReasons.redress", org.hamcrest.Matchers.containsString("appeal"))
                .body("statementOfReasons.automatedDecision", equalTo("AUTOMATED_DECISION_NOT_AUTOMATED"))
                .extract()
                .path("id");

        assertThat(state(db, caseId)).isEqualTo("CLOSED");
        moderator("mia")
                .get("/api/v1/subjects/" + model.key() + "/restrictions")
                .then()
                .statusCode(200)
                .body("action", org.hamcrest.Matchers.containsInAnyOrder("UNRANK", "TAG_NOT_FOR_ALL_AUDIENCES"))
                .body("decisionId", org.hamcrest.Matchers.everyItem(equalTo(decisionId)));

        try (KafkaProbe probe = KafkaProbe.from(Topics.REVIEW_EVENTS)) {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(probe.ofType(DecisionTaken.TYPE))
                            .anySatisfy(json -> {
                                DecisionTaken taken = CODEC.data(CODEC.decode(json), DecisionTaken.class);
                                assertThat(taken.decisionId().toString()).isEqualTo(decisionId);
                                assertThat(taken.reportIds()).containsExactly(report.reportId());
                                assertThat(taken.ownerId()).isEqualTo(owner);
                            }));
        }
        List<String> mails = outbox(db, Topics.NOTIFICATION_REQUESTS, NotificationRequested.TYPE, decisionId);
        assertThat(mails).hasSize(1);
        NotificationRequested mail = CODEC.data(CODEC.decode(mails.get(0)), NotificationRequested.class);
        assertThat(mail.templateId()).isEqualTo("owner-decision");
        assertThat(mail.recipientEmail()).isEqualTo(hubEmail(owner));
        assertThat(mail.parameters())
                .containsKeys("facts", "explanation", "appealDeadline", "policyVersion", "territorialScope")
                .doesNotContainKeys("howToAppeal", "appealUrl");
        assertThat(mails.get(0)).doesNotContain(report.reporterId()).doesNotContain(report.reporterEmail());

        // Issue 21: a reply to the decision mail contests the decision, so it is on the decision's thread and goes to
        // legal@.
        assertThat(mail.threadKey()).isEqualTo("decision:" + decisionId);
        assertThat(mail.replyMailbox()).isEqualTo("legal");
        assertThat(mails.get(0)).doesNotContain("\"mia\"");

        // The owner reads their statement, but not who decided; staff and auditors see who did; a stranger gets a 404.
        as(owner, "user")
                .get("/api/v1/decisions/" + decisionId)
                .then()
                .statusCode(200)
                .body("statementOfReasons.facts", org.hamcrest.Matchers.containsString("casino"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasValue("mia")))
                .body("decidedBy", org.hamcrest.Matchers.nullValue())
                .body("approvedBy", org.hamcrest.Matchers.nullValue());
        moderator("other")
                .get("/api/v1/decisions/" + decisionId)
                .then()
                .statusCode(200)
                .body("decidedBy", equalTo("mia"));
        as("ada", "auditor")
                .get("/api/v1/decisions/" + decisionId)
                .then()
                .statusCode(200)
                .body("decidedBy", equalTo("mia"));
        as(newUser("stranger"), "user")
                .get("/api/v1/decisions/" + decisionId)
                .then()
                .statusCode(404);
    }

    @Test
    void noActionMayFindReportsManifestlyUnfoundedButNoOtherActionMay() {
        String caseId = claim(newCase(db, newModel()), "mia");
        Map<String, Object> wrong = spamDecision(List.of("UNRANK"));
        wrong.put("manifestlyUnfounded", true);
        moderator("mia")
                .body(wrong)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("manifestlyUnfounded"));

        Map<String, Object> right = spamDecision(List.of("NO_ACTION"));
        right.put("manifestlyUnfounded", true);
        String decisionId = moderator("mia")
                .body(right)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .body("manifestlyUnfounded", equalTo(true))
                .extract()
                .path("id");
        assertThat(outbox(db, Topics.REVIEW_EVENTS, DecisionTaken.TYPE, decisionId))
                .singleElement()
                .asString()
                .contains("\"manifestlyUnfounded\":true");
        assertThat(Sql.count(db, "SELECT count(*) FROM restriction WHERE decision_id = ?::uuid", decisionId))
                .isZero();
    }

    @Test
    void badDecisionsAreRefusedFieldByFieldAndNothingIsWritten() {
        String caseId = claim(newCase(db, newModel()), "mia");
        Map<String, Object> body = spamDecision(List.of("UNRANK", "BAN_FOREVER"));
        body.put("territorialScope", List.of("XX"));
        body.remove("facts");
        moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("actions[1]", "territorialScope[0]", "facts"));
        moderator("mia")
                .body(spamDecision(List.of("SUSPEND_ACCOUNT")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("endDate"));
        moderator("mia")
                .body(spamDecision(List.of("NO_ACTION", "UNRANK")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("actions"));
        Map<String, Object> unknown = spamDecision(List.of("NO_ACTION"));
        unknown.put("severity", "LOW");
        moderator("mia")
                .body(unknown)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // Not the holder: 409.
        moderator("other")
                .body(spamDecision(List.of("NO_ACTION")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(409);
        assertThat(Sql.count(db, "SELECT count(*) FROM decision WHERE case_id = ?::uuid", caseId))
                .isZero();
        assertThat(state(db, caseId)).isEqualTo("CLAIMED");
    }
}
