package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.RestorationReason;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.contracts.event.dmca.TakedownScope;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.review.domain.Enforcement;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** The ledger fed from all three sources (queue, DMCA, appeals) and by end dates, each change on review.events. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class LedgerFeedsTest {

    private static final EventCodec CODEC = new EventCodec();

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private List<Map<String, Object>> standing(SubjectRef subject) {
        return moderator("mia")
                .get("/api/v1/subjects/" + subject.key() + "/restrictions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    @Test
    void anAcceptedTakedownDisablesEachSubjectAndARestorationReversesIt() {
        UUID notice = UUID.randomUUID();
        SubjectRef a = newModel();
        SubjectRef b = SubjectRef.dataset(
                newOwner(), "data-" + UUID.randomUUID().toString().substring(0, 8));
        send(
                Topics.DMCA_EVENTS,
                EventSources.DMCA_SERVICE,
                new TakedownOrdered(notice, List.of(a, b), "uploader-1", TakedownScope.WHOLE, "lee-legal", now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(standing(a)).hasSize(1));
        assertThat(standing(b))
                .singleElement()
                .satisfies(r -> assertThat(r.get("action")).isEqualTo("DISABLE"));

        String decisionId = (String) standing(a).get(0).get("decisionId");
        moderator("mia")
                .get("/api/v1/decisions/" + decisionId)
                .then()
                .statusCode(200)
                .body("origin", equalTo("DMCA"))
                .body("noticeId", equalTo(notice.toString()))
                .body("ground", equalTo("DECISION_GROUND_ILLEGAL_CONTENT"))
                .body("subcategory", equalTo("ip_infringement"))
                .body("approvedBy", equalTo("lee-legal"))
                .body("statementOfReasons.sourceType", equalTo("SOURCE_ARTICLE_16"))
                .body("statementOfReasons.category", equalTo("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS"))
                .body("statementOfReasons.illegalContentLegalGround", org.hamcrest.Matchers.notNullValue());
        DecisionTaken taken = CODEC.data(
                CODEC.decode(outbox(db, Topics.REVIEW_EVENTS, DecisionTaken.TYPE, decisionId)
                        .get(0)),
                DecisionTaken.class);
        assertThat(taken.origin()).isEqualTo(DecisionOrigin.DMCA);
        assertThat(taken.actions()).containsExactly(ModerationAction.DISABLE);

        send(
                Topics.DMCA_EVENTS,
                EventSources.DMCA_SERVICE,
                new ContentRestored(
                        notice,
                        UUID.randomUUID(),
                        List.of(a),
                        "uploader-1",
                        RestorationReason.COUNTER_NOTICE_PERIOD_ELAPSED,
                        now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(standing(a)).isEmpty());
        assertThat(standing(b)).hasSize(1); // only the restored subject is lifted
        try (KafkaProbe probe = KafkaProbe.from(Topics.REVIEW_EVENTS)) {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(probe.ofType(DecisionReversed.TYPE))
                            .anySatisfy(json -> {
                                DecisionReversed reversed = CODEC.data(CODEC.decode(json), DecisionReversed.class);
                                assertThat(reversed.reversedDecisionId().toString())
                                        .isEqualTo(decisionId);
                                assertThat(reversed.noticeId()).isEqualTo(notice);
                                assertThat(reversed.actionsLifted()).containsExactly(ModerationAction.DISABLE);
                            }));
        }
    }

    /** Decides UNRANK on a new case through the queue and returns the decision id. */
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

    @Test
    void aReversedAppealLiftsTheRestrictionAndAModifiedOneReplacesIt() {
        SubjectRef reversedModel = newModel();
        String first = unranked(reversedModel);
        UUID appeal = UUID.randomUUID();
        send(
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new AppealResolved(
                        appeal,
                        UUID.fromString(first),
                        reversedModel,
                        AppellantRole.OWNER,
                        AppealOutcome.REVERSED,
                        List.of(),
                        "The casino link was a benchmark name.",
                        "rita-reviewer",
                        now()));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(standing(reversedModel)).isEmpty());
        assertThat(outbox(db, Topics.REVIEW_EVENTS, DecisionReversed.TYPE, first))
                .singleElement()
                .asString()
                .contains(appeal.toString())
                .contains("\"origin\":\"APPEAL\"");

        SubjectRef modifiedModel = newModel();
        String second = unranked(modifiedModel);
        send(
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new AppealResolved(
                        UUID.randomUUID(),
                        UUID.fromString(second),
                        modifiedModel,
                        AppellantRole.OWNER,
                        AppealOutcome.MODIFIED,
                        List.of(ModerationAction.TAG_NOT_FOR_ALL_AUDIENCES),
                        "A label is enough.",
                        "rita-reviewer",
                        now()));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(standing(modifiedModel))
                        .singleElement()
                        .satisfies(r -> assertThat(r.get("action")).isEqualTo("TAG_NOT_FOR_ALL_AUDIENCES")));
        String replacement = (String) standing(modifiedModel).get(0).get("decisionId");
        DecisionTaken taken = CODEC.data(
                CODEC.decode(outbox(db, Topics.REVIEW_EVENTS, DecisionTaken.TYPE, replacement)
                        .get(0)),
                DecisionTaken.class);
        assertThat(taken.origin()).isEqualTo(DecisionOrigin.APPEAL);
        assertThat(taken.decidedBy()).isEqualTo("rita-reviewer");
        assertThat(outbox(db, Topics.REVIEW_EVENTS, DecisionReversed.TYPE, second))
                .hasSize(1);
    }

    @Test
    void anAppealOnADecisionNotInTheLedgerGoesToTheDeadLetterTopic() {
        SubjectRef model = newModel();
        UUID unknown = UUID.randomUUID();
        try (KafkaProbe dlq = KafkaProbe.from(Topics.REVIEW_DLQ)) {
            send(
                    Topics.APPEALS_EVENTS,
                    EventSources.APPEALS_SERVICE,
                    new AppealResolved(
                            UUID.randomUUID(),
                            unknown,
                            model,
                            AppellantRole.OWNER,
                            AppealOutcome.REVERSED,
                            List.of(),
                            "Reversed.",
                            "rita-reviewer",
                            now()));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(dlq.poll())
                            .anySatisfy(r -> assertThat(r.value()).contains(unknown.toString())));
        }
    }

    @Test
    void aSuspensionLiftsItselfAtItsEndDate() {
        SubjectRef model = newModel();
        String caseId = claim(newCase(db, model), "mia");
        Map<String, Object> body = spamDecision(List.of("SUSPEND_ACCOUNT"));
        body.put(
                "endDate",
                Instant.now()
                        .plus(14, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        String decisionId = moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        senior("sue")
                .post("/api/v1/decisions/" + decisionId + "/approve")
                .then()
                .statusCode(200);
        assertThat(standing(model))
                .singleElement()
                .satisfies(r -> assertThat(r.get("action")).isEqualTo("SUSPEND_ACCOUNT"));

        makeDue(db, Enforcement.END_DATE_TIMER, decisionId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(standing(model)).isEmpty());
        assertThat(Sql.rows(db, "SELECT lift_reason FROM restriction WHERE decision_id = ?::uuid", decisionId)
                        .get(0)
                        .get(0))
                .asString()
                .contains("end date");
        assertThat(outbox(db, Topics.REVIEW_EVENTS, DecisionReversed.TYPE, decisionId))
                .singleElement()
                .asString()
                .contains("SUSPEND_ACCOUNT")
                .contains("OWN_INITIATIVE");
    }
}
