package org.modhub.moderation.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.notification.mail.ParsedMail;

/** Who is told that their mail arrived, without the stack. */
class MailReceiptsTest {

    private static final Instant NOW = Instant.parse("2026-05-03T10:00:00Z");
    private final MailReceipts receipts = new MailReceipts(Set.of("notify@hub.example", "feedback@hub.example"));

    @Test
    void aPersonGetsAReceiptOnItsOwnThreadAnsweringTheirMail() {
        UUID id = UUID.randomUUID();
        NotificationRequested receipt = receipts.receiptFor(
                id, "feedback", null, mail("Kim <Kim@Example.org>", "<k1@example.org>", "Your site"), "Your site", NOW);
        assertThat(receipt.recipientEmail()).isEqualTo("kim@example.org");
        assertThat(receipt.threadKey()).isEqualTo("unmatched:" + id);
        assertThat(receipt.idempotencyKey()).isEqualTo("mail-received:" + id);
        assertThat(receipt.inReplyTo()).isEqualTo("<k1@example.org>");
        assertThat(receipt.parameters()).containsEntry("subjectLine", "Your site");
    }

    @Test
    void aMailWithoutMessageIdGetsAReceiptAnsweringNothingAndABlankSubjectIsNamed() {
        NotificationRequested receipt = receipts.receiptFor(
                UUID.randomUUID(),
                "feedback",
                null,
                mail("kim@example.org", "<0123abcd@no-message-id.invalid>", ""),
                "",
                NOW);
        assertThat(receipt.inReplyTo()).isNull();
        assertThat(receipt.parameters()).containsEntry("subjectLine", "(no subject)");
    }

    @Test
    void machinesOurOwnAddressesAndRepliesToAReceiptGetNone() {
        assertThat(receipts.receiptFor(
                        UUID.randomUUID(), "feedback", null, mail("no-reply@shop.example", "<a@x>", "Hi"), "Hi", NOW))
                .isNull();
        assertThat(receipts.receiptFor(
                        UUID.randomUUID(),
                        "feedback",
                        null,
                        mail("kim@example.org", "<a@x>", "Out of office"),
                        "Out of office",
                        NOW))
                .isNull();
        assertThat(receipts.receiptFor(
                        UUID.randomUUID(), "feedback", null, mail("Notify@hub.example", "<a@x>", "Hi"), "Hi", NOW))
                .isNull();
        assertThat(receipts.receiptFor(
                        UUID.randomUUID(),
                        "feedback",
                        "unmatched:" + UUID.randomUUID(),
                        mail("kim@example.org", "<a@x>", "Re: Hi"),
                        "Re: Hi",
                        NOW))
                .isNull();
    }

    private static ParsedMail mail(String from, String messageId, String subject) {
        return new ParsedMail(
                messageId,
                null,
                List.of(),
                from,
                List.of("feedback@hub.example"),
                subject,
                "text",
                List.of(),
                ParsedMail.Kind.ORDINARY,
                null);
    }
}
