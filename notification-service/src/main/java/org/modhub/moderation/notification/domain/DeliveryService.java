package org.modhub.moderation.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.kit.timer.AfterCommit;
import org.modhub.moderation.kit.tracing.TraceContexts;
import org.modhub.moderation.notification.config.NotificationConfig;
import org.modhub.moderation.notification.mail.MailSender;
import org.modhub.moderation.notification.mail.RenderedMail;
import org.modhub.moderation.notification.mail.TemplateException;
import org.modhub.moderation.notification.mail.TemplateRenderer;
import org.modhub.moderation.notification.persistence.MailDeliveryEntity;
import org.modhub.moderation.notification.persistence.MailDeliveryRepository;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a mail request into a row of the delivery log, once per idempotency key. Runs in the consumer's
 * transaction (the same one that records the event as processed), so a redelivered request, or a second request
 * with the same key, finds the row and queues nothing. The mail is rendered here already: a request that can never
 * be sent (unknown template, missing parameter) is recorded as failed with the reason instead of being retried.
 */
@ApplicationScoped
public class DeliveryService {

    private final MailDeliveryRepository deliveries;
    private final TemplateRenderer renderer;
    private final Suppressions suppressions;
    private final ThreadTokens threads;
    private final Clock clock;
    private final String messageIdDomain;
    private final MailSender sender;

    public DeliveryService(
            MailDeliveryRepository deliveries,
            TemplateRenderer renderer,
            Suppressions suppressions,
            ThreadTokens threads,
            Clock clock,
            NotificationConfig config,
            MailSender sender) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.renderer = renderer;
        this.suppressions = suppressions;
        this.threads = threads;
        this.clock = clock;
        String from = config.outbound().from();
        this.messageIdDomain =
                from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
    }

    /** Queues the request unless its idempotency key was seen before. Must run inside a transaction. */
    public Uni<Void> accept(String eventId, NotificationRequested request) {
        return deliveries.findByIdempotencyKey(request.idempotencyKey()).chain(existing -> {
            if (existing != null) {
                Log.debugf(
                        "Mail %s already queued (delivery %s, %s); nothing new",
                        request.idempotencyKey(), existing.id, existing.status);
                return Uni.createFrom().voidItem();
            }
            return create(eventId, request);
        });
    }

    private Uni<Void> create(String eventId, NotificationRequested request) {
        Instant now = clock.instant();
        MailDeliveryEntity row = new MailDeliveryEntity();
        row.id = UUID.randomUUID();
        row.idempotencyKey = request.idempotencyKey();
        row.requestEventId = eventId;
        row.templateId = request.templateId();
        row.locale = request.locale();
        row.recipient = request.recipientEmail().strip().toLowerCase(Locale.ROOT);
        row.recipientUserId = request.recipientUserId();
        row.threadKey = request.threadKey();
        row.replyMailbox = request.replyMailbox();
        row.parameters = Map.copyOf(request.parameters());
        row.messageId = "<" + row.id + "@" + messageIdDomain + ">";
        row.inReplyTo = request.inReplyTo();
        row.requestedAt = request.requestedAt();
        row.createdAt = now;
        row.updatedAt = now;
        row.attempts = 0;
        row.traceparent = TraceContexts.currentTraceparent();
        try {
            RenderedMail mail = renderer.render(request.templateId(), request.locale(), request.parameters());
            row.subjectLine = mail.subject();
        } catch (TemplateException e) {
            Log.errorf(
                    "Mail request %s cannot be rendered and is recorded as failed: %s",
                    request.idempotencyKey(), e.getMessage());
            row.status = DeliveryStatus.FAILED;
            row.lastError = "render: " + e.getMessage();
            return deliveries.persist(row).replaceWithVoid();
        }
        return suppressions
                .isSuppressed(row.recipient)
                .chain(suppressed -> {
                    if (suppressed) {
                        row.status = DeliveryStatus.SUPPRESSED;
                        row.lastError = "address suppressed after a hard bounce";
                    } else {
                        row.status = DeliveryStatus.QUEUED;
                        row.nextAttemptAt = now;
                    }
                    return threads.tokenFor(row.threadKey, now);
                })
                .chain(token -> deliveries.persist(row))
                // A lane sends it as soon as it is committed, not at its next poll.
                .chain(() -> row.status == DeliveryStatus.QUEUED
                        ? AfterCommit.run(sender::wake)
                        : row.status == DeliveryStatus.SUPPRESSED
                                ? suppressions.countSuppressedMail()
                                : Uni.createFrom().voidItem());
    }
}
