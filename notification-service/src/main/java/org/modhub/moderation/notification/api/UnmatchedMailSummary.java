package org.modhub.moderation.notification.api;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.notification.persistence.UnmatchedMailEntity;

/** One kept mail in the staff list. */
public record UnmatchedMailSummary(
        UUID id,
        String mailbox,
        String from,
        String subjectLine,
        Instant receivedAt,
        boolean handled,
        Instant handledAt,
        String handledBy) {

    static UnmatchedMailSummary of(UnmatchedMailEntity mail) {
        return new UnmatchedMailSummary(
                mail.id,
                mail.mailbox,
                mail.fromAddress,
                mail.subjectLine,
                mail.receivedAt,
                mail.handledAt != null,
                mail.handledAt,
                mail.handledBy);
    }
}
