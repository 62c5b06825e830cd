package org.modhub.moderation.console.services;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of notification-service's delivery log (the mail's parameters are never shown to staff). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Delivery(
        String id,
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
        Instant sentAt) {}
