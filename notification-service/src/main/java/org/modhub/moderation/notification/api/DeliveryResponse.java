package org.modhub.moderation.notification.api;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.notification.persistence.MailDeliveryEntity;

/** One entry of the delivery log, as staff see it (parameters are not shown: they may hold other people's details). */
public record DeliveryResponse(
        UUID id,
        String templateId,
        String locale,
        String recipient,
        String recipientUserId,
        String threadKey,
        String replyMailbox,
        String idempotencyKey,
        String messageId,
        String subjectLine,
        String status,
        int attempts,
        String lastError,
        Instant requestedAt,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {

    static DeliveryResponse of(MailDeliveryEntity d) {
        return new DeliveryResponse(
                d.id,
                d.templateId,
                d.locale,
                d.recipient,
                d.recipientUserId,
                d.threadKey,
                d.replyMailbox,
                d.idempotencyKey,
                d.messageId,
                d.subjectLine,
                d.status.name(),
                d.attempts,
                d.lastError,
                d.requestedAt,
                d.createdAt,
                d.nextAttemptAt,
                d.sentAt);
    }
}
