package org.modhub.moderation.appeals.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.appeals.config.AppealsConfig;
import org.modhub.moderation.appeals.persistence.AppealEntity;
import org.modhub.moderation.appeals.persistence.AppealRepository;
import org.modhub.moderation.appeals.persistence.AppellantSanctionEntity;
import org.modhub.moderation.appeals.persistence.AppellantStandingEntity;
import org.modhub.moderation.appeals.persistence.AppellantStandingRepository;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.appeals.AppellantReinstated;
import org.modhub.moderation.contracts.event.appeals.AppellantSuspended;
import org.modhub.moderation.contracts.event.appeals.AppellantWarned;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.timer.Timers;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Appellants' standing, the misuse ladder of DSA Art. 23(2) in the shape of reporting-service's
 * notifier ladder: appellants who often file manifestly unfounded appeals are warned, then their
 * appeals are not handled for a time (doubling with each suspension, capped); a timer ends the
 * suspension. Judged on the number of manifestly unfounded appeals since the last suspension
 * within the look-back period and their share of the appellant's decided appeals (Art. 23(3)).
 * Staff can read the standing and lift a suspension.
 */
@ApplicationScoped
public class AppellantStandingService {

    /** Timer kind that ends a suspension. */
    public static final String REINSTATE_TIMER = "appeals.appellant-reinstate";

    private final AppellantStandingRepository standings;
    private final AppealRepository appeals;
    private final AppellantMail mail;
    private final Timers timers;
    private final AppealsConfig.Misuse config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Outbox outbox;
    private final AuditTrail audit;

    public AppellantStandingService(AppellantStandingRepository standings, AppealRepository appeals, AppellantMail mail,
            Timers timers, AppealsConfig config, MeterRegistry registry, Clock clock, Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
        this.standings = standings;
        this.appeals = appeals;
        this.mail = mail;
        this.timers = timers;
        this.config = config.misuse();
        this.registry = registry;
        this.clock = clock;
    }

    /** The appellant's row, locked for the caller's transaction. */
    Uni<AppellantStandingEntity> lock(Appellant appellant) {
        return standings.lockOrCreate(appellant.key().value(), appellant.accountId(), appellant.email());
    }

    @WithSession
    public Uni<AppellantStandingEntity> standing(AppellantKey key) {
        return standings.findById(key.value()).onItem().ifNull().failWith(() -> ProblemException.notFound("Appellant", key));
    }

    /** Staff end a suspension early; {@code staffId} is the audit trail's actor. */
    @WithTransaction
    public Uni<AppellantStandingEntity> lift(AppellantKey key, String reason, String staffId) {
        Instant now = now();
        return standings.lockOrCreate(key.value(), null, null).chain(standing -> {
            if (!standing.suspendedAt(now)) {
                throw ProblemException.conflict("Appellant " + key + " is not suspended");
            }
            return timers.cancel(REINSTATE_TIMER, key.value()).chain(() -> reinstate(standing, reason, now, staffId))
                    .replaceWith(standing);
        });
    }

    /** Climbs the ladder after an appeal was found manifestly unfounded; runs in the resolving transaction. */
    Uni<Void> reviewStanding(AppealEntity decided) {
        Instant now = now();
        Instant since = now.minus(config.lookback());
        return standings.lockOrCreate(decided.appellantKey, decided.appellantId, decided.appellantEmail).chain(standing -> {
            standing.unfoundedAppeals++;
            standing.updatedAt = now;
            if (standing.suspendedAt(now)) {
                return Uni.createFrom().voidItem();
            }
            // The resolving transaction's changes are flushed before these queries, so they count this appeal.
            return Panache.flush().chain(() -> appeals.unfoundedSince(standing.appellantKey, since))
                    .chain(unfounded -> appeals.resolvedSince(standing.appellantKey, since)
                            .chain(resolved -> climb(standing, unfounded, resolved, now)));
        });
    }

    /** Ends a suspension whose time ran out (the reinstatement timer). */
    public Uni<Void> expire(String appellantKey) {
        Instant now = now();
        return standings.findById(appellantKey).chain(standing -> {
            if (standing == null || standing.suspendedUntil == null || standing.suspendedAt(now)) {
                return Uni.createFrom().voidItem();
            }
            return reinstate(standing, "The suspension period ended", now, AppealService.SYSTEM);
        });
    }

    private Uni<Void> climb(AppellantStandingEntity standing, List<AppealEntity> unfounded, long resolved, Instant now) {
        Instant lastSuspension = standing.suspendedAt != null ? standing.suspendedAt : Instant.EPOCH;
        List<AppealEntity> counted = unfounded.stream().filter(a -> a.resolvedAt.isAfter(lastSuspension)).toList();
        int score = counted.size();
        double share = resolved == 0 ? 0 : (double) counted.size() / resolved;
        boolean warned = standing.lastWarnedAt != null && standing.lastWarnedAt.isAfter(lastSuspension)
                && standing.lastWarnedAt.isAfter(now.minus(config.lookback()));
        List<UUID> ids = counted.stream().map(a -> a.id).toList();
        String why = String.format("%d of your %d appeals decided in the last %d days were manifestly unfounded", score, resolved,
                config.lookback().toDays());
        Log.debugf("Appellant %s: unfounded %d, share %.2f, warned %s", standing.appellantKey, score, share, warned);
        if (share < config.minUnfoundedShare()) {
            return Uni.createFrom().voidItem();
        }
        if (!warned && score >= config.warnAt()) {
            return warn(standing, why, ids, now);
        }
        if (warned && score >= config.suspendAt()) {
            Duration length = config.suspension().multipliedBy(1L << Math.min(standing.suspensions, 16));
            if (length.compareTo(config.maxSuspension()) > 0) {
                length = config.maxSuspension();
            }
            return suspend(standing, why + ", after a warning", ids, now, now.plus(length));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> warn(AppellantStandingEntity standing, String reason, List<UUID> ids, Instant now) {
        standing.warnings++;
        standing.lastWarnedAt = now;
        standing.updatedAt = now;
        registry.counter("appeals.appellants.warned").increment();
        Log.infof("Appellant %s warned: %s", standing.appellantKey, reason);
        return history(standing, "WARNED", reason, null, ids, now, AppealService.SYSTEM).chain(() -> mail.send(AppellantMail.APPELLANT_WARNING,
                standing.appellantEmail, standing.appellantId,
                Map.of("reason", reason, "unfoundedAppeals", Integer.toString(ids.size())), thread(standing.appellantKey),
                AppellantMail.APPELLANT_WARNING + ":" + thread(standing.appellantKey) + ":" + now.toEpochMilli()));
    }

    private Uni<Void> suspend(AppellantStandingEntity standing, String reason, List<UUID> ids, Instant now, Instant until) {
        standing.suspensions++;
        standing.suspendedAt = now;
        standing.suspendedUntil = until;
        standing.suspensionReason = reason;
        standing.updatedAt = now;
        registry.counter("appeals.appellants.suspended").increment();
        Log.infof("Appellant %s suspended until %s: %s", standing.appellantKey, until, reason);
        return history(standing, "SUSPENDED", reason, until, ids, now, AppealService.SYSTEM)
                .chain(() -> timers.schedule(REINSTATE_TIMER, standing.appellantKey, until, until.toString()))
                .chain(() -> mail.send(AppellantMail.APPELLANT_SUSPENSION, standing.appellantEmail, standing.appellantId,
                        Map.of("reason", reason, "until", until.toString(), "unfoundedAppeals", Integer.toString(ids.size())),
                        thread(standing.appellantKey),
                        AppellantMail.APPELLANT_SUSPENSION + ":" + thread(standing.appellantKey) + ":" + now.toEpochMilli()));
    }

    private Uni<Void> reinstate(AppellantStandingEntity standing, String reason, Instant now, String actor) {
        standing.suspendedUntil = now;
        standing.updatedAt = now;
        Log.infof("Appellant %s reinstated: %s", standing.appellantKey, reason);
        return history(standing, "REINSTATED", reason, null, List.of(), now, actor).chain(() -> mail.send(
                AppellantMail.APPELLANT_REINSTATED, standing.appellantEmail, standing.appellantId,
                Map.of("reason", reason), thread(standing.appellantKey),
                AppellantMail.APPELLANT_REINSTATED + ":" + thread(standing.appellantKey) + ":" + now.toEpochMilli()));
    }

    /** Sanctions of each kind taken within [from, to) (Art. 24(1)(b): suspensions for manifestly unfounded complaints). */
    @WithSession
    public Uni<Map<String, Long>> sanctionsBetween(Instant from, Instant to) {
        return AppellantSanctionEntity.<AppellantSanctionEntity> list("at >= ?1 and at < ?2", from, to).map(list -> {
            Map<String, Long> counts = new java.util.TreeMap<>(Map.of("WARNED", 0L, "SUSPENDED", 0L, "REINSTATED", 0L));
            list.forEach(s -> counts.merge(s.kind, 1L, Long::sum));
            return counts;
        });
    }

    /**
     * Records the ladder's step (the appellant's history, the transparency figures and the audit trail). Warnings and
     * suspensions follow by rule from reviewers' findings, so the service is their actor; a lift is the staff member's.
     */
    private Uni<Void> history(AppellantStandingEntity standing, String kind, String reason, Instant until, List<UUID> ids,
            Instant now, String actor) {
        AppellantSanctionEntity step = new AppellantSanctionEntity();
        step.id = UUID.randomUUID();
        step.appellantKey = standing.appellantKey;
        step.kind = kind;
        step.reason = reason;
        step.until = until;
        step.unfoundedAppeals = String.join(",", ids.stream().map(UUID::toString).toList());
        step.at = now;
        // The step is announced in the same transaction (transparency figures, DSA Art. 24(1)(b)).
        EventPayload event = switch (kind) {
            case "WARNED" -> new AppellantWarned(standing.appellantId, standing.appellantEmail, reason, ids, now);
            case "SUSPENDED" -> new AppellantSuspended(standing.appellantId, standing.appellantEmail, reason, ids, now, until);
            case "REINSTATED" -> new AppellantReinstated(standing.appellantId, standing.appellantEmail, reason, now);
            default -> throw new IllegalArgumentException("unknown ladder step " + kind);
        };
        String action = switch (kind) {
            case "WARNED" -> "APPELLANT_WARNED";
            case "SUSPENDED" -> "APPELLANT_SUSPENDED";
            default -> AppealService.SYSTEM.equals(actor) ? "APPELLANT_REINSTATED" : "APPELLANT_SUSPENSION_LIFTED";
        };
        return step.persist().chain(() -> outbox.publish(Topics.APPEALS_EVENTS, EventSources.APPEALS_SERVICE, event))
                .chain(() -> audit.record(actor, action, "appellant", standing.appellantKey, null,
                        until == null ? reason : reason + " (until " + until + ")"))
                .replaceWithVoid();
    }

    /** The thread key of an appellant's standing mails: {@code appellant:<uuid>} (no address in the key). */
    static String thread(String appellantKey) {
        return "appellant:" + UUID.nameUUIDFromBytes(appellantKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
