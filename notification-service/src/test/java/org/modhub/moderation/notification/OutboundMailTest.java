package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.notification.NotificationFixtures.newRecipient;
import static org.modhub.moderation.notification.NotificationFixtures.publish;
import static org.modhub.moderation.notification.NotificationFixtures.publishRaw;
import static org.modhub.moderation.notification.NotificationFixtures.receipt;
import static org.modhub.moderation.notification.NotificationFixtures.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.ReceivedMail;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.InjectDevStack;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.notification.mail.ImapConnector;
import org.modhub.moderation.notification.mail.JournalPurge;
import org.modhub.moderation.notification.mail.MailTemplates;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;

/** Requests on notifications.requests become real mail through the real SMTP server, once per idempotency key. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
class OutboundMailTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectDevStack
    DevStack devStack;

    @Inject
    DataSource db;

    @Inject
    JournalPurge journalPurge;

    @Inject
    ImapConnector imap;

    @ConfigProperty(name = "notification.outbound.journal.user")
    String journalUser;

    @ConfigProperty(name = "notification.outbound.journal.password")
    String journalPassword;

    private List<ReceivedMail> inbox(String address) {
        return devStack.mail().messages(address);
    }

    private List<Object> delivery(String idempotencyKey) {
        List<List<Object>> found = rows(
                db,
                "SELECT status, attempts, message_id, last_error, thread_key, subject_line "
                        + "FROM mail_delivery WHERE idempotency_key = ?",
                idempotencyKey);
        return found.isEmpty() ? null : found.get(0);
    }

    @Test
    void anAnswerToAPersonsMailCarriesInReplyToAndReferencesSoTheirClientThreadsIt() {
        String to = newRecipient("answered");
        String theirMail = "<" + java.util.UUID.randomUUID() + "@mail.example.net>";
        NotificationRequested request = receipt(to).inReplyTo(theirMail);
        publish(request);

        ReceivedMail mail = await().atMost(WAIT)
                .until(() -> inbox(to), list -> list.size() == 1)
                .get(0);
        assertThat(mail.header("In-Reply-To")).contains(theirMail);
        assertThat(mail.header("References")).contains(theirMail);
        assertThat(rows(
                        db,
                        "SELECT in_reply_to FROM mail_delivery WHERE idempotency_key = ?",
                        request.idempotencyKey()))
                .containsExactly(List.of(theirMail));
        // A mail that answers nothing carries neither.
        String other = newRecipient("unanswered");
        publish(receipt(other));
        ReceivedMail plain = await().atMost(WAIT)
                .until(() -> inbox(other), list -> list.size() == 1)
                .get(0);
        assertThat(plain.header("In-Reply-To")).isEmpty();
        assertThat(plain.header("References")).isEmpty();
    }

    @Test
    void aRequestedMailArrivesWithItsMessageIdAndAThreadedReplyTo() {
        String to = newRecipient("notifier");
        NotificationRequested request = receipt(to);
        publish(request);

        ReceivedMail mail = await().atMost(WAIT)
                .until(() -> inbox(to), list -> list.size() == 1)
                .get(0);
        List<Object> row = await().atMost(WAIT)
                .until(() -> delivery(request.idempotencyKey()), r -> r != null && "SENT".equals(r.get(0)));
        assertThat(mail.messageId()).isEqualTo(row.get(2)).matches("<[0-9a-f-]{36}@hub\\.localhost>");
        assertThat(mail.from()).isEqualTo(devStack.mail().sender());
        assertThat(mail.subject())
                .isEqualTo("We received your report " + request.parameters().get("reportId"));
        // The subject key is shown by name (issue 21: mails a person can read).
        assertThat(mail.text())
                .contains("the model acme/llama-7b")
                .contains(request.parameters().get("reportId"));
        assertThat(mail.html()).contains("<p>").contains(request.parameters().get("reportId"));
        assertThat(mail.header("Auto-Submitted")).contains("auto-generated");
        assertThat(mail.headers()).doesNotContainKey("Bcc");
        assertThat(row.get(1)).isEqualTo(1);
        // Its journal copy stays where the sender looks before any re-send, through several polls of the gateway
        // (which reads the same mailbox for bounces and once moved these copies away as auto-replies), and the gateway
        // does not even fetch it: it stays unread.
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> journalHasUnread(mail.messageId()));

        // Reply-To: safety+<token>@hub.localhost, and the token stands for this report's thread, not anything else.
        assertThat(mail.replyTo()).singleElement().asString().matches("safety\\+t[a-z2-7]{24}@hub\\.localhost");
        String token = mail.replyTo()
                .get(0)
                .substring("safety+".length(), mail.replyTo().get(0).indexOf('@'));
        assertThat(rows(db, "SELECT thread_key FROM mail_thread WHERE token = ?", token))
                .containsExactly(List.of(request.threadKey()));
    }

    @Test
    void aQueuedMailKeepsTheTraceOfTheRequestThatAskedForIt() {
        String to = newRecipient("traced");
        NotificationRequested request = receipt(to);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        publishRaw(
                request.threadKey(),
                NotificationFixtures.CODEC.encode(EventEnvelope.of(EventSources.REPORTING_SERVICE, request)
                        .withTrace("00-" + traceId + "-00f067aa0ba902b7-01", null)));

        await().atMost(WAIT).until(() -> inbox(to), list -> list.size() == 1);
        // The consumer's span in the requester's trace: the sender's "smtp send" span is its child.
        assertThat(rows(
                        db,
                        "SELECT traceparent FROM mail_delivery WHERE idempotency_key = ?",
                        request.idempotencyKey()))
                .singleElement()
                .satisfies(row -> assertThat((String) row.get(0))
                        .startsWith("00-" + traceId + "-")
                        .doesNotContain("00f067aa0ba902b7"));
    }

    @Test
    void aRedeliveredRequestOrARepeatedIdempotencyKeySendsNothingNew() {
        String to = newRecipient("redelivered");
        NotificationRequested first = receipt(to);
        String event = publish(first);
        publishRaw(first.threadKey(), event);
        // The same idempotency key in a new event (the producer queued it twice).
        publish(first);
        // A different mail in the same thread comes after them on the same partition: once it is out, they were
        // handled.
        Map<String, String> location = Map.of("reportId", first.parameters().get("reportId"));
        NotificationRequested marker =
                request("report-location-request", to, "en", location, first.threadKey(), "safety");
        publish(marker);

        await().atMost(WAIT).until(() -> delivery(marker.idempotencyKey()), r -> r != null && "SENT".equals(r.get(0)));
        assertThat(inbox(to))
                .hasSize(2)
                .extracting(ReceivedMail::subject)
                .containsOnlyOnce(
                        "We received your report " + first.parameters().get("reportId"));
        assertThat(count(db, "SELECT count(*) FROM mail_delivery WHERE idempotency_key = ?", first.idempotencyKey()))
                .isEqualTo(1);
    }

    @Test
    void whileSmtpIsDownTheMailWaitsAndGoesOutOnceWhenItIsBack() {
        String to = newRecipient("outage");
        NotificationRequested request = receipt(to);
        devStack.mail().stop();
        try {
            publish(request);
            List<Object> waiting = await().atMost(WAIT)
                    .until(
                            () -> delivery(request.idempotencyKey()),
                            r -> r != null && "QUEUED".equals(r.get(0)) && ((Integer) r.get(1)) >= 2);
            assertThat((String) waiting.get(3)).isNotBlank();
        } finally {
            devStack.mail().start();
        }
        await().atMost(WAIT).until(() -> delivery(request.idempotencyKey()), r -> "SENT".equals(r.get(0)));
        assertThat(inbox(to)).hasSize(1);
    }

    @Test
    void aSendInterruptedByACrashIsNotRepeatedWhenTheServerHadIt() throws Exception {
        // Two mails whose sender died mid-way (SENDING, lease lapsed): the first had reached the server (its journal
        // copy exists), the second had not.
        String to = newRecipient("crash");
        UUID reached = interruptedDelivery(to);
        UUID lost = interruptedDelivery(to);
        String reachedMessageId = (String) rows(db, "SELECT message_id FROM mail_delivery WHERE id = ?", reached)
                .get(0)
                .get(0);
        journalCopy(reachedMessageId);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(rows(db, "SELECT status, last_error FROM mail_delivery WHERE id = ?", reached))
                    .containsExactly(List.of("SENT", "confirmed by the journal after an interrupted attempt"));
            assertThat(rows(db, "SELECT status FROM mail_delivery WHERE id = ?", lost))
                    .containsExactly(List.of("SENT"));
        });
        String lostMessageId = (String) rows(db, "SELECT message_id FROM mail_delivery WHERE id = ?", lost)
                .get(0)
                .get(0);
        assertThat(inbox(to)).extracting(ReceivedMail::messageId).containsExactly(lostMessageId);
    }

    @Test
    void theJournalPurgeKeepsFreshCopiesAndThoseARetryStillNeeds() throws Exception {
        // Three days old by the mail server's clock: one copy of a mail whose retry is still ahead (QUEUED after a
        // failed attempt), one of a mail long settled. A fresh copy marks the server's "now".
        String to = newRecipient("purge");
        UUID pending = UUID.randomUUID();
        String pendingMessageId = "<" + pending + "@hub.localhost>";
        Sql.update(
                db,
                "INSERT INTO mail_delivery (id, idempotency_key, request_event_id, template_id, locale, recipient, "
                        + "thread_key, reply_mailbox, parameters, message_id, subject_line, status, attempts, next_attempt_at, "
                        + "requested_at, created_at, updated_at) VALUES (?, ?, ?, 'report-location-request', 'en', ?, 'report:x', "
                        + "'safety', '{}', ?, 'x', 'QUEUED', 1, now() + interval '1 day', now(), now(), now())",
                pending,
                "retry:" + pending,
                UUID.randomUUID().toString(),
                to,
                pendingMessageId);
        String settledMessageId = "<" + UUID.randomUUID() + "@hub.localhost>";
        String freshMessageId = "<" + UUID.randomUUID() + "@hub.localhost>";
        Date threeDaysAgo = Date.from(Instant.now().minus(Duration.ofDays(3)));
        appendToJournal(pendingMessageId, threeDaysAgo);
        appendToJournal(settledMessageId, threeDaysAgo);
        journalCopy(freshMessageId);
        await().atMost(WAIT).until(() -> journalHas(freshMessageId));

        // The gateway polls the same mailbox; a round it disturbs is repeated (hourly in production), so: eventually.
        await().atMost(WAIT).until(() -> purgeJournal() > 0 || !journalHas(settledMessageId));

        assertThat(journalHas(settledMessageId))
                .as("settled copy older than the retention")
                .isFalse();
        assertThat(journalHas(pendingMessageId))
                .as("old copy a retry may still ask for")
                .isTrue();
        assertThat(journalHas(freshMessageId)).as("fresh copy").isTrue();
    }

    @Test
    void aRequestThatCannotRenderIsRecordedAsFailedAndNotSent() {
        String to = newRecipient("broken");
        Map<String, String> parameters =
                new HashMap<>(MailTemplates.byId("report-outcome").orElseThrow().sample());
        parameters.remove("appealDeadline");
        NotificationRequested missing =
                request("report-outcome", to, "en", parameters, "report:" + UUID.randomUUID(), "safety");
        NotificationRequested unknown =
                request("no-such-mail", to, "en", Map.of(), "report:" + UUID.randomUUID(), "safety");
        publish(missing);
        publish(unknown);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(delivery(missing.idempotencyKey()))
                    .isNotNull()
                    .satisfies(r -> assertThat(r.get(0)).isEqualTo("FAILED"))
                    .satisfies(r -> assertThat((String) r.get(3)).contains("appealDeadline"));
            assertThat(delivery(unknown.idempotencyKey()))
                    .isNotNull()
                    .satisfies(r -> assertThat(r.get(0)).isEqualTo("FAILED"))
                    .satisfies(r -> assertThat((String) r.get(3)).contains("no-such-mail"));
        });
        assertThat(inbox(to)).isEmpty();
    }

    // Repeated: the four sending lanes once let a fourth mail through in about one flood of six (the rate limit's
    // two counts saw a mail marked sent between them in neither); one flood alone rarely showed it.
    @RepeatedTest(8)
    void aFloodToOneAddressIsHeldAtTheRateLimit() {
        // The test profile allows 3 mails per address and hour.
        String to = newRecipient("flood");
        List<NotificationRequested> requests = List.of(receipt(to), receipt(to), receipt(to), receipt(to), receipt(to));
        requests.forEach(NotificationFixtures::publish);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(count(db, "SELECT count(*) FROM mail_delivery WHERE recipient = ? AND status = 'SENT'", to))
                    .isEqualTo(3);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM mail_delivery WHERE recipient = ? AND status = 'QUEUED' "
                                    + "AND last_error LIKE 'rate limited%' AND next_attempt_at > now() + interval '50 minutes'",
                            to))
                    .isEqualTo(2);
        });
        assertThat(inbox(to)).hasSize(3);
    }

    @Test
    void aSuppressedAddressGetsNoMail() {
        String to = newRecipient("suppressed");
        Sql.update(
                db, "INSERT INTO mail_suppression (address, reason, created_at) VALUES (?, 'hard bounce', now())", to);
        NotificationRequested request = receipt(to);
        publish(request);
        await().atMost(WAIT)
                .until(() -> delivery(request.idempotencyKey()), r -> r != null && "SUPPRESSED".equals(r.get(0)));
        assertThat(inbox(to)).isEmpty();
    }

    private UUID interruptedDelivery(String to) {
        UUID id = UUID.randomUUID();
        String reportId = UUID.randomUUID().toString();
        Sql.update(
                db,
                "INSERT INTO mail_delivery (id, idempotency_key, request_event_id, template_id, locale, recipient, "
                        + "thread_key, reply_mailbox, parameters, message_id, subject_line, status, attempts, lease_until, requested_at, "
                        + "created_at, updated_at) VALUES (?, ?, ?, 'report-location-request', 'en', ?, ?, 'safety', ?::jsonb, ?, 'x', 'SENDING', 1, "
                        + "now() - interval '1 minute', now(), now(), now())",
                id,
                "crash:" + id,
                UUID.randomUUID().toString(),
                to,
                "report:" + reportId,
                "{\"reportId\":\"" + reportId + "\"}",
                "<" + id + "@hub.localhost>");
        return id;
    }

    /** A journal copy that the server received at {@code received} (IMAP APPEND with an internal date). */
    private void appendToJournal(String messageId, Date received) throws MessagingException {
        MimeMessage copy = new MimeMessage(devStack.mail().smtpSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }

            @Override
            public Date getReceivedDate() {
                return received;
            }
        };
        copy.setFrom(new InternetAddress(devStack.mail().sender()));
        copy.setRecipients(
                jakarta.mail.Message.RecipientType.TO, devStack.mail().sender());
        copy.setSubject("journal copy");
        copy.setText("copy");
        copy.saveChanges();
        try (Store store = imap.connect(journalUser, journalPassword)) {
            Folder folder = store.getFolder("INBOX");
            folder.appendMessages(new jakarta.mail.Message[] {copy});
        }
    }

    /** One purge round, as the hourly job runs it; returns how many copies it deleted. */
    private int purgeJournal() throws Exception {
        return OnVertx.await(journalPurge::purgeOldCopies);
    }

    private boolean journalHas(String messageId) throws MessagingException {
        return journalFinds(new HeaderTerm("Message-ID", messageId));
    }

    private boolean journalHasUnread(String messageId) throws MessagingException {
        return journalFinds(new jakarta.mail.search.AndTerm(
                new HeaderTerm("Message-ID", messageId),
                new jakarta.mail.search.FlagTerm(new jakarta.mail.Flags(jakarta.mail.Flags.Flag.SEEN), false)));
    }

    private boolean journalFinds(jakarta.mail.search.SearchTerm term) throws MessagingException {
        try (Store store = imap.connect(journalUser, journalPassword)) {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            try {
                return folder.search(term).length > 0;
            } finally {
                folder.close(false);
            }
        }
    }

    /** What the journal holds when a send reached the server: a Bcc copy with the same Message-ID. */
    private void journalCopy(String messageId) throws MessagingException {
        Session session = devStack.mail().smtpSession();
        MimeMessage copy = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        copy.setFrom(new InternetAddress(devStack.mail().sender()));
        copy.setRecipients(
                jakarta.mail.Message.RecipientType.TO, devStack.mail().sender());
        copy.setSubject("journal copy");
        copy.setText("copy");
        devStack.mail().send(copy);
    }
}
