package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.devstack.test.Sql.update;
import static org.modhub.moderation.notification.NotificationFixtures.CODEC;
import static org.modhub.moderation.notification.NotificationFixtures.as;
import static org.modhub.moderation.notification.NotificationFixtures.newRecipient;
import static org.modhub.moderation.notification.NotificationFixtures.publish;
import static org.modhub.moderation.notification.NotificationFixtures.receipt;
import static org.modhub.moderation.notification.NotificationFixtures.request;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.ReceivedMail;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.InjectDevStack;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.notification.mail.MailTemplates;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Mail arriving at safety@, dmca@, legal@ and feedback@ over the real IMAP server is routed by its thread: published on
 * mail.inbound (keyed by its owner), once, or kept for staff with a receipt; hostile mail is quarantined once; every
 * message is filed away.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
class InboundGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectDevStack
    DevStack devStack;

    @Inject
    DataSource db;

    @Test
    void aMailIsPublishedWithItsPartsAndMovedToProcessed() throws Exception {
        String id = newId();
        try (KafkaProbe probe = KafkaProbe.from(Topics.MAIL_INBOUND)) {
            sendSample("nested-multipart.eml", id, null);
            InboundMailReceived mail = awaitEvent(probe, id);
            assertThat(mail.mailbox()).isEqualTo("safety");
            assertThat(mail.from()).isEqualTo("jane@example.net");
            assertThat(mail.subjectLine()).isEqualTo("Malware in a model");
            assertThat(mail.textBody()).isEqualTo("The model https://huggingface.co/acme/evil ships a trojan.");
            assertThat(mail.attachments()).extracting(a -> a.name()).containsExactly("shot.png", "scan.pdf");
            assertThat(mail.threadToken()).isNull();
        }
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(messageIds("safety", "Processed")).contains(id);
            assertThat(messageIds("safety", "INBOX")).doesNotContain(id);
        });
        assertThat(count(
                        db,
                        "SELECT count(*) FROM inbound_attachment a JOIN inbound_mail m ON m.id = a.mail_id "
                                + "WHERE m.message_id = ? AND octet_length(a.content) = a.size",
                        id))
                .isEqualTo(2);
    }

    @Test
    void aReplyToASentMailComesBackWithItsThread() throws Exception {
        String notifier = newRecipient("replier");
        NotificationRequested request = receipt(notifier);
        publish(request);
        ReceivedMail sent = await().atMost(WAIT)
                .until(() -> devStack.mail().messages(notifier), l -> l.size() == 1)
                .get(0);

        String viaPlusAddress = newId();
        String viaInReplyTo = newId();
        try (KafkaProbe probe = KafkaProbe.from(Topics.MAIL_INBOUND)) {
            // The usual reply: to the plus-addressed Reply-To.
            reply(notifier, sent.replyTo().get(0), viaPlusAddress, sent.messageId(), "Re: " + sent.subject());
            // A reply to the bare address still threads through In-Reply-To.
            reply(
                    notifier,
                    "safety@" + devStack.mail().domain(),
                    viaInReplyTo,
                    sent.messageId(),
                    "Re: " + sent.subject());
            assertThat(awaitEvent(probe, viaPlusAddress).threadToken()).isEqualTo(request.threadKey());
            InboundMailReceived second = awaitEvent(probe, viaInReplyTo);
            assertThat(second.threadToken()).isEqualTo(request.threadKey());
            assertThat(second.inReplyTo()).isEqualTo(sent.messageId());
        }
    }

    @Test
    void theSameMailDeliveredTwiceIsPublishedOnce() throws Exception {
        String id = newId();
        sendSample("iso-8859-1.eml", id, null);
        sendSample("iso-8859-1.eml", id, null);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(messageIds("legal", "Processed"))
                        .filteredOn(id::equals)
                        .hasSize(2));
        assertThat(count(
                        db,
                        "SELECT count(*) FROM kit_outbox WHERE topic = 'mail.inbound' AND payload LIKE ?",
                        "%" + id + "%"))
                .isEqualTo(1);
        assertThat(rows(db, "SELECT disposition FROM inbound_mail WHERE message_id = ?", id))
                .containsExactly(List.of("PUBLISHED"));
    }

    @Test
    void anAutoReplyIsRecordedButNotPassedOn() throws Exception {
        String id = newId();
        sendSample("auto-reply.eml", id, null);
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(rows(db, "SELECT disposition FROM inbound_mail WHERE message_id = ?", id))
                                .containsExactly(List.of("AUTOMATED")));
        assertThat(count(db, "SELECT count(*) FROM kit_outbox WHERE payload LIKE ?", "%" + id + "%"))
                .isZero();
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(messageIds("safety", "Processed")).contains(id));
    }

    @Test
    void unparsableMailIsQuarantinedAndThePollerCarriesOn() throws Exception {
        String bad = newId();
        String good = newId();
        try (KafkaProbe probe = KafkaProbe.from(Topics.MAIL_INBOUND)) {
            sendSample("no-sender.eml", bad, null);
            sendSample("html-only-base64.eml", good, null);
            await().atMost(WAIT)
                    .untilAsserted(
                            () -> assertThat(messageIds("safety", "Quarantine")).contains(bad));
            InboundMailReceived html = awaitEvent(probe, good);
            assertThat(html.mailbox()).isEqualTo("dmca");
            assertThat(html.textBody())
                    .contains("please remove this dataset (https://huggingface.co/datasets/acme/leak) & its copies.");
            // A token nobody issued names no thread.
            assertThat(html.threadToken()).isNull();
        }
        assertThat(messageIds("safety", "INBOX")).doesNotContain(bad);
        // Recorded as quarantined (issue 21: so it is never parsed again), and nothing published.
        assertThat(rows(db, "SELECT disposition FROM inbound_mail WHERE message_id = ?", bad))
                .containsExactly(List.of("QUARANTINED"));
        assertThat(count(db, "SELECT count(*) FROM kit_outbox WHERE payload LIKE ?", "%" + bad + "%"))
                .isZero();
    }

    @Test
    void aHardBounceMarksTheDeliveryAndSuppressesTheAddress() throws Exception {
        String gone = newRecipient("gone");
        NotificationRequested request = receipt(gone);
        publish(request);
        String messageId = await().atMost(WAIT)
                .until(
                        () -> rows(
                                db,
                                "SELECT message_id FROM mail_delivery WHERE idempotency_key = ? "
                                        + "AND status = 'SENT'",
                                request.idempotencyKey()),
                        r -> !r.isEmpty())
                .get(0)
                .get(0)
                .toString();

        String bounce = sample("bounce.eml")
                .replace("Gone@Example.org", gone.toUpperCase())
                .replace("gone@example.org", gone)
                .replace("<11111111-2222-4333-8444-555555555555@hub.localhost>", messageId);
        send(bounce, newId(), devStack.mail().sender());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(rows(db, "SELECT status FROM mail_delivery WHERE message_id = ?", messageId))
                    .containsExactly(List.of("BOUNCED"));
            assertThat(count(db, "SELECT count(*) FROM mail_suppression WHERE address = ?", gone))
                    .isEqualTo(1);
        });
        // Audited by the bounced delivery, with no address in the append-only log.
        assertThat(rows(
                        db,
                        "SELECT l.action, l.actor FROM kit_audit_log l JOIN mail_delivery d ON l.entity_id = d.id::text "
                                + "WHERE d.message_id = ?",
                        messageId))
                .containsExactly(List.of("ADDRESS_SUPPRESSED", "system:notification-service"));
        assertThat(count(
                        db,
                        "SELECT count(*) FROM kit_audit_log WHERE detail LIKE ? OR entity_id = ?",
                        "%" + gone + "%",
                        gone))
                .isZero();

        NotificationRequested next = receipt(gone);
        publish(next);
        await().atMost(WAIT)
                .until(
                        () -> rows(
                                db,
                                "SELECT status FROM mail_delivery WHERE idempotency_key = ?",
                                next.idempotencyKey()),
                        r -> r.equals(List.of(List.of("SUPPRESSED"))));
        assertThat(devStack.mail().messages(gone)).hasSize(1);
    }

    @Test
    void aFeedbackMailOnNoThreadIsKeptForStaffAndItsSenderGetsAThreadedReceipt() throws Exception {
        String sender = newRecipient("feedback");
        String id = newId();
        String subject = "Your policy on model cards " + UUID.randomUUID();
        MimeMessage mail = plainMail(
                sender,
                devStack.mail().address("feedback"),
                id,
                subject,
                "Why must every model have a card? Regards, Kim");
        devStack.mail().send(mail);

        Map<String, Object> listed = await().atMost(WAIT).until(() -> unmatchedBySubject(subject), m -> m != null);
        assertThat(listed)
                .containsEntry("mailbox", "feedback")
                .containsEntry("from", sender)
                .containsEntry("handled", false);
        String unmatchedId = listed.get("id").toString();
        await().atMost(WAIT)
                .untilAsserted(() -> as("mod-kim", Roles.MODERATOR)
                        .get("/api/v1/mail/unmatched/" + unmatchedId)
                        .then()
                        .statusCode(200)
                        .body("textBody", equalTo("Why must every model have a card? Regards, Kim"))
                        .body("messageId", equalTo(id))
                        .body("receiptStatus", equalTo("SENT")));

        // The receipt: in the sender's mailbox, threaded to their mail, answering to feedback@.
        ReceivedMail receipt = await().atMost(WAIT)
                .until(() -> devStack.mail().messages(sender), l -> !l.isEmpty())
                .get(0);
        assertThat(receipt.subject()).contains("We received your mail").contains(subject);
        assertThat(receipt.text()).contains("staff");
        assertThat(receipt.header("In-Reply-To")).contains(id);
        assertThat(receipt.header("References")).contains(id);
        assertThat(receipt.replyTo()).singleElement().asString().startsWith("feedback+");
        // Not passed to any service.
        assertThat(count(
                        db,
                        "SELECT count(*) FROM kit_outbox WHERE topic = 'mail.inbound' AND payload LIKE ?",
                        "%" + id + "%"))
                .isZero();
        assertThat(rows(db, "SELECT disposition FROM inbound_mail WHERE message_id = ?", id))
                .containsExactly(List.of("KEPT_FOR_STAFF"));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(messageIds("feedback", "Processed")).contains(id));

        // Staff mark it handled (audited); marking it again changes nothing.
        as("mod-kim", Roles.MODERATOR)
                .post("/api/v1/mail/unmatched/" + unmatchedId + "/handled")
                .then()
                .statusCode(200)
                .body("handled", equalTo(true))
                .body("handledBy", equalTo("mod-kim"));
        as("mod-lee", Roles.SENIOR_MODERATOR)
                .post("/api/v1/mail/unmatched/" + unmatchedId + "/handled")
                .then()
                .statusCode(200)
                .body("handledBy", equalTo("mod-kim"));
        assertThat(rows(db, "SELECT actor, action FROM kit_audit_log WHERE entity_id = ?", unmatchedId))
                .containsExactly(List.of("mod-kim", "unmatched-mail.handled"));
        as("aud-1", Roles.AUDITOR)
                .get("/api/v1/mail/unmatched/" + unmatchedId)
                .then()
                .statusCode(200)
                .body("handled", equalTo(true));

        // A reply to the receipt is kept for staff again, without a second receipt (no ping-pong with a robot).
        String replyId = newId();
        reply(sender, receipt.replyTo().get(0), replyId, receipt.messageId(), "Re: " + receipt.subject());
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(rows(
                                db,
                                "SELECT disposition, thread_key FROM inbound_mail " + "WHERE message_id = ?",
                                replyId))
                        .containsExactly(List.of("KEPT_FOR_STAFF", "unmatched:" + unmatchedId)));
        assertThat(count(db, "SELECT count(*) FROM mail_delivery WHERE recipient = ?", sender))
                .isEqualTo(1);
    }

    @Test
    void anAutomatedOrOwnMailAtFeedbackGetsNoReceipt() throws Exception {
        String robot = "no-reply-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String id = newId();
        devStack.mail()
                .send(plainMail(robot, devStack.mail().address("feedback"), id, "Newsletter", "Hello subscribers"));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(rows(db, "SELECT disposition FROM inbound_mail WHERE message_id = ?", id))
                                .containsExactly(List.of("KEPT_FOR_STAFF")));
        assertThat(count(db, "SELECT count(*) FROM mail_delivery WHERE recipient = ?", robot))
                .isZero();
    }

    @Test
    void aReplyToADecisionMailArrivingAtFeedbackGoesToAppeals() throws Exception {
        String owner = newRecipient("owner");
        NotificationRequested decisionMail = request(
                "report-receipt",
                owner,
                "en",
                MailTemplates.byId("report-receipt").orElseThrow().sample(),
                "decision:" + UUID.randomUUID(),
                "legal");
        publish(decisionMail);
        ReceivedMail sent = await().atMost(WAIT)
                .until(() -> devStack.mail().messages(owner), l -> l.size() == 1)
                .get(0);

        String id = newId();
        try (KafkaProbe probe = KafkaProbe.from(Topics.MAIL_INBOUND)) {
            reply(owner, devStack.mail().address("feedback"), id, sent.messageId(), "Re: " + sent.subject());
            ConsumerRecord<String, String> record =
                    await().atMost(WAIT).until(() -> recordOf(probe, id), r -> r != null);
            assertThat(record.key()).isEqualTo("appeals");
            InboundMailReceived event = CODEC.data(CODEC.decode(record.value()), InboundMailReceived.class);
            assertThat(event.mailbox()).isEqualTo("feedback");
            assertThat(event.threadToken()).isEqualTo(decisionMail.threadKey());
        }
        assertThat(count(db, "SELECT count(*) FROM unmatched_mail WHERE message_id = ?", id))
                .isZero();
    }

    @Test
    void hostileHtmlIsQuarantinedOnceAndTheNextGoodReportIsPublishedWithinSeconds() throws Exception {
        String scripts = newId();
        String divs = newId();
        String good = newId();
        String html = newId();
        String safety = devStack.mail().address("safety");
        try (KafkaProbe probe = KafkaProbe.from(Topics.MAIL_INBOUND)) {
            // 1 MB of unclosed <script> tags (the issue's mail, bigger) and 100,000 nested <div>s, HTML only.
            devStack.mail()
                    .send(htmlMail(
                            "attacker@example.net", safety, scripts, "<html><body>" + "<script>".repeat(131_072)));
            devStack.mail()
                    .send(htmlMail(
                            "attacker@example.net", safety, divs, "<html><body>" + "<div>".repeat(100_000) + "x"));
            long sentAt = System.nanoTime();
            devStack.mail()
                    .send(plainMail(
                            "reporter@example.net",
                            safety,
                            good,
                            "Malware",
                            "The model https://huggingface.co/acme/evil ships a trojan."));
            InboundMailReceived report = awaitEvent(probe, good);
            Duration took = Duration.ofNanos(System.nanoTime() - sentAt);
            assertThat(took).as("from sending the good mail to its event").isLessThanOrEqualTo(Duration.ofSeconds(10));
            assertThat(report.textBody()).isEqualTo("The model https://huggingface.co/acme/evil ships a trojan.");

            // An ordinary HTML mail still becomes readable text.
            devStack.mail()
                    .send(
                            htmlMail(
                                    "reporter@example.net",
                                    safety,
                                    html,
                                    "<html><body><p>Hello,</p><p>the model "
                                            + "<a href=\"https://huggingface.co/acme/evil\">acme/evil</a> leaks data.</p><p>Jane</p></body></html>"));
            assertThat(awaitEvent(probe, html).textBody())
                    .isEqualTo("Hello,\n\nthe model acme/evil (https://huggingface.co/acme/evil) leaks data.\n\nJane");
        }
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(messageIds("safety", "Quarantine"))
                    .filteredOn(scripts::equals)
                    .hasSize(1);
            assertThat(messageIds("safety", "Quarantine"))
                    .filteredOn(divs::equals)
                    .hasSize(1);
        });
        assertThat(rows(db, "SELECT disposition FROM inbound_mail WHERE message_id = ?", scripts))
                .containsExactly(List.of("QUARANTINED"));
        assertThat(rows(db, "SELECT disposition FROM inbound_mail WHERE message_id = ?", divs))
                .containsExactly(List.of("QUARANTINED"));
        assertThat(messageIds("safety", "INBOX")).doesNotContain(scripts, divs);
        assertThat(count(
                        db,
                        "SELECT count(*) FROM kit_outbox WHERE payload LIKE ? OR payload LIKE ?",
                        "%" + scripts + "%",
                        "%" + divs + "%"))
                .isZero();
    }

    @Test
    void aMailRecordedAsQuarantinedIsNeverParsedAgainOnlyMoved() throws Exception {
        // As after a poll that recorded the quarantine and then lost the IMAP connection before the move.
        String id = newId();
        update(
                db,
                "INSERT INTO inbound_mail (id, mailbox, message_id, disposition, received_at, reason) "
                        + "VALUES (?, 'safety', ?, 'QUARANTINED', now(), 'parse timed out')",
                UUID.randomUUID(),
                id);
        devStack.mail()
                .send(plainMail(
                        "reporter@example.net", devStack.mail().address("safety"), id, "Readable", "Readable text."));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(messageIds("safety", "Quarantine")).contains(id));
        assertThat(count(db, "SELECT count(*) FROM inbound_mail WHERE message_id = ?", id))
                .isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM kit_outbox WHERE payload LIKE ?", "%" + id + "%"))
                .isZero();
    }

    @Test
    void anOversizedMailIsQuarantinedWithoutBeingRead() throws Exception {
        String id = newId();
        // Over the test profile's 3 MB limit.
        devStack.mail()
                .send(plainMail(
                        "reporter@example.net",
                        devStack.mail().address("dmca"),
                        id,
                        "Huge",
                        "0123456789abcdef\n".repeat(200_000)));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(messageIds("dmca", "Quarantine")).contains(id));
        assertThat(rows(db, "SELECT disposition FROM inbound_mail WHERE message_id = ?", id))
                .containsExactly(List.of("QUARANTINED"));
        assertThat(rows(db, "SELECT reason FROM inbound_mail WHERE message_id = ?", id)
                        .get(0)
                        .get(0)
                        .toString())
                .startsWith("larger than");
    }

    // --- helpers ---

    private static String newId() {
        return "<" + UUID.randomUUID() + "@sender.example>";
    }

    private static String sample(String name) throws Exception {
        return new String(MimeParserTest.raw(name), StandardCharsets.ISO_8859_1);
    }

    /** Sends a sample with a fresh Message-ID to the mailbox named in its To header (or {@code to}). */
    private void sendSample(String name, String messageId, String to) throws Exception {
        send(sample(name), messageId, to);
    }

    private void send(String raw, String messageId, String to) throws MessagingException {
        String text = raw.replaceFirst("(?m)^Message-ID: .*$", "Message-ID: " + messageId.replace("$", "\\$"));
        Session session = devStack.mail().smtpSession();
        MimeMessage message =
                new MimeMessage(session, new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1))) {
                    @Override
                    protected void updateMessageID() {
                        // keep the sample's Message-ID
                    }

                    @Override
                    protected void updateHeaders() {
                        // send the sample's bytes as they are
                    }
                };
        if (to != null) {
            message.setRecipients(Message.RecipientType.TO, to);
        }
        devStack.mail().send(message);
    }

    private void reply(String from, String to, String messageId, String inReplyTo, String subject)
            throws MessagingException {
        MimeMessage reply = new MimeMessage(devStack.mail().smtpSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        reply.setFrom(new InternetAddress(from));
        reply.setRecipients(Message.RecipientType.TO, to);
        reply.setSubject(subject);
        reply.setHeader("In-Reply-To", inReplyTo);
        reply.setHeader("References", inReplyTo);
        reply.setText("Here is more: https://huggingface.co/acme/evil/discussions/3", "UTF-8");
        devStack.mail().send(reply);
    }

    private MimeMessage plainMail(String from, String to, String messageId, String subject, String text)
            throws MessagingException {
        MimeMessage message = withId(messageId);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        return message;
    }

    private MimeMessage htmlMail(String from, String to, String messageId, String html) throws MessagingException {
        MimeMessage message = withId(messageId);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject("Look at this", "UTF-8");
        message.setContent(html, "text/html; charset=UTF-8");
        return message;
    }

    private MimeMessage withId(String messageId) {
        return new MimeMessage(devStack.mail().smtpSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> unmatchedBySubject(String subject) {
        List<Map<String, Object>> items = as("mod-kim", Roles.MODERATOR)
                .get("/api/v1/mail/unmatched?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return items.stream()
                .filter(m -> subject.equals(m.get("subjectLine")))
                .findFirst()
                .orElse(null);
    }

    private static ConsumerRecord<String, String> recordOf(KafkaProbe probe, String messageId) {
        return probe.poll().stream()
                .filter(r -> r.value().contains(messageId))
                .findFirst()
                .orElse(null);
    }

    private static InboundMailReceived awaitEvent(KafkaProbe probe, String messageId) {
        return await().atMost(WAIT)
                .until(
                        () -> probe.ofType(InboundMailReceived.TYPE).stream()
                                .map(v -> CODEC.data(CODEC.decode(v), InboundMailReceived.class))
                                .filter(m -> m.messageId().equals(messageId))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
    }

    /** Message-IDs in a folder of one of our mailboxes, read over IMAP. */
    private List<String> messageIds(String mailbox, String folderName) throws MessagingException {
        List<String> ids = new ArrayList<>();
        try (Store store = Session.getInstance(new java.util.Properties()).getStore("imap")) {
            store.connect(
                    devStack.mail().imapHost(),
                    devStack.mail().imapPort(),
                    devStack.mail().address(mailbox),
                    devStack.mail().password(mailbox));
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return ids;
            }
            folder.open(Folder.READ_ONLY);
            for (Message m : folder.getMessages()) {
                String[] id = m.getHeader("Message-ID");
                if (id != null) {
                    ids.add(id[0].strip());
                }
            }
            folder.close(false);
        }
        return ids;
    }
}
