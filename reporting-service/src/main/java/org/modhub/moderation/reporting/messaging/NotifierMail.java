package org.modhub.moderation.reporting.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.reporting.config.ReportingConfig;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks notification-service for a mail to a notifier, through the outbox (in the caller's
 * transaction). A reply is routed by the thread key, whatever address it reaches: receipts and
 * location requests ({@code report:<id>}) bring replies back here, the outcome of a report
 * ({@code decision:<id>}) takes them to appeals-service as a complaint.
 */
@ApplicationScoped
public class NotifierMail {

    /** Receipt of a report (DSA Art. 16(4)). */
    public static final String REPORT_RECEIPT = "report-receipt";
    /** The decision on a report and how to contest it (DSA Art. 16(5)). */
    public static final String REPORT_OUTCOME = "report-outcome";
    /** A mail to safety@ named no hub URL: where exactly is the content? */
    public static final String REPORT_LOCATION_REQUEST = "report-location-request";
    /** Warning for frequent manifestly unfounded reports (DSA Art. 23(2)). */
    public static final String NOTIFIER_WARNING = "notifier-warning";
    /** Suspension of report processing (DSA Art. 23(2)). */
    public static final String NOTIFIER_SUSPENSION = "notifier-suspension";
    /** Report processing resumed. */
    public static final String NOTIFIER_REINSTATED = "notifier-reinstated";

    private final Outbox outbox;
    private final Clock clock;
    private final String locale;

    public NotifierMail(Outbox outbox, Clock clock, ReportingConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.locale = config.mail().locale();
    }

    /**
     * Queues one mail whose replies go to safety@ and answer no particular mail of the person's.
     *
     * @param threadKey what replies belong to, e.g. {@code report:<id>}
     * @param idempotencyKey the same key is mailed once however often it is queued
     */
    public Uni<Void> send(String template, String email, String userId, Map<String, String> parameters, String threadKey,
            String idempotencyKey) {
        return send(template, email, userId, parameters, threadKey, Mailboxes.SAFETY, idempotencyKey, null);
    }

    /**
     * Queues one mail.
     *
     * @param threadKey what replies belong to, e.g. {@code report:<id>}; its kind names the service a reply reaches
     * @param replyMailbox the address replies go to (the thread decides where they are handled)
     * @param idempotencyKey the same key is mailed once however often it is queued
     * @param inReplyTo the Message-ID of the person's mail this one answers, so their client shows one conversation;
     *     null when it answers none
     */
    public Uni<Void> send(String template, String email, String userId, Map<String, String> parameters, String threadKey,
            String replyMailbox, String idempotencyKey, String inReplyTo) {
        if (email == null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        NotificationRequested request = NotificationRequested.of(template, email, userId, locale, parameters, threadKey,
                replyMailbox, idempotencyKey, now);
        return outbox.publish(Topics.NOTIFICATION_REQUESTS, EventSources.REPORTING_SERVICE, threaded(request, inReplyTo))
                .replaceWithVoid();
    }

    /**
     * The request answering {@code messageId}, or unthreaded when the sender's Message-ID is not one the contract
     * accepts: a malformed header from outside costs the threading, never the mail (nor the report, in the same
     * transaction).
     */
    static NotificationRequested threaded(NotificationRequested request, String messageId) {
        if (messageId == null) {
            return request;
        }
        try {
            return request.inReplyTo(messageId.strip());
        } catch (IllegalArgumentException e) {
            Log.debugf("Not threading %s to Message-ID %s: %s", request.templateId(), messageId, e.getMessage());
            return request;
        }
    }

    /** The thread key of a notifier's standing mails: {@code notifier:<uuid>} (no address in the key). */
    public static String notifierThread(String notifierKey) {
        return "notifier:" + java.util.UUID.nameUUIDFromBytes(notifierKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
