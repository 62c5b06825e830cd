package org.modhub.moderation.reporting.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.event.reporting.NotifierReinstated;
import org.modhub.moderation.contracts.event.reporting.NotifierSuspended;
import org.modhub.moderation.contracts.event.reporting.NotifierWarned;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.mail.MailRequest;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.timer.Timers;
import org.modhub.moderation.reporting.persistence.NotifierStandingEntity;
import org.modhub.moderation.reporting.persistence.NotifierStandingRepository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Art. 23 measures on a notifier, whether staff or the misuse ladder take them: a warning, a time-limited suspension
 * of report processing, and its end (by staff or by its timer). Each is stored on the standing, announced on
 * {@code reporting.events}, mailed to the notifier on their standing thread and audited, in the caller's transaction.
 */
@ApplicationScoped
public class NotifierSanctions {

    /** Timer kind that ends a suspension. */
    public static final String REINSTATE_TIMER = "reporting.notifier-reinstate";
    /** The actor of the ladder's own warnings and suspensions, and of a suspension's end, in the audit log. */
    public static final String SYSTEM = AuditTrail.system("reporting-service");

    static final int MAX_REASON_LENGTH = 2000;

    private final NotifierStandingRepository standings;
    private final Outbox outbox;
    private final MailRequests mail;
    private final Timers timers;
    private final AuditTrail audit;
    private final Clock clock;

    public NotifierSanctions(
            NotifierStandingRepository standings,
            Outbox outbox,
            MailRequests mail,
            Timers timers,
            AuditTrail audit,
            Clock clock) {
        this.standings = standings;
        this.outbox = outbox;
        this.mail = mail;
        this.timers = timers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Warns the notifier for the unfounded reports {@code ids} (Art. 23(2)). */
    public Uni<Void> warn(NotifierStandingEntity standing, String reason, List<UUID> ids, Instant now, String actor) {
        requireReason(reason);
        standing.recordWarning(now);
        return announce(
                        standing,
                        new NotifierWarned(standing.notifierId, standing.notifierEmail, reason, ids, now),
                        MailTemplateId.NOTIFIER_WARNING,
                        Map.of("reason", reason, "unfoundedReports", Integer.toString(ids.size())),
                        now)
                .chain(() -> audit.record(actor, "NOTIFIER_WARNED", "notifier", standing.notifierKey, null, reason));
    }

    /** Suspends report processing until {@code until}, when its timer ends it on any replica. */
    public Uni<Void> suspend(
            NotifierStandingEntity standing, String reason, List<UUID> ids, Instant now, Instant until, String actor) {
        requireReason(reason);
        standing.recordSuspension(now, until, reason);
        return timers.schedule(REINSTATE_TIMER, standing.notifierKey, until, until.toString())
                .chain(() -> announce(
                        standing,
                        new NotifierSuspended(standing.notifierId, standing.notifierEmail, reason, ids, now, until),
                        MailTemplateId.NOTIFIER_SUSPENSION,
                        Map.of("reason", reason, "until", until.toString()),
                        now))
                .chain(() -> audit.record(
                        actor,
                        "NOTIFIER_SUSPENDED",
                        "notifier",
                        standing.notifierKey,
                        null,
                        "until " + until + ": " + reason));
    }

    /** Ends a suspension now. */
    public Uni<Void> reinstate(NotifierStandingEntity standing, String reason, Instant now, String actor) {
        requireReason(reason);
        standing.endSuspension(now);
        return announce(
                        standing,
                        new NotifierReinstated(standing.notifierId, standing.notifierEmail, reason, now),
                        MailTemplateId.NOTIFIER_REINSTATED,
                        Map.of("reason", reason),
                        now)
                .chain(() ->
                        audit.record(actor, "NOTIFIER_REINSTATED", "notifier", standing.notifierKey, null, reason));
    }

    /** Ends a suspension whose time ran out (the reinstatement timer). */
    public Uni<Void> expire(String notifierKey) {
        Instant now = clock.instant();
        return standings.findById(notifierKey).chain(standing -> {
            if (standing == null || !standing.suspensionRanOut(now)) {
                return Uni.createFrom().voidItem();
            }
            return reinstate(standing, "The suspension period ended", now, SYSTEM);
        });
    }

    /** A measure's reason is told to the notifier: required, bounded. */
    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "is required");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw ProblemException.invalidField("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
    }

    /** The measure's event, and its mail on the notifier's standing thread (replies read by staff at safety@). */
    private Uni<Void> announce(
            NotifierStandingEntity standing,
            EventPayload event,
            MailTemplateId template,
            Map<String, String> parameters,
            Instant now) {
        return outbox.publish(Topics.REPORTING_EVENTS, EventSources.REPORTING_SERVICE, event)
                .chain(() -> mail.send(MailRequest.to(template, standing.notifierEmail, standing.notifierId)
                        .parameters(parameters)
                        .thread(MailThreads.notifier(standing.notifierKey), Mailboxes.SAFETY)
                        .once(template.id() + ":" + standing.notifierKey.hashCode() + ":" + now.toEpochMilli())));
    }
}
