package org.modhub.moderation.reporting.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.timer.Timers;
import org.modhub.moderation.reporting.config.ReportingConfig;
import org.modhub.moderation.reporting.persistence.NotifierStandingEntity;
import org.modhub.moderation.reporting.persistence.NotifierStandingRepository;
import org.modhub.moderation.reporting.persistence.ReportRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What staff do to a notifier's standing: read it; warn, suspend and lift by hand (DSA Art. 23, through
 * {@link NotifierSanctions}); mute — for a period the notifier's reports are still recorded and receipted but held back
 * from review (status MUTED) until staff release them, a triage measure, not an Art. 23 sanction: no mail, no event, and
 * it never stops a report from being recorded; and, for admins, mark trusted flaggers (Art. 22).
 */
@ApplicationScoped
public class NotifierService {

    private final NotifierStandingRepository standings;
    private final ReportRepository reports;
    private final NotifierSanctions sanctions;
    private final Timers timers;
    private final AuditTrail audit;
    private final ReportingConfig.Misuse config;
    private final Clock clock;

    public NotifierService(
            NotifierStandingRepository standings,
            ReportRepository reports,
            NotifierSanctions sanctions,
            Timers timers,
            AuditTrail audit,
            ReportingConfig config,
            Clock clock) {
        this.standings = standings;
        this.reports = reports;
        this.sanctions = sanctions;
        this.timers = timers;
        this.audit = audit;
        this.config = config.misuse();
        this.clock = clock;
    }

    @WithSession
    public Uni<NotifierStandingEntity> standing(NotifierKey key) {
        return standings
                .findById(key.value())
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Notifier", key));
    }

    /** Staff warn by hand. */
    @WithTransaction
    public Uni<NotifierStandingEntity> warn(NotifierKey key, String reason, String staffId) {
        Instant now = clock.instant();
        return standings
                .lock(key)
                .chain(standing -> unfoundedIds(key, now)
                        .chain(ids -> sanctions.warn(standing, reason, ids, now, staffId))
                        .replaceWith(standing));
    }

    /** Staff suspend by hand, until {@code until} (default: the first suspension's length). */
    @WithTransaction
    public Uni<NotifierStandingEntity> suspend(NotifierKey key, String reason, Instant until, String staffId) {
        Instant now = clock.instant();
        Instant end = end(until, now, config.suspension());
        return standings
                .lock(key)
                .chain(standing -> unfoundedIds(key, now)
                        .chain(ids -> sanctions.suspend(standing, reason, ids, now, end, staffId))
                        .replaceWith(standing));
    }

    /** Staff end a suspension now. */
    @WithTransaction
    public Uni<NotifierStandingEntity> lift(NotifierKey key, String reason, String staffId) {
        Instant now = clock.instant();
        return standings.lock(key).chain(standing -> {
            if (!standing.suspendedAt(now)) {
                throw ProblemException.conflict("Notifier " + key + " is not suspended");
            }
            return timers.cancel(NotifierSanctions.REINSTATE_TIMER, key.value())
                    .chain(() -> sanctions.reinstate(standing, reason, now, staffId))
                    .replaceWith(standing);
        });
    }

    /** Holds the notifier's reports back from review until {@code until} (default: the configured mute length). */
    @WithTransaction
    public Uni<NotifierStandingEntity> mute(NotifierKey key, String reason, Instant until, String staffId) {
        NotifierSanctions.requireReason(reason);
        Instant now = clock.instant();
        Instant end = end(until, now, config.mute());
        return standings.lock(key).chain(standing -> {
            standing.mutedUntil = end;
            standing.muteReason = reason;
            standing.mutedBy = staffId;
            standing.updatedAt = now;
            Log.infof("Notifier %s muted until %s by %s", key, end, staffId);
            return audit.record(
                            staffId, "NOTIFIER_MUTED", "notifier", key.value(), null, "until " + end + ": " + reason)
                    .replaceWith(standing);
        });
    }

    /** Ends a mute now; reports held while it lasted stay MUTED until staff release them. */
    @WithTransaction
    public Uni<NotifierStandingEntity> unmute(NotifierKey key, String reason, String staffId) {
        NotifierSanctions.requireReason(reason);
        Instant now = clock.instant();
        return standings.lock(key).chain(standing -> {
            if (!standing.mutedAt(now)) {
                throw ProblemException.conflict("Notifier " + key + " is not muted");
            }
            standing.mutedUntil = now;
            standing.updatedAt = now;
            Log.infof("Notifier %s unmuted by %s: %s", key, staffId, reason);
            return audit.record(staffId, "NOTIFIER_UNMUTED", "notifier", key.value(), null, reason)
                    .replaceWith(standing);
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
        Instant now = clock.instant();
        return standings.lock(key).chain(standing -> {
            if (standing.trustedFlagger == trusted) {
                return Uni.createFrom().item(standing);
            }
            standing.trustedFlagger = trusted;
            standing.trustedSince = trusted ? now : null;
            standing.updatedAt = now;
            return audit.record(
                            adminId,
                            trusted ? "TRUSTED_FLAGGER_MARKED" : "TRUSTED_FLAGGER_UNMARKED",
                            "notifier",
                            key.value(),
                            null,
                            null)
                    .replaceWith(standing);
        });
    }

    /** The end staff gave (cut to what the database keeps), else {@code length} from now; it must lie ahead. */
    private static Instant end(Instant until, Instant now, Duration length) {
        Instant end = until != null ? until.truncatedTo(ChronoUnit.MICROS) : now.plus(length);
        if (!end.isAfter(now)) {
            throw ProblemException.invalidField("until", "must be in the future");
        }
        return end;
    }

    private Uni<List<UUID>> unfoundedIds(NotifierKey key, Instant now) {
        return reports.unfoundedSince(key.value(), now.minus(config.lookback()))
                .map(list -> list.stream().map(r -> r.id).toList());
    }
}
