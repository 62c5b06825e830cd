package org.modhub.moderation.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.notification.domain.UnmatchedMailService;

/**
 * One kept mail as staff read it.
 *
 * @param messageId the mail's Message-ID
 * @param threadKey a thread of ours no service owns (a reply to a receipt), if any
 * @param textBody its text (HTML turned into text), bounded
 * @param attachments what was attached; {@code kept} says whether the bytes are stored as evidence
 * @param receiptStatus the delivery status of the mail-received receipt (SENT, QUEUED, …), null when none was sent
 */
public record UnmatchedMailResponse(
        UUID id,
        String mailbox,
        String messageId,
        String from,
        String subjectLine,
        String textBody,
        String threadKey,
        List<Attachment> attachments,
        Instant receivedAt,
        boolean handled,
        Instant handledAt,
        String handledBy,
        String receiptStatus) {

    public record Attachment(String name, String contentType, long size, String sha256, boolean kept) {}

    static UnmatchedMailResponse of(UnmatchedMailService.Details details) {
        var mail = details.mail();
        List<Attachment> attachments = details.attachments().stream()
                .map(r -> new Attachment(
                        (String) r[0], (String) r[1], ((Number) r[2]).longValue(), (String) r[3], (Boolean) r[4]))
                .toList();
        return new UnmatchedMailResponse(
                mail.id,
                mail.mailbox,
                mail.messageId,
                mail.fromAddress,
                mail.subjectLine,
                mail.textBody,
                mail.threadKey,
                attachments,
                mail.receivedAt,
                mail.handledAt != null,
                mail.handledAt,
                mail.handledBy,
                details.receiptStatus());
    }
}
