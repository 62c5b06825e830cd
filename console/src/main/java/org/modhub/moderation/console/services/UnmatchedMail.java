package org.modhub.moderation.console.services;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One kept inbound mail in full: its text (HTML already turned into text by the service) and attachments. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnmatchedMail(
        String id,
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

    public UnmatchedMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attachment(String name, String contentType, long size, String sha256, boolean kept) {}

    /** The list row of this mail, for swapping the row after it is marked handled. */
    public UnmatchedMailSummary summary() {
        return new UnmatchedMailSummary(id, mailbox, from, subjectLine, receivedAt, handled, handledAt, handledBy);
    }
}
