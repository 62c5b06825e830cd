package org.modhub.moderation.notification.persistence;

import java.time.Instant;

import org.modhub.moderation.notification.domain.DeliveryStatus;

/** Staff search over the delivery log; every criterion is optional. */
public record DeliverySearch(
        String recipient,
        DeliveryStatus status,
        String templateId,
        String threadKey,
        String idempotencyKey,
        Instant from,
        Instant to) {}
