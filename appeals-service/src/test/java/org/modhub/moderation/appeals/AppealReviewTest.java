package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.modhub.moderation.appeals.AppealsFixtures.APPROVER;
import static org.modhub.moderation.appeals.AppealsFixtures.DECIDER;
import static org.modhub.moderation.appeals.AppealsFixtures.WAIT;
import static org.modhub.moderation.appeals.AppealsFixtures.as;
import static org.modhub.moderation.appeals.AppealsFixtures.data;
import static org.modhub.moderation.appeals.AppealsFixtures.known;
import static org.modhub.moderation.appeals.AppealsFixtures.mails;
import static org.modhub.moderation.appeals.AppealsFixtures.newUser;
import static org.modhub.moderation.appeals.AppealsFixtures.noAction;
import static org.modhub.moderation.appeals.AppealsFixtures.reportBy;
import static org.modhub.moderation.appeals.AppealsFixtures.resolution;
import static org.modhub.moderation.appeals.AppealsFixtures.restriction;
import static org.modhub.moderation.appeals.AppealsFixtures.restrictionOfOwnerIn;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.appeals.AppealFiled;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * Staff review: never by who took or approved the decision; a reversal or modification is published
 * for review-service's ledger as AppealResolved, an upheld decision is not; the appellant is told
 * the outcome, the reasons and, by residence, the out-of-court bodies or the Australian regulator.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class AppealReviewTest {

    private static final String REASONS = "The sponsorship notice is allowed by the policy; the card is not spam.";

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void neitherTheDeciderNorTheApproverMayReviewTheAppeal() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        String appeal = AppealsFixtures.file(owner, decision.decisionId());

        // The decider holds the senior role too, and the approver is senior: both are refused.
        as(DECIDER, "senior-moderator")
                .body(resolution("REVERSED", List.of(), REASONS))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:reviewer-not-independent"));
        as(APPROVER, "senior-moderator", "legal")
                .body(resolution("REVERSED", List.of(), REASONS))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:modhub:problem:reviewer-not-independent"));
        // A moderator (who takes decisions) is not a reviewer at all.
        as(newUser("mod"), "moderator")
                .body(resolution("REVERSED", List.of(), REASONS))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(403);
        assertThat(Sql.rows(db, "SELECT status, outcome FROM appeal WHERE id = ?::uuid", appeal)
                        .get(0))
                .containsExactly("OPEN", null);

        as("legal-2", "legal")
                .body(resolution("REVERSED", List.of(), REASONS))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("reviewerId", equalTo("legal-2"));
    }

    @Test
    void aReversalGoesToTheLedgerAndTheEuAppellantIsToldOfTheSettlementBodies() {
        String owner = newUser("owner");
        // Issue 23: the owner's country is the hub directory's (DE), no longer what the form says (the AU is ignored).
        DecisionTaken decision = known(db, restrictionOfOwnerIn(owner, "DE"));
        Map<String, Object> body = AppealsFixtures.appealAgainst(decision.decisionId());
        body.put("residence", "AU");
        String appeal = as(owner, "user")
                .body(body)
                .post("/api/v1/appeals")
                .then()
                .statusCode(201)
                .body("residence", equalTo("DE"))
                .extract()
                .path("id");

        try (var events = KafkaProbe.from(Topics.APPEALS_EVENTS);
                var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            as("legal-1", "legal")
                    .body(resolution("REVERSED", List.of(), REASONS))
                    .post("/api/v1/appeals/" + appeal + "/resolve")
                    .then()
                    .statusCode(200)
                    .body("outcome", equalTo("REVERSED"));

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(AppealResolved.TYPE))
                            .map(v -> data(v, AppealResolved.class))
                            .filteredOn(e -> e.appealId().toString().equals(appeal))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.decisionId()).isEqualTo(decision.decisionId());
                                assertThat(e.outcome()).isEqualTo(AppealOutcome.REVERSED);
                                assertThat(e.appellantRole()).isEqualTo(AppellantRole.OWNER);
                                assertThat(e.newActions()).isEmpty();
                                assertThat(e.explanation()).isEqualTo(REASONS);
                                assertThat(e.reviewerId()).isEqualTo("legal-1");
                                assertThat(e.subject()).isEqualTo(decision.subject());
                            }));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appeal-decided", owner + "@example.org"))
                            .singleElement()
                            .satisfies(m -> {
                                assertThat(m.threadKey()).isEqualTo("appeal:" + appeal);
                                assertThat(m.parameters())
                                        .containsEntry("outcome", "REVERSED")
                                        .containsEntry(
                                                "settlementBodies",
                                                "Appeals Centre Europe (https://www.appealscentre.eu); User Rights (https://user-rights.org)")
                                        .containsEntry("recipientCountry", "DE")
                                        .doesNotContainKey("regulator");
                                // The template offers the bodies in its own words; the reasons are the reviewer's alone
                                // (issue 21).
                                assertThat(m.parameters()).containsEntry("reasons", REASONS);
                            }));
        }
    }

    @Test
    void anOwnerTheHubPlacesInAustraliaIsToldOfTheRegulatorWhateverTheFormSays() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restrictionOfOwnerIn(owner, "AU"));
        assertThat(decidedMailOfOwnerAppeal(owner, decision, "DE"))
                .containsEntry("recipientCountry", "AU")
                .containsEntry("regulator", "eSafety Commissioner (https://www.esafety.gov.au/report)")
                .doesNotContainKey("settlementBodies");
    }

    @Test
    void anOwnerWhoseCountryTheHubDidNotKnowIsToldBothOptionsWhateverTheFormSays() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restrictionOfOwnerIn(owner, null));
        assertThat(decidedMailOfOwnerAppeal(owner, decision, "US"))
                .containsEntry(
                        "settlementBodies",
                        "Appeals Centre Europe (https://www.appealscentre.eu); User Rights (https://user-rights.org)")
                .containsEntry("regulator", "eSafety Commissioner (https://www.esafety.gov.au/report)")
                .doesNotContainKey("recipientCountry");
    }

    /**
     * The owner appeals {@code decision} stating {@code residence} on the form, staff uphold it: the parameters of the
     * outcome mail the owner gets.
     */
    private Map<String, String> decidedMailOfOwnerAppeal(String owner, DecisionTaken decision, String residence) {
        Map<String, Object> body = AppealsFixtures.appealAgainst(decision.decisionId());
        body.put("residence", residence);
        String appeal = as(owner, "user")
                .body(body)
                .post("/api/v1/appeals")
                .then()
                .statusCode(201)
                .body("appellantRole", equalTo("OWNER"))
                .body("residence", equalTo(decision.ownerCountry()))
                .extract()
                .path("id");
        try (var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            as("legal-1", "legal")
                    .body(resolution("UPHELD", List.of(), "The card is spam."))
                    .post("/api/v1/appeals/" + appeal + "/resolve")
                    .then()
                    .statusCode(200);
            return await().atMost(WAIT)
                    .until(() -> mails(requests, "appeal-decided", owner + "@example.org"), m -> m.size() == 1)
                    .get(0)
                    .parameters();
        }
    }

    @Test
    void anUpheldDecisionIsNotPublishedAndAnAustralianNotifierIsToldOfTheRegulator() {
        String notifier = newUser("notifier");
        DecisionTaken draft = noAction(newUser("owner"), List.of(), false);
        ReportFiled report = reportBy(notifier, "AU", draft.subject());
        DecisionTaken decision = known(db, withReports(draft, report), report);
        String appeal = AppealsFixtures.file(notifier, decision.decisionId());

        try (var events = KafkaProbe.from(Topics.APPEALS_EVENTS);
                var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            as("legal-1", "legal")
                    .body(resolution("UPHELD", List.of(), "The card breaks no rule."))
                    .post("/api/v1/appeals/" + appeal + "/resolve")
                    .then()
                    .statusCode(200)
                    .body("outcome", equalTo("UPHELD"));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appeal-decided", notifier + "@example.org"))
                            .singleElement()
                            .satisfies(m -> assertThat(m.parameters())
                                    .containsEntry(
                                            "regulator", "eSafety Commissioner (https://www.esafety.gov.au/report)")
                                    .containsEntry("recipientCountry", "AU")
                                    .doesNotContainKey("settlementBodies")));
            assertThat(events.ofType(AppealResolved.TYPE)).noneMatch(v -> v.contains(appeal));
        }
    }

    @Test
    void aNotifiersReversalOfNoActionNamesTheActionNowTakenAndAModificationItsNewActions() {
        String notifier = newUser("notifier");
        DecisionTaken draft = noAction(newUser("owner"), List.of(), false);
        ReportFiled report = reportBy(notifier, "FR", draft.subject());
        DecisionTaken decision = known(db, withReports(draft, report), report);
        String appeal = AppealsFixtures.file(notifier, decision.decisionId());

        as("legal-1", "legal")
                .body(resolution("REVERSED", List.of(), REASONS))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("newActions"));
        as("legal-1", "legal")
                .body(resolution("REVERSED", List.of("NO_ACTION"), REASONS))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("newActions"));
        as("legal-1", "legal")
                .body(resolution("REVERSED", List.of("SUSPEND_ACCOUNT"), REASONS))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("newActions"));
        as("legal-1", "legal")
                .body(resolution("WITHDRAWN", List.of("BANISH"), ""))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("outcome", "newActions[0]", "explanation"));

        try (var events = KafkaProbe.from(Topics.APPEALS_EVENTS)) {
            as("legal-1", "legal")
                    .body(resolution("REVERSED", List.of("UNRANK"), "On review the card is spam after all."))
                    .post("/api/v1/appeals/" + appeal + "/resolve")
                    .then()
                    .statusCode(200)
                    .body("newActions", hasItems("UNRANK"));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(AppealResolved.TYPE))
                            .map(v -> data(v, AppealResolved.class))
                            .filteredOn(e -> e.appealId().toString().equals(appeal))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.appellantRole()).isEqualTo(AppellantRole.NOTIFIER);
                                assertThat(e.newActions()).containsExactly(ModerationAction.UNRANK);
                            }));
        }
        // Decided once: a second decision on it is a conflict.
        as("legal-2", "legal")
                .body(resolution("UPHELD", List.of(), REASONS))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(409);
    }

    @Test
    void aNotifierAppealsByRestADecisionThatRestrictedTooLittleAndTheModificationGoesToTheLedger() {
        String notifier = newUser("notifier");
        // The model was only unranked; the notifier thinks it should be removed (DSA Art. 20(1): any decision on a
        // notice).
        DecisionTaken unranked = AppealsFixtures.decisionWith(newUser("owner"), List.of(ModerationAction.UNRANK));
        ReportFiled report = reportBy(notifier, "DE", unranked.subject());
        DecisionTaken decision = known(db, withReports(unranked, report), report);

        try (var events = KafkaProbe.from(Topics.APPEALS_EVENTS);
                var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            String appeal = as(notifier, "user")
                    .body(AppealsFixtures.appealAgainst(decision.decisionId()))
                    .post("/api/v1/appeals")
                    .then()
                    .statusCode(201)
                    .body("appellantRole", equalTo("NOTIFIER"))
                    .body("residence", equalTo("DE"))
                    .extract()
                    .path("id");
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(AppealFiled.TYPE))
                            .map(v -> data(v, AppealFiled.class))
                            .filteredOn(e -> e.appealId().toString().equals(appeal))
                            .singleElement()
                            .satisfies(e -> assertThat(e.appellantRole()).isEqualTo(AppellantRole.NOTIFIER)));

            as("legal-1", "legal")
                    .body(resolution("MODIFIED", List.of("REMOVE"), "The spam warrants removal."))
                    .post("/api/v1/appeals/" + appeal + "/resolve")
                    .then()
                    .statusCode(200)
                    .body("outcome", equalTo("MODIFIED"));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(AppealResolved.TYPE))
                            .map(v -> data(v, AppealResolved.class))
                            .filteredOn(e -> e.appealId().toString().equals(appeal))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.appellantRole()).isEqualTo(AppellantRole.NOTIFIER);
                                assertThat(e.newActions()).containsExactly(ModerationAction.REMOVE);
                            }));
            // Filed in the hub, so the outcome mail starts its own conversation; the EU notifier is told of the bodies.
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appeal-decided", notifier + "@example.org"))
                            .singleElement()
                            .satisfies(m -> {
                                assertThat(m.inReplyTo()).isNull();
                                assertThat(m.parameters())
                                        .containsKey("settlementBodies")
                                        .doesNotContainKey("regulator");
                            }));
        }
    }

    @Test
    void aModificationReplacesTheActions() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        String appeal = AppealsFixtures.file(owner, decision.decisionId());
        as("legal-1", "legal")
                .body(resolution("MODIFIED", List.of(), REASONS))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("newActions"));
        as("legal-1", "legal")
                .body(resolution("MODIFIED", List.of("DISABLE"), REASONS))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("newActions"));
        as("legal-1", "legal")
                .body(resolution("MODIFIED", List.of("SUSPEND_ACCOUNT"), REASONS))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("newActions"));
        try (var events = KafkaProbe.from(Topics.APPEALS_EVENTS)) {
            as("legal-1", "legal")
                    .body(resolution("MODIFIED", List.of("TAG_NOT_FOR_ALL_AUDIENCES"), "A tag is enough."))
                    .post("/api/v1/appeals/" + appeal + "/resolve")
                    .then()
                    .statusCode(200);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(AppealResolved.TYPE))
                            .map(v -> data(v, AppealResolved.class))
                            .filteredOn(e -> e.appealId().toString().equals(appeal))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.outcome()).isEqualTo(AppealOutcome.MODIFIED);
                                assertThat(e.newActions()).containsExactly(ModerationAction.TAG_NOT_FOR_ALL_AUDIENCES);
                            }));
        }
    }

    /** The draft decision, answering {@code report}. */
    static DecisionTaken withReports(DecisionTaken d, ReportFiled report) {
        return new DecisionTaken(
                d.decisionId(),
                d.caseId(),
                d.subject(),
                d.ownerId(),
                d.ownerCountry(),
                d.actions(),
                d.ground(),
                d.category(),
                d.subcategory(),
                d.territorialScope(),
                d.endDate(),
                d.facts(),
                d.explanation(),
                d.policyVersion(),
                d.decidedBy(),
                d.approvedBy(),
                d.automatedDecision(),
                org.modhub.moderation.contracts.event.review.DecisionOrigin.REPORT,
                List.of(report.reportId()),
                null,
                null,
                d.manifestlyUnfounded(),
                d.decidedAt());
    }
}
