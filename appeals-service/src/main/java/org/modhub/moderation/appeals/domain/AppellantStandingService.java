package org.modhub.moderation.appeals.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.appeals.config.AppealsConfig;
import org.modhub.moderation.appeals.persistence.AppealEntity;
import org.modhub.moderation.appeals.persistence.AppealRepository;
import org.modhub.moderation.appeals.persistence.AppellantSanctionEntity;
import org.modhub.moderation.appeals.persistence.AppellantSanctionRepository;
import org.modhub.moderation.appeals.persistence.AppellantStandingEntity;
import org.modhub.moderation.appeals.persistence.AppellantStandingRepository;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.appeals.AppellantReinstated;
import org.modhub.moderation.contracts.event.appeals.AppellantSuspended;
import org.modhub.moderation.contracts.event.appeals.AppellantWarned;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.mail.MailRequest;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.kit.misuse.MisuseLadder;
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
 * Appellants' standing, the misuse ladder of DSA Art. 23(2) (the kit's {@link MisuseLadder}, as reporting-service's
 * notifiers): appellants who often file manifestly unfounded appeals are warned, then their appeals are not handled for
 * a time (doubling with each suspension, capped); a timer ends the suspension. Each step is recorded, announced and
 * audited, and mailed to the appellant. Staff can read the standing and lift a suspension.
 */
@ApplicationScoped
public class AppellantStandingService {

    /** Timer kind that ends a suspension. */
    public static final String REINSTATE_TIMER = "appeals.appellant-reinstate";
    /** Every manifestly unfounded appeal counts the same. */
    private static final int WEIGHT = 1;

    private final AppellantStandingRepository standings;
    private final AppellantSanctionRepository sanctions;
    private final AppealRepository appeals;
    private final MailRequests mail;
    private final Timers timers;
    private final AppealsConfig.Misuse rules;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Outbox outbox;
    private final AuditTrail audit;

    public AppellantStandingService(
            AppellantStandingRepository standings,
            AppellantSanctionRepository sanctions,
            AppealRepository appeals,
            MailRequests mail,
            Timers timers,
            AppealsConfig config,
            MeterRegistry registry,
            Clock clock,
            Outbox outbox,
            AuditTrail audit) {
        this.standings = standings;
        this.sanctions = sanctions;
        this.appeals = appeals;
        this.mail = mail;
        this.timers = timers;
        this.rules = config.misuse();
        this.registry = registry;
        this.clock = clock;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** The 403 for an appeal by a suspended appellant: until when and why, in words and as members a client reads. */
    static ProblemException suspended(AppellantStandingEntity standing) {
        return ProblemException.of(
                        "appellant-suspended",
                        "Complaint handling is suspended for this appellant",
                        403,
                        "Your appeals are not handled until " + standing.suspendedUntil + ". Reason: "
                                + standing.suspensionReason)
                .with("suspendedUntil", standing.suspendedUntil.toString())
                .with("reason", standing.suspensionReason);
    }

    /** The appellant's row, locked for the caller's transaction. */
    Uni<AppellantStandingEntity> lock(Appellant appellant) {
        return standings.lockOrCreate(appellant.key().value(), appellant.accountId(), appellant.email());
    }

    @WithSession
    public Uni<AppellantStandingEntity> standing(AppellantKey key) {
        return standings
                .findById(key.value())
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Appellant", key));
    }

    /** Staff end a suspension early; {@code staffId} is the audit trail's actor. */
    @WithTransaction
    public Uni<AppellantStandingEntity> lift(AppellantKey key, String reason, String staffId) {
        Instant now = clock.instant();
        return standings.lockOrCreate(key.value(), null, null).chain(standing -> {
            if (!standing.suspendedAt(now)) {
                throw ProblemException.conflict("Appellant " + key + " is not suspended");
            }
            return timers.cancel(REINSTATE_TIMER, key.value())
                    .chain(() -> reinstate(standing, reason, now, staffId))
                    .replaceWith(standing);
        });
    }

    /** Climbs the ladder after an appeal was found manifestly unfounded; runs in the resolving transaction. */
    Uni<Void> reviewStanding(AppealEntity decided) {
        Instant now = clock.instant();
        Instant since = now.minus(rules.lookback());
        return standings
                .lockOrCreate(decided.appellantKey, decided.appellantId, decided.appellantEmail)
                .chain(standing -> {
                    standing.unfoundedAppeals++;
                    standing.updatedAt = now;
                    if (standing.suspendedAt(now)) {
                        return Uni.createFrom().voidItem();
                    }
                    // The resolving transaction's changes are flushed before these queries, so they count this appeal.
                    return Panache.flush()
                            .chain(() -> appeals.unfoundedSince(standing.appellantKey, since))
                            .chain(unfounded -> appeals.resolvedSince(standing.appellantKey, since)
                                    .chain(resolved -> climb(standing, unfounded, resolved, now)));
                });
    }

    /** Ends a suspension whose time ran out (the reinstatement timer). */
    public Uni<Void> expire(String appellantKey) {
        Instant now = clock.instant();
        return standings.findById(appellantKey).chain(standing -> {
            if (standing == null || !standing.suspensionRanOut(now)) {
                return Uni.createFrom().voidItem();
            }
            return reinstate(standing, "The suspension period ended", now, AppealReview.SYSTEM);
        });
    }

    private Uni<Void> climb(
            AppellantStandingEntity standing, List<AppealEntity> unfounded, long resolved, Instant now) {
        List<MisuseLadder.Finding> findings = unfounded.stream()
                .map(a -> new MisuseLadder.Finding(a.id, a.resolvedAt, WEIGHT))
                .toList();
        MisuseLadder.Step step = MisuseLadder.next(rules, standing.standing(), findings, resolved, now);
        String why = String.format(
                "%d of your %d appeals decided in the last %d days were manifestly unfounded",
                step.counted().size(), step.decided(), rules.lookback().toDays());
        Log.debugf("Appellant %s: %s -> %s", standing.appellantKey, why, step.kind());
        return switch (step.kind()) {
            case WARN -> warn(standing, why, step.counted(), now);
            case SUSPEND -> suspend(standing, why + ", after a warning", step.counted(), now, step.until());
            case NONE -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> warn(AppellantStandingEntity standing, String reason, List<UUID> ids, Instant now) {
        standing.recordWarning(now);
        registry.counter("appeals.appellants.warned").increment();
        Log.infof("Appellant %s warned: %s", standing.appellantKey, reason);
        return history(standing, "WARNED", reason, null, ids, now, AppealReview.SYSTEM)
                .chain(() -> mail.send(standingMail(
                        MailTemplateId.APPELLANT_WARNING,
                        standing,
                        now,
                        Map.of("reason", reason, "unfoundedAppeals", Integer.toString(ids.size())))));
    }

    private Uni<Void> suspend(
            AppellantStandingEntity standing, String reason, List<UUID> ids, Instant now, Instant until) {
        standing.recordSuspension(now, until, reason);
        registry.counter("appeals.appellants.suspended").increment();
        Log.infof("Appellant %s suspended until %s: %s", standing.appellantKey, until, reason);
        return history(standing, "SUSPENDED", reason, until, ids, now, AppealReview.SYSTEM)
                .chain(() -> timers.schedule(REINSTATE_TIMER, standing.appellantKey, until, until.toString()))
                .chain(() -> mail.send(standingMail(
                        MailTemplateId.APPELLANT_SUSPENSION,
                        standing,
                        now,
                        Map.of(
                                "reason",
                                reason,
                                "until",
                                until.toString(),
                                "unfoundedAppeals",
                                Integer.toString(ids.size())))));
    }

    private Uni<Void> reinstate(AppellantStandingEntity standing, String reason, Instant now, String actor) {
        standing.endSuspension(now);
        Log.infof("Appellant %s reinstated: %s", standing.appellantKey, reason);
        return history(standing, "REINSTATED", reason, null, List.of(), now, actor)
                .chain(() -> mail.send(
                        standingMail(MailTemplateId.APPELLANT_REINSTATED, standing, now, Map.of("reason", reason))));
    }

    /** A ladder mail on the appellant's thread, replies to legal@, once per step. */
    private static MailRequest standingMail(
            MailTemplateId template, AppellantStandingEntity standing, Instant now, Map<String, String> parameters) {
        String thread = MailThreads.appellant(standing.appellantKey);
        return MailRequest.to(template, standing.appellantEmail, standing.appellantId)
                .parameters(parameters)
                .thread(thread, Mailboxes.LEGAL)
                .once(template.id() + ":" + thread + ":" + now.toEpochMilli());
    }

    /**
     * Records the ladder's step (the appellant's history, the transparency figures and the audit trail). Warnings and
     * suspensions follow by rule from reviewers' findings, so the service is their actor; a lift is the staff member's.
     */
    private Uni<Void> history(
            AppellantStandingEntity standing,
            String kind,
            String reason,
            Instant until,
            List<UUID> ids,
            Instant now,
            String actor) {
        AppellantSanctionEntity step = new AppellantSanctionEntity();
        step.id = UUID.randomUUID();
        step.appellantKey = standing.appellantKey;
        step.kind = kind;
        step.reason = reason;
        step.until = until;
        step.unfoundedAppeals = ids;
        step.at = now;
        // The step is announced in the same transaction (transparency figures, DSA Art. 24(1)(b)).
        EventPayload event = switch (kind) {
            case "WARNED" -> new AppellantWarned(standing.appellantId, standing.appellantEmail, reason, ids, now);
            case "SUSPENDED" ->
                new AppellantSuspended(standing.appellantId, standing.appellantEmail, reason, ids, now, until);
            case "REINSTATED" -> new AppellantReinstated(standing.appellantId, standing.appellantEmail, reason, now);
            default -> throw new IllegalArgumentException("unknown ladder step " + kind);
        };
        String action = switch (kind) {
            case "WARNED" -> "APPELLANT_WARNED";
            case "SUSPENDED" -> "APPELLANT_SUSPENDED";
            default -> AppealReview.SYSTEM.equals(actor) ? "APPELLANT_REINSTATED" : "APPELLANT_SUSPENSION_LIFTED";
        };
        return sanctions
                .persist(step)
                .chain(() -> outbox.publish(Topics.APPEALS_EVENTS, EventSources.APPEALS_SERVICE, event))
                .chain(() -> audit.record(
                        actor,
                        action,
                        "appellant",
                        standing.appellantKey,
                        null,
                        until == null ? reason : reason + " (until " + until + ")"))
                .replaceWithVoid();
    }
}
