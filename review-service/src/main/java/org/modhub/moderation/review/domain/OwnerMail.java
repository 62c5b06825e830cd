package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.review.config.ReviewConfig;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks notification-service for mail to an owner, through the outbox (in the caller's
 * transaction). The parameters carry the statement of reasons and how to appeal, never who
 * reported. Replies go to safety@ on the thread {@code case:<id>}, which this service reads back.
 */
@ApplicationScoped
public class OwnerMail {

    /** A decision took effect: the statement of reasons and how to appeal (DSA Art. 17, 20). */
    public static final String DECISION_STATEMENT = "owner-decision";
    /** The owner is asked to change the subject by a deadline. */
    public static final String CHANGES_REQUESTED = "owner-changes-requested";
    /** A restriction was lifted (reversal, restoration or end date). */
    public static final String DECISION_REVERSED = "decision-reversed";

    private final Outbox outbox;
    private final Clock clock;
    private final ReviewConfig.Mail config;

    public OwnerMail(Outbox outbox, Clock clock, ReviewConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config.mail();
    }

    /** The thread a case's mails and their replies belong to. */
    public static String thread(UUID caseId) {
        return NotificationRequested.threadKey("case", caseId);
    }

    public Uni<Void> send(String template, String email, String userId, String locale, Map<String, String> parameters,
            UUID caseId, String idempotencyKey) {
        if (email == null) {
            Log.infof("No mail address for owner %s of case %s; %s not mailed (the hub shows it in-app)", userId, caseId,
                    template);
            return Uni.createFrom().voidItem();
        }
        NotificationRequested request = NotificationRequested.of(template, email, userId,
                locale == null ? config.locale() : locale, parameters, thread(caseId), Mailboxes.SAFETY, idempotencyKey,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return outbox.publish(Topics.NOTIFICATION_REQUESTS, EventSources.REVIEW_SERVICE, request).replaceWithVoid();
    }

    public String appealUrl() {
        return config.appealUrl();
    }
}
