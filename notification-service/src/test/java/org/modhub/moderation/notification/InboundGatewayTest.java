package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.notification.NotificationFixtures.CODEC;
import static org.modhub.moderation.notification.NotificationFixtures.newRecipient;
import static org.modhub.moderation.notification.NotificationFixtures.publish;
import static org.modhub.moderation.notification.NotificationFixtures.receipt;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.ReceivedMail;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.InjectDevStack;
import org.modhub.moderation.devstack.test.KafkaProbe;

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

/** Mail arriving at safety@, dmca@ and legal@ over the real IMAP server becomes mail.inbound, once, and is filed away. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
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
        assertThat(count(db, "SELECT count(*) FROM inbound_attachment a JOIN inbound_mail m ON m.id = a.mail_id "
                + "WHERE m.message_id = ? AND octet_length(a.content) = a.size", id)).isEqualTo(2);
    }

    @Test
    void aReplyToASentMailComesBackWithItsThread() throws Exception {
        String notifier = newRecipient("replier");
        NotificationRequested request = receipt(notifier);
        publish(request);
        ReceivedMail sent = await().atMost(WAIT).until(() -> devStack.mail().messages(notifier), l -> l.size() == 1).get(0);

        String viaPlusAddress = newId();
        String viaInReplyTo = newId();
        try (KafkaProbe probe = KafkaProbe.from(Topics.MAIL_INBOUND)) {
            // The usual reply: to the plus-addressed Reply-To.
            reply(notifier, sent.replyTo().get(0), viaPlusAddress, sent.messageId(), "Re: " + sent.subject());
            // A reply to the bare address still threads through In-Reply-To.
            reply(notifier, "safety@" + devStack.mail().domain(), viaInReplyTo, sent.messageId(), "Re: " + sent.subject());
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
        await().atMost(WAIT).untilAsserted(() -> assertThat(messageIds("legal", "Processed")).filteredOn(id::equals).hasSize(2));
        assertThat(count(db, "SELECT count(*) FROM kit_outbox WHERE topic = 'mail.inbound' AND payload LIKE ?", "%" + id + "%"))
                .isEqualTo(1);
        assertThat(rows(db, "SELECT disposition FROM inbound_mail WHERE message_id = ?", id)).containsExactly(List.of("PUBLISHED"));
    }

    @Test
    void anAutoReplyIsRecordedButNotPassedOn() throws Exception {
        String id = newId();
        sendSample("auto-reply.eml", id, null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows(db, "SELECT disposition FROM inbound_mail WHERE message_id = ?", id))
                .containsExactly(List.of("AUTOMATED")));
        assertThat(count(db, "SELECT count(*) FROM kit_outbox WHERE payload LIKE ?", "%" + id + "%")).isZero();
        await().atMost(WAIT).untilAsserted(() -> assertThat(messageIds("safety", "Processed")).contains(id));
    }

    @Test
    void unparsableMailIsQuarantinedAndThePollerCarriesOn() throws Exception {
        String bad = newId();
        String good = newId();
        try (KafkaProbe probe = KafkaProbe.from(Topics.MAIL_INBOUND)) {
            sendSample("no-sender.eml", bad, null);
            sendSample("html-only-base64.eml", good, null);
            await().atMost(WAIT).untilAsserted(() -> assertThat(messageIds("safety", "Quarantine")).contains(bad));
            InboundMailReceived html = awaitEvent(probe, good);
            assertThat(html.mailbox()).isEqualTo("dmca");
            assertThat(html.textBody()).contains("please remove this dataset (https://huggingface.co/datasets/acme/leak) & its copies.");
            // A token nobody issued names no thread.
            assertThat(html.threadToken()).isNull();
        }
        assertThat(messageIds("safety", "INBOX")).doesNotContain(bad);
        assertThat(count(db, "SELECT count(*) FROM inbound_mail WHERE message_id = ?", bad)).isZero();
    }

    @Test
    void aHardBounceMarksTheDeliveryAndSuppressesTheAddress() throws Exception {
        String gone = newRecipient("gone");
        NotificationRequested request = receipt(gone);
        publish(request);
        String messageId = await().atMost(WAIT).until(() -> rows(db, "SELECT message_id FROM mail_delivery WHERE idempotency_key = ? "
                + "AND status = 'SENT'", request.idempotencyKey()), r -> !r.isEmpty()).get(0).get(0).toString();

        String bounce = sample("bounce.eml").replace("Gone@Example.org", gone.toUpperCase())
                .replace("gone@example.org", gone)
                .replace("<11111111-2222-4333-8444-555555555555@hub.localhost>", messageId);
        send(bounce, newId(), devStack.mail().sender());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(rows(db, "SELECT status FROM mail_delivery WHERE message_id = ?", messageId)).containsExactly(List.of("BOUNCED"));
            assertThat(count(db, "SELECT count(*) FROM mail_suppression WHERE address = ?", gone)).isEqualTo(1);
        });

        NotificationRequested next = receipt(gone);
        publish(next);
        await().atMost(WAIT).until(() -> rows(db, "SELECT status FROM mail_delivery WHERE idempotency_key = ?", next.idempotencyKey()),
                r -> r.equals(List.of(List.of("SUPPRESSED"))));
        assertThat(devStack.mail().messages(gone)).hasSize(1);
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
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1))) {
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

    private void reply(String from, String to, String messageId, String inReplyTo, String subject) throws MessagingException {
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

    private static InboundMailReceived awaitEvent(KafkaProbe probe, String messageId) {
        return await().atMost(WAIT).until(() -> probe.ofType(InboundMailReceived.TYPE).stream()
                .map(v -> CODEC.data(CODEC.decode(v), InboundMailReceived.class))
                .filter(m -> m.messageId().equals(messageId)).findFirst().orElse(null), m -> m != null);
    }

    /** Message-IDs in a folder of one of our mailboxes, read over IMAP. */
    private List<String> messageIds(String mailbox, String folderName) throws MessagingException {
        List<String> ids = new ArrayList<>();
        try (Store store = Session.getInstance(new java.util.Properties()).getStore("imap")) {
            store.connect(devStack.mail().imapHost(), devStack.mail().imapPort(), devStack.mail().address(mailbox),
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
