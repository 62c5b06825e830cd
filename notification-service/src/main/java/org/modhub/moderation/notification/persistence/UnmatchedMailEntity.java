package org.modhub.moderation.notification.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A mail no service owns (feedback@ mail on no thread of ours, a reply to one of our receipts), kept for staff. Written
 * by the gateway in the transaction that records the inbound mail; staff read it and mark it handled.
 */
@Entity
@Table(name = "unmatched_mail")
public class UnmatchedMailEntity {

    /** The same id as its {@code inbound_mail} row; its attachments are {@code inbound_attachment} rows of that id. */
    @Id
    public UUID id;

    public String mailbox;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "from_address")
    public String fromAddress;

    @Column(name = "subject_line")
    public String subjectLine;

    /** The plain text (or the HTML turned into text), bounded by {@code notification.inbound.max-text-chars}. */
    @Column(name = "text_body")
    public String textBody;

    /** A thread we know that no service owns (a reply to a receipt), if any. */
    @Column(name = "thread_key")
    public String threadKey;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "handled_at")
    public Instant handledAt;

    /** The staff member who marked it handled. */
    @Column(name = "handled_by")
    public String handledBy;
}
