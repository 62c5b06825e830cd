package org.modhub.moderation.appeals;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.modhub.moderation.appeals.AppealsFixtures.anonymous;
import static org.modhub.moderation.appeals.AppealsFixtures.appealAgainst;
import static org.modhub.moderation.appeals.AppealsFixtures.as;
import static org.modhub.moderation.appeals.AppealsFixtures.known;
import static org.modhub.moderation.appeals.AppealsFixtures.newUser;
import static org.modhub.moderation.appeals.AppealsFixtures.noAction;
import static org.modhub.moderation.appeals.AppealsFixtures.reportBy;
import static org.modhub.moderation.appeals.AppealsFixtures.resolution;
import static org.modhub.moderation.appeals.AppealsFixtures.restriction;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.devstack.test.DevStackResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * Who may appeal and who may read an appeal. Only the owner a decision restricted, or a notifier
 * whose report ended without action, may appeal it; a party who may not gets a 403 saying why,
 * anyone else a 404. Only the appellant and reviewing staff read an appeal.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class AuthorizationMatrixTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void whoMayAppealARestriction() {
        String owner = newUser("owner");
        String notifier = newUser("notifier");
        DecisionTaken draft = restriction(owner, List.of());
        ReportFiled report = reportBy(notifier, "DE", draft.subject());
        DecisionTaken decision = known(db, AppealReviewTest.withReports(draft, report), report);

        anonymous().body(appealAgainst(decision.decisionId())).post("/api/v1/appeals").then().statusCode(401)
                .contentType("application/problem+json");
        as(newUser("stranger"), "user").body(appealAgainst(decision.decisionId())).post("/api/v1/appeals").then()
                .statusCode(404);
        as(notifier, "user").body(appealAgainst(decision.decisionId())).post("/api/v1/appeals").then().statusCode(403)
                .body("type", equalTo("urn:modhub:problem:not-appealable"));
        // Staff without the user role do not file appeals for others.
        as(owner, "legal").body(appealAgainst(decision.decisionId())).post("/api/v1/appeals").then().statusCode(403);
        as(owner, "user").body(appealAgainst(decision.decisionId())).post("/api/v1/appeals").then().statusCode(201)
                .body("appellantRole", equalTo("OWNER"));
    }

    @Test
    void whoMayAppealADecisionWithoutAction() {
        String owner = newUser("owner");
        String notifier = newUser("notifier");
        DecisionTaken draft = noAction(owner, List.of(), false);
        ReportFiled report = reportBy(notifier, "DE", draft.subject());
        DecisionTaken decision = known(db, AppealReviewTest.withReports(draft, report), report);

        as(owner, "user").body(appealAgainst(decision.decisionId())).post("/api/v1/appeals").then().statusCode(403)
                .body("type", equalTo("urn:modhub:problem:not-appealable"));
        as(newUser("stranger"), "user").body(appealAgainst(decision.decisionId())).post("/api/v1/appeals").then()
                .statusCode(404);
        as(notifier, "user").body(appealAgainst(decision.decisionId())).post("/api/v1/appeals").then().statusCode(201)
                .body("appellantRole", equalTo("NOTIFIER"))
                // The notifier's report named their country: it decides the redress they will be told of.
                .body("residence", equalTo("DE"));
    }

    @Test
    void onlyTheAppellantAndReviewingStaffReadAnAppeal() {
        String owner = newUser("owner");
        String notifier = newUser("notifier");
        DecisionTaken draft = noAction(owner, List.of(), false);
        ReportFiled report = reportBy(notifier, "DE", draft.subject());
        DecisionTaken decision = known(db, AppealReviewTest.withReports(draft, report), report);
        String appeal = AppealsFixtures.file(notifier, decision.decisionId());
        String path = "/api/v1/appeals/" + appeal;

        as(notifier, "user").get(path).then().statusCode(200).body("id", equalTo(appeal))
                .body("appellantEmail", equalTo(null)).body("reviewerId", equalTo(null));
        // The owner of the content is not told who appealed, nor that anyone did.
        as(owner, "user").get(path).then().statusCode(404);
        as(newUser("stranger"), "user").get(path).then().statusCode(404);
        as(AppealsFixtures.DECIDER, "moderator").get(path).then().statusCode(404);
        as("auditor-1", "auditor").get(path).then().statusCode(404);
        anonymous().get(path).then().statusCode(401);
        as("legal-1", "legal").get(path).then().statusCode(200).body("appellantId", equalTo(notifier))
                .body("appellantEmail", equalTo(notifier + "@example.org")).body("identityVerified", equalTo(true));
        as("senior-1", "senior-moderator").get(path).then().statusCode(200).body("appellantId", equalTo(notifier));
        as("legal-1", "legal").get("/api/v1/appeals/not-a-uuid").then().statusCode(404);

        as(notifier, "user").get("/api/v1/appeals/mine").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(appeal));
        as(owner, "user").get("/api/v1/appeals/mine").then().statusCode(200).body("items", hasSize(0));

        // The staff queue and the review are for reviewers only.
        as(notifier, "user").get("/api/v1/appeals").then().statusCode(403);
        as("mod-1", "moderator").get("/api/v1/appeals").then().statusCode(403);
        as("legal-1", "legal").get("/api/v1/appeals").then().statusCode(200).body("items", notNullValue());
        as(notifier, "user").body(resolution("REVERSED", List.of("UNRANK"), "I say so.")).post(path + "/resolve").then()
                .statusCode(403);
        as("admin-1", "admin").body(resolution("REVERSED", List.of("UNRANK"), "I say so.")).post(path + "/resolve").then()
                .statusCode(403);
        // The appellant cannot decide their own appeal, whatever roles they hold.
        as(notifier, "user", "legal").body(resolution("REVERSED", List.of("UNRANK"), "I say so.")).post(path + "/resolve")
                .then().statusCode(403).body("type", equalTo("urn:modhub:problem:reviewer-not-independent"));
    }
}
