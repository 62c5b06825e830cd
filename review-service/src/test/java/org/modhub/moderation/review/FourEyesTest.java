package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** Severe actions and critical categories wait for a different senior moderator; nothing is enforced before. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class FourEyesTest {

    private static final EventCodec CODEC = new EventCodec();

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aSuspensionWaitsForASecondSeniorModeratorAndTheDeciderCannotApproveIt() {
        SubjectRef model = newModel();
        String caseId = claim(newCase(db, model), "sid"); // a senior moderator holds and decides it...
        Map<String, Object> body = spamDecision(List.of("SUSPEND_ACCOUNT", "DISABLE"));
        body.put(
                "endDate",
                Instant.now()
                        .plus(30, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        String decisionId = as("sid", "moderator", "senior-moderator")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("needsApproval", equalTo(true))
                .extract()
                .path("id");

        // Nothing is enforced before approval.
        assertThat(state(db, caseId)).isEqualTo("PENDING_APPROVAL");
        assertThat(Sql.count(db, "SELECT count(*) FROM restriction WHERE decision_id = ?::uuid", decisionId))
                .isZero();
        assertThat(outbox(db, Topics.REVIEW_EVENTS, DecisionTaken.TYPE, decisionId))
                .isEmpty();
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_outbox WHERE topic = ? AND payload LIKE ?",
                        Topics.NOTIFICATION_REQUESTS,
                        "%" + decisionId + "%"))
                .isZero();

        // ...and cannot approve their own; a moderator without the senior role cannot approve at all.
        as("sid", "moderator", "senior-moderator")
                .post("/api/v1/decisions/" + decisionId + "/approve")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        moderator("mia")
                .post("/api/v1/decisions/" + decisionId + "/approve")
                .then()
                .statusCode(403);
        senior("sue")
                .get("/api/v1/decisions/pending-approval?limit=100")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(decisionId));

        senior("sue")
                .post("/api/v1/decisions/" + decisionId + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("ENFORCED"))
                .body("approvedBy", equalTo("sue"));
        senior("sue")
                .post("/api/v1/decisions/" + decisionId + "/approve")
                .then()
                .statusCode(409);

        assertThat(state(db, caseId)).isEqualTo("CLOSED");
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM restriction WHERE decision_id = ?::uuid AND lifted_at IS NULL",
                        decisionId))
                .isEqualTo(2);
        DecisionTaken taken = CODEC.data(
                CODEC.decode(outbox(db, Topics.REVIEW_EVENTS, DecisionTaken.TYPE, decisionId)
                        .get(0)),
                DecisionTaken.class);
        assertThat(taken.approvedBy()).isEqualTo("sue");
        assertThat(taken.decidedBy()).isEqualTo("sid");
        assertThat(taken.endDate()).isNotNull();
    }

    @Test
    void removingASingleCommentIsEnforcedByOneModeratorButRemovingTheRepositoryWaits() {
        // The stand-in's synthetic discussions hold one comment, c-1; the fresh model makes the subject new.
        SubjectRef comment = SubjectRef.comment(SubjectRef.discussion(newModel(), 3), "c-1");
        String commentCase = claim(newCase(db, comment), "mia");
        String commentDecision = moderator("mia")
                .body(spamDecision(List.of("REMOVE")))
                .post("/api/v1/cases/" + commentCase + "/decisions")
                .then()
                .statusCode(201)
                .body("status", equalTo("ENFORCED"))
                .body("needsApproval", equalTo(false))
                .extract()
                .path("id");
        assertThat(outbox(db, Topics.REVIEW_EVENTS, DecisionTaken.TYPE, commentDecision))
                .hasSize(1);

        String repositoryCase = claim(newCase(db, newModel()), "mia");
        moderator("mia")
                .body(spamDecision(List.of("REMOVE")))
                .post("/api/v1/cases/" + repositoryCase + "/decisions")
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("needsApproval", equalTo(true));
    }

    @Test
    void anyDecisionInACriticalCategoryNeedsApprovalAndARejectionReturnsTheCaseWithTheReason() {
        SubjectRef model = newModel();
        sendReport(report(
                model, PolicyCategory.HARMFUL_OR_ABUSIVE, PolicySubcategory.TERRORIST_CONTENT, false, newUser("r")));
        String caseId = claim(awaitCase(db, model, 1), "mia");
        String decisionId = moderator("mia")
                .body(decisionBody(List.of("NO_ACTION"), "harmful_or_abusive", "terrorist_content"))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL"))
                .extract()
                .path("id");
        assertThat(outbox(db, Topics.REVIEW_EVENTS, DecisionTaken.TYPE, decisionId))
                .isEmpty();

        senior("sue")
                .body(Map.of())
                .post("/api/v1/decisions/" + decisionId + "/reject")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        senior("sue")
                .body(Map.of("reason", "The video is a recruitment message; this needs action."))
                .post("/api/v1/decisions/" + decisionId + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        moderator("mia")
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("summary.state", equalTo("OPEN"))
                .body("summary.assignee", org.hamcrest.Matchers.nullValue())
                .body("summary.returnReason", org.hamcrest.Matchers.containsString("recruitment message"))
                .body("history.action", org.hamcrest.Matchers.hasItem("decision.rejected"));
        assertThat(outbox(db, Topics.REVIEW_EVENTS, DecisionTaken.TYPE, decisionId))
                .isEmpty();
        assertThat(Sql.count(db, "SELECT count(*) FROM restriction WHERE decision_id = ?::uuid", decisionId))
                .isZero();
    }
}
