package org.modhub.moderation.dmca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.dmca.DmcaFixtures.HUB;
import static org.modhub.moderation.dmca.DmcaFixtures.WAIT;
import static org.modhub.moderation.dmca.DmcaFixtures.accept;
import static org.modhub.moderation.dmca.DmcaFixtures.as;
import static org.modhub.moderation.dmca.DmcaFixtures.awaitMail;
import static org.modhub.moderation.dmca.DmcaFixtures.claimantEmail;
import static org.modhub.moderation.dmca.DmcaFixtures.counterNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.events;
import static org.modhub.moderation.dmca.DmcaFixtures.mailOf;
import static org.modhub.moderation.dmca.DmcaFixtures.mailTo;
import static org.modhub.moderation.dmca.DmcaFixtures.sendNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.sendRouted;
import static org.modhub.moderation.dmca.DmcaFixtures.unique;
import static org.modhub.moderation.dmca.DmcaFixtures.uploader;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.CounterNoticeReceived;
import org.modhub.moderation.contracts.event.dmca.CourtActionReported;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * Replies on a notice's or a takedown's thread, whatever mailbox they reach: the claimant's court-action
 * evidence is attached to the notice for legal to confirm (never a new notice), the uploader's reply is a
 * counter-notice checked for 512(g)(3), every sender gets a receipt answering their mail, and the audit
 * trail shows who did what.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
class ThreadRepliesTest {

    @Inject
    MutableClock clock;

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private record Countered(
            String noticeId, String claimant, String uploader, String repo, String counterId, Instant restoreAt) {}

    /** An accepted notice whose uploader counter-notified by REST. */
    private static Countered countered() {
        String uploader = uploader();
        String repo = uploader + "/model";
        String claimant = claimantEmail();
        String noticeId = sendNotice(claimant, HUB + repo);
        accept(noticeId, uploader);
        Map<?, ?> c = as(uploader, "user")
                .body(counterNotice(HUB + repo))
                .post("/api/v1/dmca/notices/" + noticeId + "/counter-notices")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        return new Countered(
                noticeId, claimant, uploader, repo, (String) c.get("id"), Instant.parse((String) c.get("restoreAt")));
    }

    private static final String EVIDENCE = """
            Dear Copyright Agent,

            as your mail asked, here is the evidence: we filed suit against the uploader on 20 November 2026,
            U.S. District Court for the Central District of California, case no. 2:26-cv-01234.
            The complaint as filed: https://acme-pictures.example/complaint-2-26-cv-01234.pdf

            > We will restore the material unless you tell us that you have filed an action seeking a
            > court order against the uploader. Reply to this mail with the evidence.
            """;

    @Test
    void courtActionEvidenceMailedOnTheNoticeThreadAwaitsLegalAndItsConfirmationStopsTheClock() {
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            Countered c = countered();
            // The forwarded counter-notice tells the claimant to reply with the evidence: they do, with the complaint
            // attached.
            NotificationRequested forwarded = awaitMail(
                    mails,
                    m -> m.recipientEmail().equals(c.claimant())
                            && m.templateId().equals("dmca-counter-notice-forwarded"));
            var reply = mailTo(
                    "dmca",
                    "Jane Roe <" + c.claimant() + ">",
                    "Re: Counter-notice to your DMCA notice",
                    EVIDENCE,
                    forwarded.threadKey(),
                    List.of(new MailAttachment("complaint.pdf", "application/pdf", 183_422)));
            sendRouted(reply);

            NotificationRequested receipt = awaitMail(
                    mails,
                    m -> m.recipientEmail().equals(c.claimant())
                            && reply.messageId().equals(m.inReplyTo()));
            assertThat(receipt.threadKey()).isEqualTo("dmca_notice:" + c.noticeId());
            assertThat(receipt.parameters()).containsEntry("received", "court-action-evidence");
            // Never a new, incomplete notice.
            assertThat(count(db, "SELECT count(*) FROM dmca_notice WHERE sender_email = ?", c.claimant()))
                    .isEqualTo(1);

            // Legal sees it awaiting confirmation, in the list and on the notice; the clock still runs.
            String evidenceId = as("legal-1", "legal")
                    .get("/api/v1/dmca/evidence")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .param("n", c.noticeId())
                    .getString("items.find { it.noticeId == n }.id");
            assertThat(evidenceId).isNotNull();
            as("legal-1", "legal")
                    .get("/api/v1/dmca/notices/" + c.noticeId())
                    .then()
                    .statusCode(200)
                    .body("mail[0].kind", equalTo("COURT_ACTION_EVIDENCE"))
                    .body("mail[0].status", equalTo("AWAITING_CONFIRMATION"))
                    .body("mail[0].counterNoticeId", equalTo(c.counterId()))
                    .body("mail[0].links", hasItem("https://acme-pictures.example/complaint-2-26-cv-01234.pdf"))
                    .body("mail[0].attachments[0].name", equalTo("complaint.pdf"))
                    .body("takedowns[0].counterNotice.status", equalTo("RUNNING"));
            assertThat(events(
                            events,
                            CourtActionReported.TYPE,
                            CourtActionReported.class,
                            e -> e.noticeId().toString().equals(c.noticeId())))
                    .isEmpty();

            // Only legal confirms, naming what the mail shows; the link to the complaint is taken from the mail.
            as("mod-1", "moderator")
                    .body(Map.of("court", "C.D. Cal.", "caseNumber", "2:26-cv-01234", "filedOn", "2026-11-20"))
                    .post("/api/v1/dmca/evidence/" + evidenceId + "/confirm")
                    .then()
                    .statusCode(403);
            as("legal-1", "legal")
                    .body(Map.of("court", "C.D. Cal."))
                    .post("/api/v1/dmca/evidence/" + evidenceId + "/confirm")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.hasItems("caseNumber", "filedOn"));
            as("legal-2", "legal")
                    .body(Map.of("court", "C.D. Cal.", "caseNumber", "2:26-cv-01234", "filedOn", "2026-11-20"))
                    .post("/api/v1/dmca/evidence/" + evidenceId + "/confirm")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("CONFIRMED"))
                    .body("decidedBy", equalTo("legal-2"));
            as("legal-2", "legal")
                    .body(Map.of("court", "C.D. Cal.", "caseNumber", "2:26-cv-01234", "filedOn", "2026-11-20"))
                    .post("/api/v1/dmca/evidence/" + evidenceId + "/confirm")
                    .then()
                    .statusCode(409);

            // Exactly as a court action entered by REST: the event, the uploader told, the clock cancelled, a strike.
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    CourtActionReported.TYPE,
                                    CourtActionReported.class,
                                    e -> e.counterNoticeId().toString().equals(c.counterId())))
                            .hasSize(1));
            awaitMail(
                    mails,
                    m -> c.uploader().equals(m.recipientUserId())
                            && m.templateId().equals("dmca-court-action-reported")
                            && "2:26-cv-01234".equals(m.parameters().get("caseNumber")));
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_timer WHERE kind = 'dmca.restore' AND timer_key = ? AND cancelled_at IS NOT NULL",
                            c.counterId()))
                    .isEqualTo(1);
            as("legal-1", "legal")
                    .get("/api/v1/dmca/notices/" + c.noticeId())
                    .then()
                    .statusCode(200)
                    .body("takedowns[0].status", equalTo("UPHELD"))
                    .body("takedowns[0].counterNotice.status", equalTo("COURT_ACTION"))
                    .body(
                            "takedowns[0].counterNotice.courtAction.documentUrl",
                            equalTo("https://acme-pictures.example/complaint-2-26-cv-01234.pdf"))
                    .body("takedowns[0].counterNotice.courtAction.evidenceId", equalTo(evidenceId));
            as("legal-1", "legal")
                    .get("/api/v1/dmca/strikes/" + c.uploader())
                    .then()
                    .statusCode(200)
                    .body("strikes", equalTo(1));

            // The audit trail: legal's confirmation under legal's id, the mail under the service's; auditors read it,
            // moderators don't.
            var log = as("auditor-1", "auditor")
                    .queryParam("entityId", c.counterId())
                    .get("/api/v1/audit-log")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(log.getList("items.action", String.class))
                    .contains("COUNTER_NOTICE_ACCEPTED", "COURT_ACTION_CONFIRMED");
            assertThat(log.getString("items.find { it.action == 'COURT_ACTION_CONFIRMED' }.actor"))
                    .isEqualTo("legal-2");
            assertThat(log.getString("items.find { it.action == 'COUNTER_NOTICE_ACCEPTED' }.actor"))
                    .isEqualTo(c.uploader());
            var evidenceLog = as("auditor-1", "auditor")
                    .queryParam("entityId", evidenceId)
                    .get("/api/v1/audit-log")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(evidenceLog.getList("items.action", String.class))
                    .containsExactly("COURT_ACTION_EVIDENCE_RECEIVED_BY_MAIL", "EVIDENCE_CONFIRMED");
            assertThat(evidenceLog.getList("items.actor", String.class))
                    .containsExactly("system:dmca-service", "legal-2");
            as("mod-1", "moderator")
                    .get("/api/v1/audit-log")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void evidenceStillAwaitingLegalWhenTheClockRunsOutHoldsTheRestorationUntilLegalDismissesIt() {
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            Countered c = countered();
            // Sent to safety@ by mistake, on the notice's thread: it still reaches the notice.
            var reply = mailTo(
                    "safety",
                    c.claimant(),
                    "Re: Counter-notice",
                    "We object and will sue. See attached.",
                    "dmca_notice:" + c.noticeId(),
                    List.of(new MailAttachment("letter.pdf", "application/pdf", 1_024)));
            assertThat(reply.partitionKey()).isEqualTo("dmca");
            sendRouted(reply);
            awaitMail(
                    mails,
                    m -> m.recipientEmail().equals(c.claimant())
                            && reply.messageId().equals(m.inReplyTo()));

            clock.travelPast(c.restoreAt());
            await().atMost(WAIT)
                    .until(() -> count(
                                    db,
                                    "SELECT count(*) FROM dmca_counter_notice WHERE id = ?::uuid AND status = ?",
                                    c.counterId(),
                                    "EVIDENCE_PENDING")
                            == 1);
            assertThat(events(
                            events,
                            ContentRestored.TYPE,
                            ContentRestored.class,
                            e -> e.noticeId().toString().equals(c.noticeId())))
                    .isEmpty();
            String evidenceId =
                    String.valueOf(rows(db, "SELECT id FROM dmca_thread_mail WHERE notice_id = ?::uuid", c.noticeId())
                            .get(0)
                            .get(0));

            as("legal-1", "legal")
                    .body(Map.of())
                    .post("/api/v1/dmca/evidence/" + evidenceId + "/dismiss")
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("reason"));
            as("legal-1", "legal")
                    .body(Map.of("reason", "A letter threatening suit is not a filed action."))
                    .post("/api/v1/dmca/evidence/" + evidenceId + "/dismiss")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("DISMISSED"));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    ContentRestored.TYPE,
                                    ContentRestored.class,
                                    e -> e.counterNoticeId().toString().equals(c.counterId())))
                            .hasSize(1));
            awaitMail(
                    mails,
                    m -> c.uploader().equals(m.recipientUserId())
                            && m.templateId().equals("dmca-restoration-done"));
            assertThat(rows(
                            db,
                            "SELECT actor FROM kit_audit_log WHERE entity_id = ? AND action = ? ORDER BY id",
                            c.counterId(),
                            "RESTORATION_HELD_FOR_EVIDENCE"))
                    .containsExactly(List.of("system:dmca-service"));
            assertThat(rows(
                            db,
                            "SELECT actor FROM kit_audit_log WHERE entity_id = ? AND action = ? ORDER BY id",
                            c.counterId(),
                            "CONTENT_RESTORED"))
                    .containsExactly(List.of("legal-1"));
        }
    }

    @Test
    void evidenceReceivedBeforeTheDeadlineIsConfirmedAfterItAndTheContentStaysDisabled() {
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            Countered c = countered();
            var reply = mailTo(
                    "dmca", c.claimant(), "Re: Counter-notice", EVIDENCE, "dmca_notice:" + c.noticeId(), List.of());
            sendRouted(reply);
            awaitMail(
                    mails,
                    m -> m.recipientEmail().equals(c.claimant())
                            && reply.messageId().equals(m.inReplyTo()));
            clock.travelPast(c.restoreAt());
            await().atMost(WAIT)
                    .until(() -> count(
                                    db,
                                    "SELECT count(*) FROM dmca_counter_notice WHERE id = ?::uuid AND status = ?",
                                    c.counterId(),
                                    "EVIDENCE_PENDING")
                            == 1);
            String evidenceId =
                    String.valueOf(rows(db, "SELECT id FROM dmca_thread_mail WHERE notice_id = ?::uuid", c.noticeId())
                            .get(0)
                            .get(0));
            // The statute counts when the evidence was received: legal's confirmation after the deadline still stops
            // the clock.
            as("legal-1", "legal")
                    .body(Map.of("court", "C.D. Cal.", "caseNumber", "2:26-cv-01234", "filedOn", "2026-11-20"))
                    .post("/api/v1/dmca/evidence/" + evidenceId + "/confirm")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("CONFIRMED"));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    CourtActionReported.TYPE,
                                    CourtActionReported.class,
                                    e -> e.counterNoticeId().toString().equals(c.counterId())))
                            .hasSize(1));
            assertThat(events(
                            events,
                            ContentRestored.TYPE,
                            ContentRestored.class,
                            e -> e.noticeId().toString().equals(c.noticeId())))
                    .isEmpty();
            assertThat(count(
                            db,
                            "SELECT count(*) FROM dmca_counter_notice WHERE id = ?::uuid AND status = 'COURT_ACTION'",
                            c.counterId()))
                    .isEqualTo(1);
        }
    }

    @Test
    void anUploadersReplyOnTheTakedownThreadIsACounterNoticeCheckedFor512g3() {
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            String uploader = uploader();
            String repo = uploader + "/model";
            String claimant = claimantEmail();
            String noticeId = sendNotice(claimant, HUB + repo);
            accept(noticeId, uploader);
            // The address the hub directory has on file: the takedown mail went there, the reply comes from it.
            String uploaderEmail = mailOf(uploader);
            NotificationRequested takedownMail = awaitMail(
                    mails,
                    m -> uploader.equals(m.recipientUserId()) && m.templateId().equals("dmca-takedown-uploader"));

            // First reply: the statement of mistake, but no consents, no address.
            var first = mailTo(
                    "dmca",
                    "John Doe <" + uploaderEmail + ">",
                    "Re: Access was disabled",
                    String.join(
                            "\r\n",
                            "This is a counter-notice for " + HUB + repo + ".",
                            "I swear, under penalty of perjury, that I have a good faith belief that",
                            "the material was removed as a result of mistake or misidentification.",
                            "/s/ John Doe",
                            "Name: John Doe",
                            "Phone: +1 217 555 0142"),
                    takedownMail.threadKey(),
                    List.of());
            sendRouted(first);
            NotificationRequested answer = awaitMail(
                    mails,
                    m -> uploaderEmail.equals(m.recipientEmail())
                            && first.messageId().equals(m.inReplyTo()));
            assertThat(answer.templateId()).isEqualTo("dmca-takedown-uploader");
            assertThat(answer.parameters().get("counterNoticeDeficiencies"))
                    .contains("address")
                    .contains("consentToJurisdiction")
                    .contains("consentToServiceOfProcess")
                    .doesNotContain("signature:");
            assertThat(count(db, "SELECT count(*) FROM dmca_counter_notice WHERE notice_id = ?::uuid", noticeId))
                    .isZero();

            // Second reply completes it, read with the first; wrapped and quoted as clients do.
            var second = mailTo(
                    "legal",
                    uploaderEmail,
                    "Re: Access was disabled",
                    String.join(
                            "\r\n",
                            "Address: 10 Main Street, Springfield, IL 62701",
                            "> I consent to the jurisdiction of the Federal District Court for the",
                            "> judicial district in which my address is located, and I will accept",
                            "> service of process from the person who provided the notification."),
                    takedownMail.threadKey(),
                    List.of());
            sendRouted(second);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    CounterNoticeReceived.TYPE,
                                    CounterNoticeReceived.class,
                                    e -> e.noticeId().toString().equals(noticeId)))
                            .singleElement()
                            .satisfies(e -> assertThat(e.uploaderId()).isEqualTo(uploader)));
            NotificationRequested scheduled = awaitMail(
                    mails,
                    m -> uploaderEmail.equals(m.recipientEmail())
                            && m.templateId().equals("dmca-restoration-scheduled"));
            assertThat(scheduled.inReplyTo()).isEqualTo(second.messageId());
            var forwarded = awaitMail(
                    mails,
                    m -> claimant.equals(m.recipientEmail()) && m.templateId().equals("dmca-counter-notice-forwarded"));
            assertThat(forwarded.parameters().get("counterNoticeText"))
                    .contains("John Doe")
                    .contains("10 Main Street");
            assertThat(rows(
                                    db,
                                    "SELECT name, address, phone, status FROM dmca_counter_notice WHERE notice_id = ?::uuid",
                                    noticeId)
                            .get(0))
                    .containsExactly("John Doe", "10 Main Street, Springfield, IL 62701", "+1 217 555 0142", "RUNNING");

            // A third mail adds to the counter-notice: kept for staff, answered.
            var third = mailTo(
                    "dmca",
                    uploaderEmail,
                    "Re: Access was disabled",
                    "My licence: https://example.org/licence.txt",
                    takedownMail.threadKey(),
                    List.of());
            sendRouted(third);
            awaitMail(
                    mails,
                    m -> uploaderEmail.equals(m.recipientEmail())
                            && third.messageId().equals(m.inReplyTo()));
            as("legal-1", "legal")
                    .get("/api/v1/dmca/notices/" + noticeId)
                    .then()
                    .statusCode(200)
                    .body(
                            "mail.kind",
                            org.hamcrest.Matchers.contains(
                                    "COUNTER_NOTICE", "COUNTER_NOTICE", "COUNTER_NOTICE_ADDITION"))
                    .body("mail.status", org.hamcrest.Matchers.contains("ACCEPTED", "ACCEPTED", "NOTED"))
                    .body("mail[1].mailbox", equalTo("legal"));
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_audit_log WHERE action = 'COUNTER_NOTICE_REFUSED' AND actor = ?",
                            "system:dmca-service"))
                    .isPositive();
            assertThat(count(db, "SELECT count(*) FROM dmca_notice WHERE sender_email = ?", uploaderEmail))
                    .isZero();
        }
    }

    @Test
    void aStrangersMailOnATakedownThreadIsNoCounterNotice() {
        String uploader = uploader();
        String repo = uploader + "/model";
        String noticeId = sendNotice(claimantEmail(), HUB + repo);
        accept(noticeId, uploader);
        String takedownId = as("legal-1", "legal")
                .get("/api/v1/dmca/notices/" + noticeId)
                .then()
                .extract()
                .path("takedowns[0].id");
        String stranger = unique("stranger") + "@mail.example";
        sendRouted(mailTo(
                "dmca",
                stranger,
                "Re: takedown",
                String.join(
                        "\n",
                        "Counter-notice for " + HUB + repo,
                        "/s/ Eve",
                        "Name: Eve",
                        "Address: 1 Road",
                        "Phone: 555",
                        "Under penalty of perjury I have a good faith belief this was a mistake or misidentification.",
                        "I consent to the jurisdiction of the court and will accept service of process."),
                "dmca_takedown:" + takedownId,
                List.of()));
        await().atMost(WAIT)
                .until(() -> count(db, "SELECT count(*) FROM dmca_thread_mail WHERE sender_email = ?", stranger) == 1);
        assertThat(rows(db, "SELECT kind, status FROM dmca_thread_mail WHERE sender_email = ?", stranger)
                        .get(0))
                .containsExactly("CORRESPONDENCE", "NOTED");
        assertThat(count(db, "SELECT count(*) FROM dmca_counter_notice WHERE notice_id = ?::uuid", noticeId))
                .isZero();
    }
}
