package org.modhub.moderation.appeals.domain;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.appeals.config.AppealsConfig;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.kit.outbox.Outbox;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks notification-service for mail to appellants and legal@ senders, through the outbox (in the
 * caller's transaction). Replies go to legal@ and thread back to the appeal ({@code appeal:<id>}).
 */
@ApplicationScoped
public class AppellantMail {

    /** Receipt of an appeal. */
    public static final String APPEAL_RECEIVED = "appeal-received";
    /** The outcome, its reasons and the further redress (DSA Art. 20(5), 21). */
    public static final String APPEAL_DECIDED = "appeal-decided";
    /** A mail to legal@ named no decision we know: which one does it contest? */
    public static final String APPEAL_DECISION_NEEDED = "appeal-decision-needed";
    /** A mail to legal@ named a decision but cannot become an appeal (window closed, not a party, one already open...). */
    public static final String APPEAL_REFUSED = "appeal-refused";
    /** Warning for frequent manifestly unfounded appeals (DSA Art. 23(2)). */
    public static final String APPELLANT_WARNING = "appellant-warning";
    /** Suspension of complaint handling (DSA Art. 23(2)). */
    public static final String APPELLANT_SUSPENSION = "appellant-suspension";
    /** Complaint handling resumed. */
    public static final String APPELLANT_REINSTATED = "appellant-reinstated";

    private final Outbox outbox;
    private final Clock clock;
    private final String locale;

    public AppellantMail(Outbox outbox, Clock clock, AppealsConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.locale = config.mail().locale();
    }

    public Uni<Void> send(String template, String email, String userId, Map<String, String> parameters, String threadKey,
            String idempotencyKey) {
        return send(template, email, userId, parameters, threadKey, idempotencyKey, null);
    }

    /**
     * As {@link #send(String, String, String, Map, String, String)}, answering the person's mail with Message-ID
     * {@code answersMessageId} (null: none), so their mail client shows one conversation. A Message-ID that is not
     * one a header can carry (it came from outside) is left out rather than losing the mail.
     */
    public Uni<Void> send(String template, String email, String userId, Map<String, String> parameters, String threadKey,
            String idempotencyKey, String answersMessageId) {
        if (email == null) {
            Log.infof("No mail address for appellant %s; %s not mailed (the hub shows it in-app)", userId, template);
            return Uni.createFrom().voidItem();
        }
        NotificationRequested request = NotificationRequested.of(template, email, userId, locale, parameters, threadKey,
                Mailboxes.LEGAL, idempotencyKey, clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (answersMessageId != null) {
            try {
                request = request.inReplyTo(answersMessageId);
            } catch (IllegalArgumentException e) {
                Log.infof("Message-ID %s cannot be answered in a header; %s sent unthreaded", answersMessageId, template);
            }
        }
        return outbox.publish(Topics.NOTIFICATION_REQUESTS, EventSources.APPEALS_SERVICE, request).replaceWithVoid();
    }

    /** The thread of an appeal's mails and their replies. */
    public static String thread(UUID appealId) {
        return NotificationRequested.threadKey("appeal", appealId);
    }
}
