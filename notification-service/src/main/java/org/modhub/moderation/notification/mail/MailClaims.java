package org.modhub.moderation.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.notification.config.NotificationConfig;
import org.modhub.moderation.notification.domain.DeliveryStatus;
import org.modhub.moderation.notification.domain.Suppressions;
import org.modhub.moderation.notification.domain.ThreadTokens;
import org.modhub.moderation.notification.persistence.MailDeliveryEntity;
import org.modhub.moderation.notification.persistence.MailDeliveryRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Claims the next due mail for a sending lane, in its own transaction ({@code FOR UPDATE SKIP LOCKED}, status SENDING
 * with a lease), committed before the SMTP conversation starts. On the way it applies suppression and the recipient's
 * rate limit: such a row is updated and skipped, not sent.
 */
@ApplicationScoped
public class MailClaims {

    /** What a sender needs of a claimed row, read inside the claiming transaction. */
    public record Claim(
            UUID id,
            String recipient,
            String messageId,
            String templateId,
            String locale,
            Map<String, String> parameters,
            String replyTo,
            String inReplyTo,
            int attempts,
            boolean interrupted,
            String traceparent) {

        /** A row looked at but not to be sent now (suppressed or rate limited). */
        static final Claim SKIPPED = new Claim(null, null, null, null, null, Map.of(), null, null, 0, false, null);
    }

    private final MailDeliveryRepository deliveries;
    private final Suppressions suppressions;
    private final ThreadTokens threads;
    private final Clock clock;
    private final MeterRegistry registry;
    private final NotificationConfig.Outbound config;
    private final Map<String, NotificationConfig.Mailbox> mailboxes;

    public MailClaims(
            MailDeliveryRepository deliveries,
            Suppressions suppressions,
            ThreadTokens threads,
            Clock clock,
            MeterRegistry registry,
            NotificationConfig config) {
        this.deliveries = deliveries;
        this.suppressions = suppressions;
        this.threads = threads;
        this.clock = clock;
        this.registry = registry;
        this.config = config.outbound();
        this.mailboxes = config.inbound().mailboxes();
    }

    /** The next due mail (or one whose sender died), {@link Claim#SKIPPED} when the row looked at must wait, or null. */
    Uni<Claim> next() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> deliveries
                .lockNextDue(now)
                .chain(row -> row == null ? Uni.createFrom().nullItem() : claim(row, now)));
    }

    private Uni<Claim> claim(MailDeliveryEntity row, Instant now) {
        boolean interrupted = row.status == DeliveryStatus.SENDING;
        if (interrupted) {
            Log.warnf(
                    "Delivery %s was interrupted while sending (lease lapsed); checking before sending again", row.id);
        }
        Instant since = now.minus(config.rateLimit().window());
        // Lanes claim side by side: the claims of one recipient take turns, so each counts the other's SENDING row
        // (the count is a later statement, so its snapshot sees what the previous holder committed).
        return suppressions.isSuppressedAfterTurn(row.recipient).chain(suppressed -> {
            if (suppressed) {
                row.status = DeliveryStatus.SUPPRESSED;
                row.lastError = "address suppressed after a hard bounce";
                row.updatedAt = now;
                row.leaseUntil = null;
                return suppressions.countSuppressedMail().replaceWith(Claim.SKIPPED);
            }
            Uni<Long> recent = interrupted
                    ? Uni.createFrom().item(0L)
                    : deliveries.countSentOrSendingSince(row.recipient, since, row.id);
            return recent.chain(count -> {
                if (count >= config.rateLimit().maxPerRecipient()) {
                    return deliveries.oldestSentSince(row.recipient, since).chain(oldest -> {
                        Instant retry = oldest == null
                                ? now.plus(config.initialBackoff())
                                : oldest.sentAt
                                        .plus(config.rateLimit().window())
                                        .plusMillis(1);
                        row.nextAttemptAt = retry;
                        row.lastError = "rate limited: " + count + " mails to this address within "
                                + config.rateLimit().window() + "; next attempt at " + retry;
                        row.updatedAt = now;
                        registry.counter("notification.mail.rate_limited").increment();
                        return Uni.createFrom().item(Claim.SKIPPED);
                    });
                }
                row.status = DeliveryStatus.SENDING;
                row.attempts = row.attempts + 1;
                row.leaseUntil = now.plus(config.lease());
                row.updatedAt = now;
                return threads.tokenFor(row.threadKey, now)
                        .map(token -> new Claim(
                                row.id,
                                row.recipient,
                                row.messageId,
                                row.templateId,
                                row.locale,
                                row.parameters,
                                replyTo(row.replyMailbox, token),
                                row.inReplyTo,
                                row.attempts,
                                interrupted,
                                row.traceparent));
            });
        });
    }

    private String replyTo(String mailbox, String token) {
        NotificationConfig.Mailbox box = mailboxes.get(mailbox);
        return box == null ? null : ThreadTokens.replyAddress(box.address(), token);
    }
}
