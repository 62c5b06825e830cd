package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.dmca.StrikeRecorded;
import org.modhub.moderation.contracts.event.review.CaseEscalated;
import org.modhub.moderation.contracts.event.review.CaseOpened;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** 17 U.S.C. 512(i): a strike at the repeat-infringer threshold, sent on dmca.events, becomes a termination case. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class RepeatInfringerTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private List<List<Object>> openCases(SubjectRef account) {
        return Sql.rows(
                db,
                "SELECT id::text, recommended_action, escalation_reason, origin, notice_id::text FROM review_case "
                        + "WHERE subject_key = ? AND state <> 'CLOSED'",
                account.key());
    }

    @Test
    void aStrikeAtTheThresholdOpensOneCaseRecommendingTerminationThatASeniorMustApprove() {
        String name = newUser("infringer");
        SubjectRef account = SubjectRef.account(name);
        UUID n1 = UUID.randomUUID();
        UUID n2 = UUID.randomUUID();
        UUID n3 = UUID.randomUUID();
        // Below the threshold: nothing opens.
        send(
                Topics.DMCA_EVENTS,
                EventSources.DMCA_SERVICE,
                new StrikeRecorded(name, account, n2, 2, false, now(), List.of(n1, n2)));

        StrikeRecorded third = new StrikeRecorded(name, account, n3, 3, true, now(), List.of(n1, n2, n3));
        String once = encode(EventSources.DMCA_SERVICE, third);
        KafkaProbe.send(Topics.DMCA_EVENTS, third.partitionKey(), once);
        KafkaProbe.send(Topics.DMCA_EVENTS, third.partitionKey(), once); // redelivered
        await().atMost(WAIT).untilAsserted(() -> assertThat(openCases(account)).hasSize(1));
        // The same strike again under a new event id (dmca-service relaying it twice) changes nothing either.
        sendAndAwait(db, Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE, third);
        var row = openCases(account).get(0);
        String caseId = (String) row.get(0);
        assertThat(row.subList(1, 5)).containsExactly("TERMINATE_ACCOUNT", "REPEAT_INFRINGER", "DMCA", n3.toString());

        moderator("mia")
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("summary.recommendedAction", equalTo("TERMINATE_ACCOUNT"))
                .body("summary.escalated", equalTo(true))
                .body("summary.escalationReason", equalTo("REPEAT_INFRINGER"))
                .body("strikeNoticeIds", contains(n1.toString(), n2.toString(), n3.toString()))
                .body("history[0].action", equalTo("case.opened"))
                .body("history[0].detail", org.hamcrest.Matchers.containsString("repeat infringer"));
        assertThat(outbox(db, Topics.REVIEW_EVENTS, CaseOpened.TYPE, caseId)).hasSize(1);
        assertThat(outbox(db, Topics.REVIEW_EVENTS, CaseEscalated.TYPE, caseId))
                .singleElement()
                .asString()
                .contains("REPEAT_INFRINGER");
        // Let the redelivery above be consumed before counting: the event after it in the partition.
        UUID n4 = UUID.randomUUID();
        send(
                Topics.DMCA_EVENTS,
                EventSources.DMCA_SERVICE,
                new StrikeRecorded(name, account, n4, 4, true, now(), List.of(n1, n2, n3, n4)));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                Sql.count(db, "SELECT count(*) FROM case_strike WHERE case_id = ?::uuid", caseId))
                        .isEqualTo(4));
        assertThat(Sql.count(db, "SELECT count(*) FROM review_case WHERE subject_key = ?", account.key()))
                .isEqualTo(1);
        assertThat(outbox(db, Topics.REVIEW_EVENTS, CaseOpened.TYPE, caseId)).hasSize(1);

        // A moderator decides; the termination waits for a senior moderator (four eyes) and then stands.
        claim(caseId, "mia");
        Map<String, Object> body = decisionBody(List.of("TERMINATE_ACCOUNT"), "privacy_and_ip", "ip_infringement");
        body.put("facts", "Four DMCA notices against this account's uploads were accepted and stood.");
        body.put("explanation", "The hub terminates the accounts of repeat infringers.");
        body.put("legalProvision", "us_17_usc_512_i");
        String decisionId = moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("origin", equalTo("DMCA"))
                .extract()
                .path("id");
        senior("mia")
                .post("/api/v1/decisions/" + decisionId + "/approve")
                .then()
                .statusCode(403);
        senior("sue")
                .post("/api/v1/decisions/" + decisionId + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("ENFORCED"))
                .body(
                        "statementOfReasons.illegalContentLegalGround",
                        org.hamcrest.Matchers.startsWith("17 U.S.C. § 512(i)(1)(A)"))
                .body("statementOfReasons.decisionAccount", equalTo("DECISION_ACCOUNT_TERMINATED"));
        moderator("mia")
                .get("/api/v1/subjects/" + account.key() + "/restrictions")
                .then()
                .statusCode(200)
                .body("action", contains("TERMINATE_ACCOUNT"));

        // A strike on a terminated account opens nothing more.
        sendAndAwait(
                db,
                Topics.DMCA_EVENTS,
                EventSources.DMCA_SERVICE,
                new StrikeRecorded(name, account, UUID.randomUUID(), 5, true, now(), List.of()));
        assertThat(openCases(account)).isEmpty();
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_audit_log WHERE subject_key = ? AND action = 'decision.approved' "
                                + "AND actor = 'sue'",
                        account.key()))
                .isEqualTo(1);
    }
}
