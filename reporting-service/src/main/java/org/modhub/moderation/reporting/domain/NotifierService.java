package org.modhub.moderation.reporting.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.reporting.NotifierReinstated;
import org.modhub.moderation.contracts.event.reporting.NotifierSuspended;
import org.modhub.moderation.contracts.event.reporting.NotifierWarned;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.timer.Timers;
import org.modhub.moderation.reporting.config.ReportingConfig;
import org.modhub.moderation.reporting.messaging.NotifierMail;
import org.modhub.moderation.reporting.persistence.NotifierStandingEntity;
import org.modhub.moderation.reporting.persistence.NotifierStandingRepository;
import org.modhub.moderation.reporting.persistence.ReportEntity;
import org.modhub.moderation.reporting.persistence.ReportRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Notifiers' standing: trusted flaggers (DSA Art. 22) and the misuse ladder (Art. 23) — a warning,
 * then a time-limited suspension of report processing, judged on the weighted number of manifestly
 * unfounded reports (gravity: a false allegation of a high or critical harm weighs more) and their
 * share of all the notifier's reports within the look-back period. Staff can also warn, suspend and
 * lift by hand, and mute: for a period the notifier's reports are still recorded and receipted but
 * held back from review (status MUTED) until staff release them. A mute is a triage measure, not an
 * Art. 23 sanction: no mail, no event, and it never stops a report from being recorded.
 */
@ApplicationScoped
public class NotifierService {

    /** Timer kind that ends a suspension. */
    public static final String REINSTATE_TIMER = "reporting.notifier-reinstate";
    /** The actor of the ladder's own warnings and suspensions, and of a suspension's end, in the audit log. */
    public static final String SYSTEM = AuditTrail.system("reporting-service");

    private final NotifierStandingRepository standings;
    private final ReportRepository reports;
    private final Outbox outbox;
    private final NotifierMail mail;
    private final Timers timers;
    private final AuditTrail audit;
    private final ReportingConfig.Misuse config;
    private final Clock clock;

    public NotifierService(NotifierStandingRepository standings, ReportRepository reports, Outbox outbox, NotifierMail mail,
            Timers timers, AuditTrail audit, ReportingConfig config, Clock clock) {
        this.standings = standings;
        this.reports = reports;
        this.outbox = outbox;
        this.mail = mail;
        this.timers = timers;
        this.audit = audit;
        this.config = config.misuse();
        this.clock = clock;
    }

    @WithSession
    public Uni<NotifierStandingEntity> standing(NotifierKey key) {
        return standings.findById(key.value()).onItem().ifNull().failWith(() -> ProblemException.notFound("Notifier", key));
    }

    /** Staff warn by hand. */
    @WithTransaction
    public Uni<NotifierStandingEntity> warn(NotifierKey key, String reason, String staffId) {
        Instant now = now();
        return lock(key).chain(standing -> unfoundedIds(key, now).chain(ids -> warn(standing, reason, ids, now, staffId)))
                .map(NotifierStandingEntity.class::cast);
    }

    /** Staff suspend by hand, until {@code until} (default: the first suspension's length). */
    @WithTransaction
    public Uni<NotifierStandingEntity> suspend(NotifierKey key, String reason, Instant until, String staffId) {
        Instant now = now();
        Instant end = until != null ? until.truncatedTo(ChronoUnit.MICROS) : now.plus(config.suspension());
        if (!end.isAfter(now)) {
            throw ProblemException.invalidField("until", "must be in the future");
        }
        return lock(key).chain(standing -> unfoundedIds(key, now)
                .chain(ids -> suspend(standing, reason, ids, now, end, staffId)).replaceWith(standing));
    }

    /** Staff end a suspension now. */
    @WithTransaction
    public Uni<NotifierStandingEntity> lift(NotifierKey key, String reason, String staffId) {
        Instant now = now();
        return lock(key).chain(standing -> {
            if (!standing.suspendedAt(now)) {
                throw ProblemException.conflict("Notifier " + key + " is not suspended");
            }
            return timers.cancel(REINSTATE_TIMER, key.value()).chain(() -> reinstate(standing, reason, now, staffId))
                    .replaceWith(standing);
        });
    }

    /** Holds the notifier's reports back from review until {@code until} (default: the configured mute length). */
    @WithTransaction
    public Uni<NotifierStandingEntity> mute(NotifierKey key, String reason, Instant until, String staffId) {
        requireReason(reason);
        Instant now = now();
        Instant end = until != null ? until.truncatedTo(ChronoUnit.MICROS) : now.plus(config.mute());
        if (!end.isAfter(now)) {
            throw ProblemException.invalidField("until", "must be in the future");
        }
        return lock(key).chain(standing -> {
            standing.mutedUntil = end;
            standing.muteReason = reason;
            standing.mutedBy = staffId;
            standing.updatedAt = now;
            Log.infof("Notifier %s muted until %s by %s", key, end, staffId);
            return audit.record(staffId, "NOTIFIER_MUTED", "notifier", key.value(), null, "until " + end + ": " + reason)
                    .replaceWith(standing);
        });
    }

    /** Ends a mute now; reports held while it lasted stay MUTED until staff release them. */
    @WithTransaction
    public Uni<NotifierStandingEntity> unmute(NotifierKey key, String reason, String staffId) {
        requireReason(reason);
        Instant now = now();
        return lock(key).chain(standing -> {
            if (!standing.mutedAt(now)) {
                throw ProblemException.conflict("Notifier " + key + " is not muted");
            }
            standing.mutedUntil = now;
            standing.updatedAt = now;
            Log.infof("Notifier %s unmuted by %s: %s", key, staffId, reason);
            return audit.record(staffId, "NOTIFIER_UNMUTED", "notifier", key.value(), null, reason).replaceWith(standing);
        });
    }

    /**
     * An admin marks or unmarks a hub account as trusted flagger (DSA Art. 22). The mark is read under the standing's row
     * lock in every filing transaction, so each report is marked exactly as its notifier stood when it was filed; setting
     * what is already set changes nothing and records nothing.
     */
    @WithTransaction
    public Uni<NotifierStandingEntity> setTrustedFlagger(NotifierKey key, boolean trusted, String adminId) {
        if (!key.isUser()) {
            throw ProblemException.invalidField("notifier", "only hub accounts (user:<id>) can be trusted flaggers");
        }
        Instant now = now();
        return lock(key).chain(standing -> {
            if (standing.trustedFlagger == trusted) {
                return Uni.createFrom().item(standing);
            }
            standing.trustedFlagger = trusted;
            standing.trustedSince = trusted ? now : null;
            standing.updatedAt = now;
            return audit.record(adminId, trusted ? "TRUSTED_FLAGGER_MARKED" : "TRUSTED_FLAGGER_UNMARKED", "notifier",
                    key.value(), null, null).replaceWith(standing);
        });
    }

    /**
     * Climbs the ladder after some of the notifier's reports were found manifestly unfounded. Runs
     * in the caller's transaction (the consumer of {@code review.events}).
     */
    public Uni<Void> reviewStanding(NotifierKey key, int newlyUnfounded) {
        Instant now = now();
        Instant since = now.minus(config.lookback());
        return lock(key).chain(standing -> {
            standing.unfoundedReports += newlyUnfounded;
            standing.updatedAt = now;
            if (standing.suspendedAt(now)) {
                return Uni.createFrom().voidItem();
            }
            return reports.unfoundedSince(key.value(), since).chain(unfounded -> reports.countReviewableSince(key.value(), since)
                    .chain(filed -> climb(standing, unfounded, filed, now)));
        });
    }

    /** Ends a suspension whose time ran out (the reinstatement timer). */
    public Uni<Void> expire(String notifierKey) {
        Instant now = now();
        return standings.findById(notifierKey).chain(standing -> {
            if (standing == null || standing.suspendedUntil == null || standing.suspendedAt(now)) {
                return Uni.createFrom().voidItem();
            }
            return reinstate(standing, "The suspension period ended", now, SYSTEM);
        });
    }

    // --- the ladder ---

    private Uni<Void> climb(NotifierStandingEntity standing, List<ReportEntity> unfounded, long filed, Instant now) {
        Instant lastSuspension = standing.suspendedAt != null ? standing.suspendedAt : Instant.EPOCH;
        List<ReportEntity> counted = unfounded.stream()
                .filter(r -> r.decidedAt != null && r.decidedAt.isAfter(lastSuspension)).toList();
        int score = counted.stream().mapToInt(r -> ReportRules.grave(r.category, r.subcategory) ? config.graveWeight() : 1).sum();
        double share = filed == 0 ? 0 : (double) counted.size() / filed;
        boolean warned = standing.lastWarnedAt != null && standing.lastWarnedAt.isAfter(lastSuspension)
                && standing.lastWarnedAt.isAfter(now.minus(config.lookback()));
        List<UUID> ids = counted.stream().map(r -> r.id).toList();
        String why = String.format("%d of your %d reports in the last %d days were found manifestly unfounded",
                counted.size(), filed, config.lookback().toDays());
        Log.debugf("Notifier %s: unfounded score %d, share %.2f, warned %s", standing.notifierKey, score, share, warned);
        if (share < config.minUnfoundedShare()) {
            return Uni.createFrom().voidItem();
        }
        if (!warned && score >= config.warnAt()) {
            return warn(standing, why, ids, now, SYSTEM).replaceWithVoid();
        }
        if (warned && score >= config.suspendAt()) {
            Duration length = config.suspension().multipliedBy(1L << Math.min(standing.suspensions, 16));
            if (length.compareTo(config.maxSuspension()) > 0) {
                length = config.maxSuspension();
            }
            return suspend(standing, why + ", after a warning", ids, now, now.plus(length), SYSTEM);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<NotifierStandingEntity> warn(NotifierStandingEntity standing, String reason, List<UUID> ids, Instant now,
            String actor) {
        requireReason(reason);
        standing.warnings++;
        standing.lastWarnedAt = now;
        standing.updatedAt = now;
        NotifierWarned event = new NotifierWarned(standing.notifierId, standing.notifierEmail, reason, ids, now);
        return outbox.publish(Topics.REPORTING_EVENTS, EventSources.REPORTING_SERVICE, event)
                .chain(() -> mail.send(NotifierMail.NOTIFIER_WARNING, standing.notifierEmail, standing.notifierId,
                        Map.of("reason", reason, "unfoundedReports", Integer.toString(ids.size())),
                        NotifierMail.notifierThread(standing.notifierKey),
                        NotifierMail.NOTIFIER_WARNING + ":" + standing.notifierKey.hashCode() + ":" + now.toEpochMilli()))
                .chain(() -> audit.record(actor, "NOTIFIER_WARNED", "notifier", standing.notifierKey, null, reason))
                .replaceWith(standing);
    }

    private Uni<Void> suspend(NotifierStandingEntity standing, String reason, List<UUID> ids, Instant now, Instant until,
            String actor) {
        requireReason(reason);
        standing.suspensions++;
        standing.suspendedAt = now;
        standing.suspendedUntil = until;
        standing.suspensionReason = reason;
        standing.updatedAt = now;
        NotifierSuspended event = new NotifierSuspended(standing.notifierId, standing.notifierEmail, reason, ids, now, until);
        return outbox.publish(Topics.REPORTING_EVENTS, EventSources.REPORTING_SERVICE, event)
                .chain(() -> timers.schedule(REINSTATE_TIMER, standing.notifierKey, until, until.toString()))
                .chain(() -> mail.send(NotifierMail.NOTIFIER_SUSPENSION, standing.notifierEmail, standing.notifierId,
                        Map.of("reason", reason, "until", until.toString()),
                        NotifierMail.notifierThread(standing.notifierKey),
                        NotifierMail.NOTIFIER_SUSPENSION + ":" + standing.notifierKey.hashCode() + ":" + now.toEpochMilli()))
                .chain(() -> audit.record(actor, "NOTIFIER_SUSPENDED", "notifier", standing.notifierKey, null,
                        "until " + until + ": " + reason));
    }

    private Uni<Void> reinstate(NotifierStandingEntity standing, String reason, Instant now, String actor) {
        requireReason(reason);
        standing.suspendedUntil = now;
        standing.updatedAt = now;
        NotifierReinstated event = new NotifierReinstated(standing.notifierId, standing.notifierEmail, reason, now);
        return outbox.publish(Topics.REPORTING_EVENTS, EventSources.REPORTING_SERVICE, event)
                .chain(() -> mail.send(NotifierMail.NOTIFIER_REINSTATED, standing.notifierEmail, standing.notifierId,
                        Map.of("reason", reason), NotifierMail.notifierThread(standing.notifierKey),
                        NotifierMail.NOTIFIER_REINSTATED + ":" + standing.notifierKey.hashCode() + ":" + now.toEpochMilli()))
                .chain(() -> audit.record(actor, "NOTIFIER_REINSTATED", "notifier", standing.notifierKey, null, reason));
    }

    private Uni<List<UUID>> unfoundedIds(NotifierKey key, Instant now) {
        return reports.unfoundedSince(key.value(), now.minus(config.lookback())).map(list -> list.stream().map(r -> r.id).toList());
    }

    private Uni<NotifierStandingEntity> lock(NotifierKey key) {
        return standings.lockOrCreate(key.value(), key.accountId(), key.emailAddress());
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "is required");
        }
        if (reason.length() > 2000) {
            throw ProblemException.invalidField("reason", "must be at most 2000 characters");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
