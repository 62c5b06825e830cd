package org.modhub.moderation.notification.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.timer.AfterCommit;
import org.modhub.moderation.notification.mail.ParsedMail;
import org.modhub.moderation.notification.persistence.MailDeliveryRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Addresses that hard-bounced or were permanently refused: they get no more mail. A delivery report (bounce) marks the
 * delivery it names as bounced and suppresses every recipient that failed for good.
 */
@ApplicationScoped
public class Suppressions {

    /**
     * The one reason an address is on the list today: it bounced for good (a delivery report, or the SMTP server refused
     * it). Complaints and unsubscriptions would be further values of {@code notification_mail_suppressed_total{reason}}.
     */
    public static final String BOUNCED = "bounced";

    private final AuditTrail audit;
    private final MailDeliveryRepository deliveries;
    private final MeterRegistry registry;

    public Suppressions(AuditTrail audit, MailDeliveryRepository deliveries, MeterRegistry registry) {
        this.registry = registry;
        this.audit = audit;
        this.deliveries = deliveries;
    }

    /**
     * A mail was not sent because its address is suppressed: counted in {@code notification_mail_suppressed_total} once
     * the caller's transaction committed (a rolled-back attempt, retried, counts once).
     */
    public Uni<Void> countSuppressedMail() {
        return AfterCommit.run(() -> registry.counter("notification.mail.suppressed", "reason", BOUNCED)
                .increment());
    }

    public Uni<Boolean> isSuppressed(String address) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT count(*) FROM mail_suppression WHERE address = :a", Long.class)
                        .setParameter("a", address.toLowerCase(Locale.ROOT))
                        .getSingleResult())
                .map(n -> n > 0);
    }

    /**
     * {@link #isSuppressed} after waiting for the recipient's turn: a transaction-scoped advisory lock on the address, which
     * the mail lanes take before counting a recipient's recent mails (in the caller's transaction; one statement).
     */
    public Uni<Boolean> isSuppressedAfterTurn(String recipient) {
        // The lock is the FROM item, so it is taken whatever the suppression list holds.
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT (SELECT count(*) FROM mail_suppression WHERE address = :a) "
                                        + "FROM (SELECT pg_advisory_xact_lock(hashtext(:recipient))) AS turn",
                                Long.class)
                        .setParameter("recipient", recipient)
                        .setParameter("a", recipient.toLowerCase(Locale.ROOT))
                        .getSingleResult())
                .map(n -> n > 0);
    }

    /**
     * Suppresses the address (in the caller's transaction); the first reason stays. A new suppression is audited by
     * the delivery that bounced, not by the address: the append-only log keeps no e-mail address it could never erase.
     */
    public Uni<Void> suppress(String address, String reason, UUID deliveryId, Instant now) {
        Log.infof("Suppressing further mail to a bounced address (delivery %s): %s", deliveryId, reason);
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO mail_suppression (address, reason, delivery_id, created_at) VALUES (:a, :r, :d, :now) "
                                        + "ON CONFLICT (address) DO NOTHING")
                        .setParameter("a", address.toLowerCase(Locale.ROOT))
                        .setParameter("r", bounded(reason))
                        .setParameter("d", deliveryId)
                        .setParameter("now", now)
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().voidItem()
                        : audit.record(
                                AuditTrail.system("notification-service"),
                                "ADDRESS_SUPPRESSED",
                                "delivery",
                                deliveryId == null ? "unknown" : deliveryId,
                                null,
                                bounded(reason)));
    }

    /** Applies a delivery report from {@code reporter} (in the caller's transaction). */
    public Uni<Void> applyBounce(ParsedMail.Bounce bounce, String reportId, String reporter, Instant now) {
        if (bounce == null || bounce.failedRecipients().isEmpty()) {
            Log.infof("Delivery report %s without a permanent failure; nothing to suppress", reportId);
            return Uni.createFrom().voidItem();
        }
        String reason = "hard bounce reported by " + reporter;
        Uni<UUID> delivery = bounce.originalMessageId() == null
                ? Uni.createFrom().nullItem()
                : deliveries.findByMessageId(bounce.originalMessageId()).map(row -> {
                    if (row == null) {
                        return null;
                    }
                    if (bounce.failedRecipients().contains(row.recipient)) {
                        row.status = DeliveryStatus.BOUNCED;
                        row.lastError = reason;
                        row.updatedAt = now;
                    }
                    return row.id;
                });
        return delivery.chain(deliveryId -> Multi.createFrom()
                .iterable(bounce.failedRecipients())
                .onItem()
                .transformToUniAndConcatenate(address -> suppress(address, reason, deliveryId, now))
                .collect()
                .last()
                .replaceWithVoid());
    }

    private static String bounded(String reason) {
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }
}
