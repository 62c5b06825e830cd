package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.review.CaseEscalated;
import org.modhub.moderation.contracts.event.review.ChangesRequested;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.review.domain.OwnerService;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** Asking the owner for changes: the mail and deadline, answers by API and by mail, and the deadline passing. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class OwnerCollaborationTest {

    private static final EventCodec CODEC = new EventCodec();

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Claims a new case and asks its owner for changes; returns the case id. */
    private String askOwner(String owner) {
        String caseId = claim(newCase(db, modelOf(owner)), "mia");
        Map<String, Object> body = spamDecision(List.of("REQUEST_CHANGES"));
        body.put("changesRequested", "Remove the casino advertisement from the model card.");
        moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201);
        return caseId;
    }

    @Test
    void theOwnerIsToldWhatToChangeWithADefaultDeadlineOfSevenDays() {
        String owner = newOwner();
        String caseId = askOwner(owner);
        assertThat(state(db, caseId)).isEqualTo("AWAITING_OWNER");

        List<String> mails = outbox(db, Topics.NOTIFICATION_REQUESTS, NotificationRequested.TYPE, caseId);
        assertThat(mails).hasSize(1);
        NotificationRequested mail = CODEC.data(CODEC.decode(mails.get(0)), NotificationRequested.class);
        assertThat(mail.templateId()).isEqualTo("owner-changes-requested");
        assertThat(mail.recipientEmail()).isEqualTo(hubEmail(owner));
        assertThat(mail.threadKey()).isEqualTo("case:" + caseId);
        assertThat(mail.parameters().get("requestedChanges")).contains("casino advertisement");
        Instant deadline = Instant.parse(mail.parameters().get("deadline"));
        assertThat(Duration.between(Instant.now(), deadline))
                .isBetween(Duration.ofDays(7).minusMinutes(5), Duration.ofDays(7));

        ChangesRequested event = CODEC.data(
                CODEC.decode(outbox(db, Topics.REVIEW_EVENTS, ChangesRequested.TYPE, caseId)
                        .get(0)),
                ChangesRequested.class);
        assertThat(event.ownerId()).isEqualTo(owner);
        assertThat(event.deadline()).isEqualTo(deadline);
        // Asking for changes restricts nothing yet.
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM restriction r JOIN decision d ON d.id = r.decision_id WHERE d.case_id = ?::uuid",
                        caseId))
                .isZero();
    }

    @Test
    void onlyTheOwnerAnswersThroughTheApiAndTheCaseReturnsToTheQueue() {
        String owner = newOwner();
        String caseId = askOwner(owner);
        Map<String, Object> answer = Map.of("response", "CHANGED", "text", "I removed the advertisement.");
        as(newUser("stranger"), "user")
                .body(answer)
                .post("/api/v1/cases/" + caseId + "/owner-response")
                .then()
                .statusCode(404);
        as(owner, "user")
                .body(Map.of("response", "MAYBE", "text", "x"))
                .post("/api/v1/cases/" + caseId + "/owner-response")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("response"));
        as(owner, "user")
                .body(answer)
                .post("/api/v1/cases/" + caseId + "/owner-response")
                .then()
                .statusCode(200)
                .body("response", equalTo("CHANGED"))
                .body("respondedVia", equalTo("API"))
                // Issue 21: the owner never learns which staff member asked; staff still do.
                .body("requestedBy", org.hamcrest.Matchers.nullValue());
        moderator("mia")
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("ownerRequests[0].requestedBy", equalTo("mia"))
                .body("summary.state", equalTo("OPEN"))
                .body("summary.returnReason", org.hamcrest.Matchers.containsString("CHANGED"))
                .body("ownerRequests[0].responseText", equalTo("I removed the advertisement."));
        // The deadline no longer applies.
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_timer WHERE kind = ? AND timer_key IN "
                                + "(SELECT id::text FROM owner_request WHERE case_id = ?::uuid) AND cancelled_at IS NOT NULL",
                        OwnerService.DEADLINE_TIMER,
                        caseId))
                .isEqualTo(1);
    }

    @Test
    void aReplyToTheMailFromTheOwnersAddressAnswersAndOthersAreIgnored() {
        String owner = newOwner();
        String caseId = askOwner(owner);
        send(
                Topics.MAIL_INBOUND,
                EventSources.NOTIFICATION_SERVICE,
                mail("someone-else@example.org", "case:" + caseId, "I changed it (not really)."));
        send(
                Topics.MAIL_INBOUND,
                EventSources.NOTIFICATION_SERVICE,
                mail(
                        "Owner <" + hubEmail(owner) + ">",
                        "case:" + caseId,
                        "I disagree: the card only links a benchmark."));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Sql.rows(
                                        db,
                                        "SELECT response, responded_via, response_text FROM owner_request WHERE case_id = ?::uuid",
                                        caseId)
                                .get(0))
                        .containsExactly("DISPUTED", "MAIL", "I disagree: the card only links a benchmark."));
        assertThat(state(db, caseId)).isEqualTo("OPEN");
    }

    @Test
    void theOwnersOutOfOfficeNoteIsNoAnswer() {
        String owner = newOwner();
        String caseId = askOwner(owner);
        // From the owner's own address, on the case thread, but written by their mail client while they are away.
        InboundMailReceived away = new InboundMailReceived(
                Mailboxes.SAFETY,
                "<" + UUID.randomUUID() + "@mail.example.org>",
                null,
                List.of(),
                "case:" + caseId,
                hubEmail(owner),
                List.of("safety@hub.localhost"),
                "Out of Office: Re: changes requested",
                "I am away until Monday.",
                now(),
                List.of());
        sendAndAwait(db, Topics.MAIL_INBOUND, EventSources.NOTIFICATION_SERVICE, away);
        assertThat(Sql.rows(db, "SELECT response FROM owner_request WHERE case_id = ?::uuid", caseId)
                        .get(0)
                        .get(0))
                .isNull();
        assertThat(state(db, caseId)).isEqualTo("AWAITING_OWNER");
    }

    @Test
    void theOwnersReplyIsRoutedByItsCaseThreadWhicheverOfOurMailboxesItReached() {
        String owner = newOwner();
        String caseId = askOwner(owner);
        // Sent to legal@ with the changes-requested mail quoted: the thread, not the mailbox, says it is the owner's
        // answer.
        InboundMailReceived toLegal = new InboundMailReceived(
                Mailboxes.LEGAL,
                "<" + UUID.randomUUID() + "@mail.example.org>",
                null,
                List.of(),
                "case:" + caseId,
                hubEmail(owner),
                List.of("legal@hub.localhost"),
                "Re: changes requested",
                "I removed the casino link from the card.",
                now(),
                List.of());
        assertThat(toLegal.partitionKey()).isEqualTo("review");
        send(Topics.MAIL_INBOUND, EventSources.NOTIFICATION_SERVICE, toLegal);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Sql.rows(
                                        db,
                                        "SELECT response, responded_via, response_text FROM owner_request WHERE case_id = ?::uuid",
                                        caseId)
                                .get(0))
                        .containsExactly("CHANGED", "MAIL", "I removed the casino link from the card."));
        assertThat(state(db, caseId)).isEqualTo("OPEN");
    }

    @Test
    void mailOfOtherServicesIsSkippedByItsKeyEvenOnACaseThread() {
        String owner = newOwner();
        String caseId = askOwner(owner);
        // Keyed for dmca-service: not this service's, whatever the body says.
        InboundMailReceived mail = mail(hubEmail(owner), "case:" + caseId, "I disagree.");
        EventEnvelope envelope = EventEnvelope.of(EventSources.NOTIFICATION_SERVICE, mail);
        org.modhub.moderation.devstack.test.KafkaProbe.send(Topics.MAIL_INBOUND, "dmca", CODEC.encode(envelope));
        // A record after it that is ours: "dmca" and "review" hash to the same of devstack's three partitions (Kafka's
        // default partitioner), so once this one is applied the skipped one was read before it.
        String marker = askOwner(newOwner());
        sendAndAwait(
                db,
                Topics.MAIL_INBOUND,
                EventSources.NOTIFICATION_SERVICE,
                mail("nobody@example.org", "case:" + marker, "not the owner"));
        assertThat(Sql.count(db, "SELECT count(*) FROM kit_processed_event WHERE event_id = ?", envelope.id()))
                .isZero();
        assertThat(state(db, caseId)).isEqualTo("AWAITING_OWNER");
    }

    @Test
    void whenTheDeadlinePassesWithoutAnAnswerTheCaseReturnsEscalated() {
        String caseId = askOwner(newOwner());
        String requestId = Sql.rows(db, "SELECT id FROM owner_request WHERE case_id = ?::uuid", caseId)
                .get(0)
                .get(0)
                .toString();
        makeDue(db, OwnerService.DEADLINE_TIMER, requestId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(state(db, caseId)).isEqualTo("OPEN"));
        var row = Sql.rows(
                        db, "SELECT escalated, escalation_reason, assignee FROM review_case WHERE id = ?::uuid", caseId)
                .get(0);
        assertThat(row).containsExactly(true, "OWNER_DEADLINE_EXPIRED", null);
        assertThat(outbox(db, Topics.REVIEW_EVENTS, CaseEscalated.TYPE, caseId))
                .singleElement()
                .asString()
                .contains("OWNER_DEADLINE_EXPIRED");
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM owner_request WHERE id = ?::uuid AND expired_at IS NOT NULL",
                        requestId))
                .isEqualTo(1);
    }

    static InboundMailReceived mail(String from, String threadToken, String text) {
        return new InboundMailReceived(
                Mailboxes.SAFETY,
                "<" + UUID.randomUUID() + "@mail.example.org>",
                null,
                List.of(),
                threadToken,
                from,
                List.of("safety@hub.localhost"),
                "Re: changes requested",
                text,
                now(),
                List.of());
    }
}
