package org.modhub.moderation.notification.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.modhub.moderation.notification.domain.DeliveryStatus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One requested mail and what became of it: the delivery log. */
@Entity
@Table(name = "mail_delivery")
public class MailDeliveryEntity {

    @Id
    public UUID id;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_event_id")
    public String requestEventId;

    @Column(name = "template_id")
    public String templateId;

    public String locale;

    /** Lower-cased address. */
    public String recipient;

    @Column(name = "recipient_user_id")
    public String recipientUserId;

    @Column(name = "thread_key")
    public String threadKey;

    @Column(name = "reply_mailbox")
    public String replyMailbox;

    /** The request's parameters, a {@code jsonb} object. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> parameters;

    /** Fixed when queued, so every attempt (and a resend after a crash) carries the same one. */
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "subject_line")
    public String subjectLine;

    /** The Message-ID of the person's mail this one answers, if any: sent as In-Reply-To and References. */
    @Column(name = "in_reply_to")
    public String inReplyTo;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The W3C trace context the mail was queued in; its sending joins that trace. */
    public String traceparent;
}
