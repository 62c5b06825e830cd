package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.appeals.AppealsFixtures.WAIT;
import static org.modhub.moderation.appeals.AppealsFixtures.as;
import static org.modhub.moderation.appeals.AppealsFixtures.known;
import static org.modhub.moderation.appeals.AppealsFixtures.mail;
import static org.modhub.moderation.appeals.AppealsFixtures.mailedReport;
import static org.modhub.moderation.appeals.AppealsFixtures.mails;
import static org.modhub.moderation.appeals.AppealsFixtures.newUser;
import static org.modhub.moderation.appeals.AppealsFixtures.noAction;
import static org.modhub.moderation.appeals.AppealsFixtures.restriction;
import static org.modhub.moderation.appeals.AppealsFixtures.restrictionOfOwnerIn;
import static org.modhub.moderation.appeals.AppealsFixtures.send;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
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
 * Mail that is this service's (from mail.inbound, keyed "appeals"): a reply on a decision's thread, whatever mailbox it
 * reached, or a mail to legal@ naming a decision id becomes an appeal (or adds to the sender's open one); other mail is
 * answered with a question which decision it contests. Every answer is threaded on the person's mail.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class LegalMailTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String sender() {
        return "jane-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    private long appealsFrom(String address) {
        return Sql.count(db, "SELECT count(*) FROM appeal WHERE lower(appellant_email) = lower(?)", address);
    }

    @Test
    void aReplyOnTheDecisionsThreadIsTheOwnersAppealWhateverMailboxItReached() {
        String owner = newUser("owner");
        String address = sender();
        DecisionTaken decision = known(db, restrictionOfOwnerIn(owner, "AU"));
        try (var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            // The decision mail went out on the decision's thread; the owner answers it, but to safety@ (In-Reply-To).
            InboundMailReceived reply = mail(
                    "safety",
                    "Jane Owner <" + address + ">",
                    "Re: Decision on your model",
                    "I contest this: the card is a sponsorship notice. Contract: https://example.org/contract.pdf",
                    "decision:" + decision.decisionId());
            send(reply);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(appealsFrom(address)).isOne());
            assertThat(Sql.rows(
                                    db,
                                    "SELECT appellant_role, appellant_id, identity_verified, channel, array_to_json(evidence_urls)::text, "
                                            + "residence FROM appeal WHERE decision_id = ?",
                                    decision.decisionId())
                            .get(0))
                    // The verified owner's redress follows their country as the hub knew it at the decision.
                    .containsExactly("OWNER", owner, true, "EMAIL", "[\"https://example.org/contract.pdf\"]", "AU");
            // The receipt answers the owner's mail, so their mail client shows one conversation.
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appeal-received", address))
                            .singleElement()
                            .satisfies(m -> {
                                assertThat(m.inReplyTo()).isEqualTo(reply.messageId());
                                assertThat(m.replyMailbox()).isEqualTo("legal");
                            }));
        }
        // Verified as the owner, it is theirs in the hub as well.
        as(owner, "user")
                .get("/api/v1/appeals/mine")
                .then()
                .statusCode(200)
                .body("items[0].channel", equalTo("EMAIL"))
                .body("items[0].decisionId", equalTo(decision.decisionId().toString()));
    }

    @Test
    void aReplyOnTheAppealsThreadAddsToTheOpenAppeal() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        String appeal = AppealsFixtures.file(owner, decision.decisionId());
        // Someone else answering on the thread does not write into the appeal.
        send(mail(sender(), "Re: We received your appeal", "Me too!", "appeal:" + appeal));
        send(mail(
                owner + "@example.org",
                "Re: We received your appeal",
                "One more thing: the sponsor confirmed it in writing.",
                "appeal:" + appeal));
        await().atMost(WAIT)
                .untilAsserted(() -> as(owner, "user")
                        .get("/api/v1/appeals/" + appeal)
                        .then()
                        .body(
                                "arguments",
                                org.hamcrest.Matchers.containsString("the sponsor confirmed it in writing")));
        as(owner, "user")
                .get("/api/v1/appeals/" + appeal)
                .then()
                .body("arguments", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Me too!")));
    }

    @Test
    void answeringTheOutcomeOfAnUpheldAppealIsANewAppealAgainstTheSameDecision() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        String first = AppealsFixtures.file(owner, decision.decisionId());
        as("legal-1", "legal")
                .body(AppealsFixtures.resolution("UPHELD", List.of(), "The card is advertising."))
                .post("/api/v1/appeals/" + first + "/resolve")
                .then()
                .statusCode(200);
        try (var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            // The outcome mail invites new arguments; the owner answers it with the sponsor's confirmation.
            InboundMailReceived answer = mail(
                    owner + "@example.org",
                    "Re: Decision on your appeal",
                    "New evidence: the sponsor confirmed in writing that this is a paid notice.",
                    "appeal:" + first);
            send(answer);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(Sql.count(
                                    db,
                                    "SELECT count(*) FROM appeal WHERE decision_id = ? AND status = 'OPEN'",
                                    decision.decisionId()))
                            .isOne());
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appeal-received", owner + "@example.org"))
                            .filteredOn(m -> answer.messageId().equals(m.inReplyTo()))
                            .singleElement()
                            .satisfies(m -> assertThat(m.threadKey()).isNotEqualTo("appeal:" + first)));
        }
        // The same appellant as before, in their hub account too.
        as(owner, "user")
                .get("/api/v1/appeals/mine")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].channel", equalTo("EMAIL"))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].arguments", org.hamcrest.Matchers.containsString("sponsor confirmed in writing"));
    }

    @Test
    void aMailNamingADecisionIdFromTheNotifiersAddressIsTheNotifiersAppeal() {
        String address = sender();
        DecisionTaken draft = noAction(newUser("owner"), List.of(), false);
        ReportFiled report = mailedReport(address, draft.subject());
        DecisionTaken decision = known(db, AppealReviewTest.withReports(draft, report), report);

        send(mail(
                address.toUpperCase(),
                "Appeal",
                "Please review decision " + decision.decisionId() + " again: the casino spam is still there.",
                null));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(appealsFrom(address)).isOne());
        assertThat(Sql.rows(
                                db,
                                "SELECT appellant_role, appellant_key, identity_verified, residence FROM appeal "
                                        + "WHERE decision_id = ?",
                                decision.decisionId())
                        .get(0))
                .containsExactly("NOTIFIER", "email:" + address, true, "AT");
    }

    @Test
    void aMailNamingARestrictionFromAnUnknownAddressIsAnUnverifiedOwnersAppeal() {
        String address = sender();
        DecisionTaken decision = known(db, restrictionOfOwnerIn(newUser("owner"), "AU"));
        send(mail(address, "Appeal against " + decision.decisionId(), "My model was disabled wrongly.", null));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(appealsFrom(address)).isOne());
        // Anyone may claim to be the owner: the owner's country is not theirs to be told of (both options instead).
        assertThat(Sql.rows(db, "SELECT residence FROM appeal WHERE decision_id = ?", decision.decisionId())
                        .get(0))
                .containsExactly((Object) null);
        String id = Sql.rows(db, "SELECT id FROM appeal WHERE decision_id = ?", decision.decisionId())
                .get(0)
                .get(0)
                .toString();
        as("legal-1", "legal")
                .get("/api/v1/appeals/" + id)
                .then()
                .statusCode(200)
                .body("appellantRole", equalTo("OWNER"))
                .body("identityVerified", equalTo(false))
                .body("appellantId", equalTo(null));
    }

    @Test
    void aMailNamingNoDecisionIsAskedWhichOne() {
        String address = sender();
        try (var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            InboundMailReceived vague = mail(
                    address, "Complaint", "You removed my model and I do not agree. Ref " + UUID.randomUUID(), null);
            send(vague);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appeal-decision-needed", address))
                            .singleElement()
                            .satisfies(m -> {
                                assertThat(m.replyMailbox()).isEqualTo("legal");
                                assertThat(m.threadKey()).startsWith("inquiry:");
                                assertThat(m.parameters()).containsEntry("subjectLine", "Complaint");
                                assertThat(m.inReplyTo()).isEqualTo(vague.messageId());
                            }));
            assertThat(appealsFrom(address)).isZero();

            // The answer names the decision and becomes the appeal.
            DecisionTaken decision = known(db, restriction(newUser("owner"), List.of()));
            send(mail(
                    address,
                    "Re: Which decision?",
                    "It is " + decision.decisionId(),
                    mails(requests, "appeal-decision-needed", address).get(0).threadKey()));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(appealsFrom(address)).isOne());
        }
    }

    @Test
    void aMailThatCannotBeAnAppealIsAnsweredWithTheReason() {
        String address = sender();
        // Nobody's report led to it and it restricted nothing: the sender, not a notifier, has nothing to appeal.
        DecisionTaken decision = known(db, noAction(newUser("owner"), List.of(), false));
        try (var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            InboundMailReceived complaint =
                    mail(address, "Appeal " + decision.decisionId(), "Please restrict it.", null);
            send(complaint);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appeal-refused", address))
                            .singleElement()
                            .satisfies(m -> {
                                assertThat(m.parameters().get("reason")).contains("placed no restriction");
                                assertThat(m.inReplyTo()).isEqualTo(complaint.messageId());
                            }));
        }
        assertThat(appealsFrom(address)).isZero();
    }

    @Test
    void writingAgainAboutTheSameDecisionAddsToTheOpenAppeal() {
        String owner = newUser("owner");
        String address = sender();
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        try (var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            send(mail(
                    address,
                    "Re: Decision",
                    "First: the card is a sponsorship notice.",
                    "decision:" + decision.decisionId()));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(appealsFrom(address)).isOne());
            // Written again on the decision's thread, to feedback@ this time: the open appeal grows, no second one, no
            // refusal.
            InboundMailReceived again = mail(
                    "feedback",
                    address,
                    "Re: Decision",
                    "Second: the sponsor confirmed it in writing.",
                    "decision:" + decision.decisionId());
            send(again);
            // Read twice by the gateway (same Message-ID, new event): added once.
            send(again);
            String appeal = Sql.rows(db, "SELECT id FROM appeal WHERE decision_id = ?", decision.decisionId())
                    .get(0)
                    .get(0)
                    .toString();
            await().atMost(WAIT)
                    .untilAsserted(() -> as(owner, "user")
                            .get("/api/v1/appeals/" + appeal)
                            .then()
                            .body(
                                    "arguments",
                                    org.hamcrest.Matchers.containsString("the sponsor confirmed it in writing")));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appeal-received", address))
                            .filteredOn(m -> again.messageId().equals(m.inReplyTo()))
                            .singleElement()
                            .satisfies(m -> assertThat(m.threadKey()).isEqualTo("appeal:" + appeal)));
            assertThat(mails(requests, "appeal-refused", address)).isEmpty();
        }
        assertThat(appealsFrom(address)).isOne();
        String arguments = Sql.rows(db, "SELECT arguments FROM appeal WHERE decision_id = ?", decision.decisionId())
                .get(0)
                .get(0)
                .toString();
        assertThat(arguments.split("sponsor confirmed it in writing", -1)).hasSize(2);
    }

    @Test
    void aNotifierReplyingOnTheOutcomeThreadMayAppealARestrictionTheyThinkTooWeak() {
        String address = sender();
        DecisionTaken draft = AppealsFixtures.restriction(newUser("owner"), List.of());
        ReportFiled report = mailedReport(address, draft.subject());
        DecisionTaken decision = known(db, AppealReviewTest.withReports(draft, report), report);
        try (var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            // The notifier's outcome mail is on the decision's notifiers' thread; they reply to legal@
            // (plus-addressed).
            InboundMailReceived reply = mail(
                    address,
                    "Re: Outcome of your report",
                    "Disabling the model is not enough: the uploader posts the same casino spam from other repositories.",
                    "outcome:" + decision.decisionId());
            send(reply);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(appealsFrom(address)).isOne());
            // A notifier, told apart from the owner by address: never filed under the owner's account.
            assertThat(Sql.rows(
                                    db,
                                    "SELECT appellant_role, appellant_key, appellant_id, identity_verified, residence FROM appeal "
                                            + "WHERE decision_id = ?",
                                    decision.decisionId())
                            .get(0))
                    .containsExactly("NOTIFIER", "email:" + address, null, true, "AT");
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appeal-received", address))
                            .singleElement()
                            .satisfies(m -> assertThat(m.inReplyTo()).isEqualTo(reply.messageId())));
            assertThat(mails(requests, "appeal-refused", address)).isEmpty();

            // Someone else on the notifiers' thread is a notifier writing from another address, unverified: never filed
            // under the owner's account, for the owner to read.
            String other = sender();
            send(mail(
                    other,
                    "Re: Outcome of your report",
                    "I reported it too, from my other address.",
                    "outcome:" + decision.decisionId()));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(appealsFrom(other)).isOne());
            assertThat(Sql.rows(
                                    db,
                                    "SELECT appellant_role, appellant_key, appellant_id, identity_verified FROM appeal "
                                            + "WHERE lower(appellant_email) = lower(?)",
                                    other)
                            .get(0))
                    .containsExactly("NOTIFIER", "email:" + other, null, false);

            // The owner's reply on their own decision thread is theirs, verified, though notifiers were told too.
            String ownerAddress = sender();
            send(mail(
                    ownerAddress,
                    "Re: Decision on your model",
                    "This is my model; the card is a sponsorship notice.",
                    "decision:" + decision.decisionId()));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(appealsFrom(ownerAddress)).isOne());
            assertThat(Sql.rows(
                                    db,
                                    "SELECT appellant_role, appellant_id, identity_verified FROM appeal "
                                            + "WHERE lower(appellant_email) = lower(?)",
                                    ownerAddress)
                            .get(0))
                    .containsExactly("OWNER", decision.ownerId(), true);
            as(decision.ownerId(), "user")
                    .get("/api/v1/appeals/mine")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(1))
                    .body("items[0].appellantRole", equalTo("OWNER"));

            // Decided: the answer is threaded on the notifier's mail too, and the bodies named follow their country.
            String appeal = Sql.rows(
                            db,
                            "SELECT id FROM appeal WHERE decision_id = ? AND appellant_role = 'NOTIFIER'",
                            decision.decisionId())
                    .get(0)
                    .get(0)
                    .toString();
            as("legal-1", "legal")
                    .body(AppealsFixtures.resolution("MODIFIED", List.of("REMOVE"), "Removal is warranted."))
                    .post("/api/v1/appeals/" + appeal + "/resolve")
                    .then()
                    .statusCode(200);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appeal-decided", address))
                            .singleElement()
                            .satisfies(m -> {
                                assertThat(m.inReplyTo()).isEqualTo(reply.messageId());
                                assertThat(m.threadKey()).isEqualTo("appeal:" + appeal);
                                assertThat(m.parameters())
                                        .containsEntry("recipientCountry", "AT")
                                        .containsKey("settlementBodies")
                                        .doesNotContainKey("regulator");
                            }));
        }
    }

    @Test
    void aMailWhoseMessageIdNoHeaderCanCarryStillGetsItsReceiptUnthreaded() {
        String address = sender();
        DecisionTaken decision = known(db, restriction(newUser("owner"), List.of()));
        InboundMailReceived odd = new InboundMailReceived(
                "legal",
                "no angle brackets " + UUID.randomUUID(),
                null,
                List.of(),
                null,
                address,
                List.of("legal@hub.localhost"),
                "Appeal",
                "I appeal decision " + decision.decisionId(),
                java.time.Instant.now(),
                List.of());
        try (var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            send(odd);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appeal-received", address))
                            .singleElement()
                            .satisfies(m -> assertThat(m.inReplyTo()).isNull()));
        }
        assertThat(appealsFrom(address)).isOne();
    }

    @Test
    void autoRepliesOtherMailboxesAndRedeliveriesNeverMakeASecondAppeal() {
        String address = sender();
        DecisionTaken decision = known(db, restriction(newUser("owner"), List.of()));
        String id = decision.decisionId().toString();
        send(mail(address, "Automatic reply: Appeal " + id, "I am out of office.", null));
        send(mail("MAILER-DAEMON@mail.example.net", "Undelivered Mail Returned to Sender", "Appeal " + id, null));
        // safety@ mail on no thread is a report (reporting's), and a reply on a report's thread is reporting's too,
        // wherever it arrived: keyed for reporting, never read here, even with "appeals" written on it by mistake.
        InboundMailReceived toSafety = mail("safety", address, "Appeal " + id, "Appeal " + id, null);
        send(toSafety);
        InboundMailReceived onReport = mail(address, "Re: Your report", "Appeal " + id, "report:" + UUID.randomUUID());
        send(onReport);
        KafkaProbe.send(
                Topics.MAIL_INBOUND,
                "appeals",
                AppealsFixtures.encode(
                        EventSources.NOTIFICATION_SERVICE,
                        mail("safety", address, "Appeal " + id, "Appeal " + id, null)));
        InboundMailReceived real = mail(address, "Appeal", "I appeal decision " + id, null);
        KafkaProbe requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS);
        send(real);
        // The gateway re-read the inbox: same Message-ID, new event id.
        send(new InboundMailReceived(
                "legal",
                real.messageId(),
                null,
                List.of(),
                null,
                address,
                real.to(),
                real.subjectLine(),
                real.textBody(),
                real.receivedAt(),
                List.of()));
        String marker = sender();
        DecisionTaken other = known(db, restriction(newUser("owner"), List.of()));
        send(mail(marker, "Appeal", "I appeal decision " + other.decisionId(), null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(appealsFrom(marker)).isOne());
        assertThat(appealsFrom(address)).isOne();
        assertThat(appealsFrom("mailer-daemon@mail.example.net")).isZero();
        // The redelivery was recognised as the same mail, not refused as a second appeal.
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(mails(requests, "appeal-received", address)).hasSize(1));
        assertThat(mails(requests, "appeal-refused", address)).isEmpty();
        requests.close();
    }
}
