package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;
import org.modhub.moderation.contracts.event.appeals.DisputeSettled;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** DSA Art. 21: an out-of-court dispute settled for the recipient and implemented by the hub changes the ledger. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class DisputeReversalTest {

    private static final EventCodec CODEC = new EventCodec();

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private String unranked(SubjectRef subject) {
        String caseId = claim(newCase(db, subject), "mia");
        return moderator("mia")
                .body(spamDecision(List.of("UNRANK")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private List<Object> standing(SubjectRef subject) {
        return moderator("mia")
                .get("/api/v1/subjects/" + subject.key() + "/restrictions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action");
    }

    @Test
    void aDisputeSettledForTheRecipientAndImplementedLiftsTheDecisionOnceWithItsOwnStatement() {
        SubjectRef model = newModel();
        String decisionId = unranked(model);
        UUID dispute = UUID.randomUUID();
        LocalDate submitted = LocalDate.now().minusDays(20);
        DisputeSettled settled = new DisputeSettled(
                dispute,
                UUID.fromString(decisionId),
                DisputeOutcome.IN_FAVOUR_OF_RECIPIENT,
                submitted,
                submitted.plusDays(10),
                true,
                submitted.plusDays(12),
                now());
        try (KafkaProbe probe = KafkaProbe.from(Topics.REVIEW_EVENTS)) {
            send(Topics.APPEALS_EVENTS, EventSources.APPEALS_SERVICE, settled);
            await().atMost(WAIT).untilAsserted(() -> assertThat(standing(model)).isEmpty());
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(probe.ofType(DecisionReversed.TYPE))
                            .anySatisfy(json -> {
                                DecisionReversed reversed = CODEC.data(CODEC.decode(json), DecisionReversed.class);
                                assertThat(reversed.reversedDecisionId().toString())
                                        .isEqualTo(decisionId);
                                assertThat(reversed.actionsLifted()).containsExactly(ModerationAction.UNRANK);
                                assertThat(reversed.reason())
                                        .contains(dispute.toString())
                                        .contains("DSA Art. 21");
                            }));
        }
        var reversal = Sql.rows(db, "SELECT id::text FROM decision WHERE dispute_id = ?::uuid", dispute.toString());
        assertThat(reversal).hasSize(1);
        String reversalId = (String) reversal.get(0).get(0);
        as("ada", "auditor")
                .get("/api/v1/decisions/" + reversalId)
                .then()
                .statusCode(200)
                .body("kind", equalTo("REVERSAL"))
                .body("reversesDecisionId", equalTo(decisionId))
                .body("statementOfReasons.facts", containsString("out-of-court dispute settlement body"))
                .body("statementOfReasons.facts", containsString(dispute.toString()))
                .body("statementOfReasons.incompatibleContentGround", containsString("Restricted Content, section 5"));
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_audit_log WHERE entity_id = ? AND action = 'decision.reversed'",
                        reversalId))
                .isEqualTo(1);

        // Staff correct the ending (the same dispute recorded again): nothing is reversed twice.
        sendAndAwait(
                db,
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new DisputeSettled(
                        dispute,
                        UUID.fromString(decisionId),
                        DisputeOutcome.IN_FAVOUR_OF_RECIPIENT,
                        submitted,
                        submitted.plusDays(9),
                        true,
                        submitted.plusDays(12),
                        now()));
        assertThat(Sql.count(db, "SELECT count(*) FROM decision WHERE reverses_decision_id = ?::uuid", decisionId))
                .isEqualTo(1);
        assertThat(outbox(db, Topics.REVIEW_EVENTS, DecisionReversed.TYPE, decisionId))
                .hasSize(1);
    }

    @Test
    void aDisputeWonAgainstADecisionThatActedTooLittleSendsTheSubjectBackToTheQueue() {
        SubjectRef model = newModel();
        String caseId = claim(newCase(db, model), "mia");
        String decisionId = moderator("mia")
                .body(spamDecision(List.of("NO_ACTION")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(state(db, caseId)).isEqualTo("CLOSED");
        UUID dispute = UUID.randomUUID();
        LocalDate submitted = LocalDate.now().minusDays(20);
        sendAndAwait(
                db,
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new DisputeSettled(
                        dispute,
                        UUID.fromString(decisionId),
                        DisputeOutcome.IN_FAVOUR_OF_RECIPIENT,
                        submitted,
                        submitted.plusDays(10),
                        true,
                        null,
                        now()));
        var open = Sql.rows(
                db,
                "SELECT id::text, state, origin, return_reason FROM review_case WHERE subject_key = ? "
                        + "AND state <> 'CLOSED'",
                model.key());
        assertThat(open).singleElement().satisfies(row -> {
            assertThat(row.get(1)).isEqualTo("OPEN");
            assertThat(row.get(2)).isEqualTo("OWN_INITIATIVE");
            assertThat((String) row.get(3)).contains(dispute.toString()).contains("decided anew");
        });
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_audit_log WHERE scope_id = ? AND action = 'case.reopened'",
                        String.valueOf(open.get(0).get(0))))
                .isEqualTo(1);
    }

    @Test
    void aDisputeForTheHubOrNotImplementedLeavesTheLedgerAsItIs() {
        SubjectRef forHub = newModel();
        String first = unranked(forHub);
        SubjectRef notImplemented = newModel();
        String second = unranked(notImplemented);
        LocalDate submitted = LocalDate.now().minusDays(20);
        sendAndAwait(
                db,
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new DisputeSettled(
                        UUID.randomUUID(),
                        UUID.fromString(first),
                        DisputeOutcome.IN_FAVOUR_OF_PROVIDER,
                        submitted,
                        submitted.plusDays(10),
                        null,
                        null,
                        now()));
        sendAndAwait(
                db,
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new DisputeSettled(
                        UUID.randomUUID(),
                        UUID.fromString(second),
                        DisputeOutcome.IN_FAVOUR_OF_RECIPIENT,
                        submitted,
                        submitted.plusDays(10),
                        false,
                        null,
                        now()));
        assertThat(standing(forHub)).containsExactly("UNRANK");
        assertThat(standing(notImplemented)).containsExactly("UNRANK");
    }
}
