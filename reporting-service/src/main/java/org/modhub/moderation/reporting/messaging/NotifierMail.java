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

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks notification-service for a mail to a notifier, through the outbox (in the caller's
 * transaction). Replies go to safety@ and thread back to the report or notifier named by the
 * thread key.
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
     * Queues one mail.
     *
     * @param threadKey what replies belong to, e.g. {@code report:<id>}
     * @param idempotencyKey the same key is mailed once however often it is queued
     */
    public Uni<Void> send(String template, String email, String userId, Map<String, String> parameters, String threadKey,
            String idempotencyKey) {
        if (email == null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        NotificationRequested request = NotificationRequested.of(template, email, userId, locale, parameters, threadKey,
                Mailboxes.SAFETY, idempotencyKey, now);
        return outbox.publish(Topics.NOTIFICATION_REQUESTS, EventSources.REPORTING_SERVICE, request).replaceWithVoid();
    }

    /** The thread key of a notifier's standing mails: {@code notifier:<uuid>} (no address in the key). */
    public static String notifierThread(String notifierKey) {
        return "notifier:" + java.util.UUID.nameUUIDFromBytes(notifierKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
