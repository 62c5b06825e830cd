package org.modhub.moderation.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.modhub.moderation.notification.config.NotificationConfig;
import org.modhub.moderation.notification.domain.DeliveryStatus;
import org.modhub.moderation.notification.domain.Suppressions;
import org.modhub.moderation.notification.mail.MailClaims.Claim;
import org.modhub.moderation.notification.persistence.MailDeliveryRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records what became of an attempt, only while the row is still that attempt's claim (a lapsed lease may have handed
 * the mail to another lane): sent; or failed, then retried with exponential backoff, or failed for good when the
 * failure is permanent or the attempts are spent, suppressing an address the server refused.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    /** How an erasure marks a delivery's recipient (the kit's {@code Person.anonymousRef}). */
    static final String ERASED = "erased:";

    private static final String RECORD_SENT =
            "UPDATE mail_delivery SET status = 'SENT', sent_at = $1, updated_at = $1, "
                    + "lease_until = NULL, next_attempt_at = NULL, last_error = $2 WHERE id = $3 AND status = 'SENDING' AND attempts = $4 "
                    + "RETURNING recipient";

    private static final String RECIPIENT = "SELECT recipient FROM mail_delivery WHERE id = $1";

    private final MailDeliveryRepository deliveries;
    private final Suppressions suppressions;
    private final Pool pool;
    private final Clock clock;
    private final MeterRegistry registry;
    private final NotificationConfig.Outbound config;
    private final Journal journal;

    public DeliveryOutcomes(
            MailDeliveryRepository deliveries,
            Suppressions suppressions,
            Pool pool,
            Clock clock,
            MeterRegistry registry,
            NotificationConfig config,
            Journal journal) {
        this.journal = journal;
        this.deliveries = deliveries;
        this.suppressions = suppressions;
        this.pool = pool;
        this.clock = clock;
        this.registry = registry;
        this.config = config.outbound();
    }

    /** One statement on the bare pool (it commits on its own), the cheapest write of the sending path. */
    Uni<Void> sent(Claim claim, String note) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Uni.createFrom()
                .completionStage(() -> pool.preparedQuery(RECORD_SENT)
                        .execute(Tuple.of(now, note, claim.id(), claim.attempts()))
                        .toCompletionStage())
                .chain(result -> {
                    if (result.rowCount() == 1) {
                        registry.counter("notification.mail.sent", "template", claim.templateId())
                                .increment();
                        return Uni.createFrom().item(result.iterator().next().getString("recipient"));
                    }
                    // Not ours to record any more (an erasure cancelled the row while it was on its way): the mail went
                    // out all the same, so its recipient decides about the journal copy too.
                    return Uni.createFrom()
                            .completionStage(() -> pool.preparedQuery(RECIPIENT)
                                    .execute(Tuple.of(claim.id()))
                                    .toCompletionStage())
                            .map(rows -> rows.rowCount() == 0
                                    ? null
                                    : rows.iterator().next().getString("recipient"));
                })
                .invoke(recipient -> {
                    if (recipient != null && recipient.startsWith(ERASED)) {
                        dropJournalCopy(claim.messageId());
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The recipient's erasure ran while this mail was on its way (it lets a mail in flight finish): the journal's copy,
     * which reaches the journal a moment after the send, goes too, so nothing of the erased person stays. It is looked
     * for a few times, on a worker thread, without holding up the sending lane.
     */
    private void dropJournalCopy(String messageId) {
        Uni.createFrom()
                .item(() -> {
                    try {
                        if (journal.deleteCopy(messageId) == 0) {
                            throw new IllegalStateException("no journal copy of " + messageId + " yet");
                        }
                        return messageId;
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .onFailure()
                .retry()
                .withBackOff(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(5))
                .atMost(10)
                .subscribe()
                .with(
                        id -> Log.infof(
                                "Deleted the journal copy of %s: its recipient was erased while it was sent", id),
                        failure -> Log.warnf(
                                "The journal copy of %s, sent to an erased recipient, was not deleted: %s (the journal "
                                        + "purge removes it within its retention)",
                                messageId, failure.getMessage()));
    }

    Uni<Void> failed(Claim claim, Throwable cause) {
        Instant now = clock.instant();
        SendFailure failure = SendFailure.of(cause);
        return Panache.withTransaction(() -> deliveries.findById(claim.id()).chain(row -> {
            if (row == null || row.status != DeliveryStatus.SENDING || row.attempts != claim.attempts()) {
                return Uni.createFrom().voidItem();
            }
            row.updatedAt = now;
            row.leaseUntil = null;
            row.lastError = failure.reason();
            registry.counter("notification.mail.failures", "permanent", Boolean.toString(failure.permanent()))
                    .increment();
            if (failure.permanent() || row.attempts >= config.maxAttempts()) {
                row.status = DeliveryStatus.FAILED;
                row.nextAttemptAt = null;
                Log.errorf(
                        "Delivery %s failed for good after %d attempt(s): %s", row.id, row.attempts, failure.reason());
                return failure.hardBounce()
                        ? suppressions.suppress(
                                row.recipient, "refused by the SMTP server: " + failure.reason(), row.id, now)
                        : Uni.createFrom().voidItem();
            }
            row.status = DeliveryStatus.QUEUED;
            row.nextAttemptAt =
                    now.plus(SendFailure.backoff(config.initialBackoff(), config.maxBackoff(), row.attempts));
            Log.warnf(
                    "Delivery %s failed (attempt %d), retrying at %s: %s",
                    row.id, row.attempts, row.nextAttemptAt, failure.reason());
            return Uni.createFrom().voidItem();
        }));
    }
}
