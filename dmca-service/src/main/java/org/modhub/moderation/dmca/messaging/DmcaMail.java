package org.modhub.moderation.dmca.messaging;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.kit.outbox.Outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks notification-service for mail to claimants and uploaders, through the outbox (in the
 * caller's transaction). Replies go to dmca@ and thread back to the notice ({@code dmca_notice:<id>})
 * or the takedown ({@code dmca_takedown:<id>}).
 */
@ApplicationScoped
public class DmcaMail {

    public static final String NOTICE_RECEIVED = "dmca-notice-received";
    public static final String NOTICE_INCOMPLETE = "dmca-notice-incomplete";
    public static final String NOTICE_ACCEPTED = "dmca-notice-accepted";
    public static final String NOTICE_REJECTED = "dmca-notice-rejected";
    public static final String TAKEDOWN_UPLOADER = "dmca-takedown-uploader";
    /** Only some files infringe: remove them within the window or the repository is disabled. */
    public static final String PARTIAL_REMOVAL_REQUEST = "dmca-partial-removal-request";
    public static final String COUNTER_NOTICE_FORWARDED = "dmca-counter-notice-forwarded";
    public static final String RESTORATION_SCHEDULED = "dmca-restoration-scheduled";
    /** The claimant showed a court action: the content stays disabled. */
    public static final String COURT_ACTION_REPORTED = "dmca-court-action-reported";
    public static final String RESTORATION_DONE = "dmca-restoration-done";

    private final Outbox outbox;
    private final Clock clock;
    private final String locale;

    public DmcaMail(Outbox outbox, Clock clock, DmcaConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.locale = config.mail().locale();
    }

    public static String noticeThread(UUID noticeId) {
        return NotificationRequested.threadKey("dmca_notice", noticeId);
    }

    public static String takedownThread(UUID takedownId) {
        return NotificationRequested.threadKey("dmca_takedown", takedownId);
    }

    /** Queues one mail; the idempotency key makes a re-queued request a no-op downstream. */
    public Uni<Void> send(String template, String email, String userId, Map<String, String> parameters, String threadKey,
            String idempotencyKey) {
        return send(template, email, userId, parameters, threadKey, idempotencyKey, null);
    }

    /**
     * Queues one mail answering the person's mail {@code inReplyTo} (its Message-ID), so their client shows one
     * conversation: every mail a sender sends gets its receipt this way.
     */
    public Uni<Void> send(String template, String email, String userId, Map<String, String> parameters, String threadKey,
            String idempotencyKey, String inReplyTo) {
        if (email == null || email.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        NotificationRequested request = NotificationRequested.of(template, email.strip(), userId, locale, parameters, threadKey,
                Mailboxes.DMCA, idempotencyKey, clock.instant().truncatedTo(ChronoUnit.MICROS)).inReplyTo(messageId(inReplyTo));
        return outbox.publish(Topics.NOTIFICATION_REQUESTS, EventSources.DMCA_SERVICE, request).replaceWithVoid();
    }

    /** A Message-ID fit for In-Reply-To ({@code <id@host>}, printable, bounded), or null: a stray header never stops a receipt. */
    static String messageId(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() < 3 || v.length() > 998 || v.charAt(0) != '<' || v.charAt(v.length() - 1) != '>') {
            return null;
        }
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '<' || c == '>') {
                return null;
            }
        }
        return v;
    }
}
