package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.MailRoutes;
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
 * reported and never which staff member decided. A reply is routed by its thread: the request for
 * changes is on {@code case:<id>} (this service reads the owner's answer back); the decision
 * statement and a reversal are on {@code decision:<id>} with replies to legal@, so a reply reaches
 * appeals-service as a complaint about that decision (DSA Art. 20).
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

    /** The thread of a case's request for changes: a reply is the owner's answer, read back by this service. */
    public static String thread(UUID caseId) {
        return NotificationRequested.threadKey(MailRoutes.ThreadKind.CASE.prefix(), caseId);
    }

    /** The thread of a decision's mail: a reply contests the decision, and appeals-service takes it. */
    public static String decisionThread(UUID decisionId) {
        return NotificationRequested.threadKey(MailRoutes.ThreadKind.DECISION.prefix(), decisionId);
    }

    /** Mail on the case's thread (the request for changes); replies come back here. */
    public Uni<Void> send(String template, String email, String userId, String locale, Map<String, String> parameters,
            UUID caseId, String idempotencyKey) {
        return send(template, email, userId, locale, parameters, thread(caseId), Mailboxes.SAFETY, idempotencyKey);
    }

    /** Mail about a decision: on its {@code decision:} thread, replies to legal@, where complaints go (the policy says so). */
    public Uni<Void> sendOnDecision(String template, String email, String userId, String locale,
            Map<String, String> parameters, UUID decisionId, String idempotencyKey) {
        return send(template, email, userId, locale, parameters, decisionThread(decisionId), Mailboxes.LEGAL, idempotencyKey);
    }

    private Uni<Void> send(String template, String email, String userId, String locale, Map<String, String> parameters,
            String threadKey, String replyMailbox, String idempotencyKey) {
        if (email == null) {
            Log.infof("No mail address for owner %s (%s); %s not mailed (the hub shows it in-app)", userId, threadKey,
                    template);
            return Uni.createFrom().voidItem();
        }
        NotificationRequested request = NotificationRequested.of(template, email, userId,
                locale == null ? config.locale() : locale, parameters, threadKey, replyMailbox, idempotencyKey,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return outbox.publish(Topics.NOTIFICATION_REQUESTS, EventSources.REVIEW_SERVICE, request).replaceWithVoid();
    }

    public String appealUrl() {
        return config.appealUrl();
    }
}
