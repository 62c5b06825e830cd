package org.modhub.moderation.dmca.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.dmca.StrikeRecorded;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.persistence.StrikeEntity;
import org.modhub.moderation.dmca.persistence.StrikeRepository;
import org.modhub.moderation.dmca.persistence.TakedownEntity;
import org.modhub.moderation.dmca.persistence.TakedownRepository;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The hub's repeat-infringer policy (17 U.S.C. 512(i)(1)(A)): one strike per takedown that stood —
 * not countered within {@code dmca.strikes.counter-notice-grace}, or countered but upheld by a court
 * action — in force for {@code dmca.strikes.lookback}; at {@code dmca.strikes.threshold} strikes in
 * force, {@code StrikeRecorded} with {@code repeatInfringer=true} asks review-service to open a
 * termination case, linked to every strike's notice. A restored takedown is no strike.
 */
@ApplicationScoped
public class StrikeService {

    /** Timer: a takedown not countered in time becomes a strike (key: takedown id). */
    public static final String STRIKE_TIMER = "dmca.strike";

    private final StrikeRepository strikes;
    private final TakedownRepository takedowns;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final DmcaConfig.Strikes config;
    private final Clock clock;

    public StrikeService(
            StrikeRepository strikes,
            TakedownRepository takedowns,
            Outbox outbox,
            AuditTrail audit,
            DmcaConfig config,
            Clock clock) {
        this.strikes = strikes;
        this.takedowns = takedowns;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config.strikes();
        this.clock = clock;
    }

    /** A takedown not countered within the grace period stood: a strike (timer, in its transaction). */
    public Uni<Void> strikeDue(UUID takedownId) {
        return takedowns
                .findById(takedownId)
                .chain(t -> t == null || t.status != TakedownStatus.IN_FORCE
                        ? Uni.createFrom().voidItem()
                        : record(t, "NOT_COUNTERED", clock.instant(), Audit.SYSTEM));
    }

    /**
     * One strike per takedown that stood, in the caller's transaction; {@code StrikeRecorded} names
     * every strike in force, oldest first, and at the threshold recommends termination.
     */
    public Uni<Void> record(TakedownEntity t, String reason, Instant now, String actor) {
        return strikes.byTakedown(t.id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            StrikeEntity s = new StrikeEntity();
            s.id = UUID.randomUUID();
            s.accountId = t.uploaderId;
            s.accountName = t.uploaderName;
            s.noticeId = t.noticeId;
            s.takedownId = t.id;
            s.reason = reason;
            s.recordedAt = now;
            return strikes.persist(s)
                    .chain(() -> strikes.listInForce(t.uploaderId, since(now)))
                    .chain(inForce -> {
                        int count = inForce.size();
                        boolean repeat = repeatInfringer(count);
                        if (repeat) {
                            Log.infof(
                                    "Account %s reached %d DMCA strikes in force: termination recommended",
                                    t.uploaderId, count);
                        }
                        List<UUID> noticeIds =
                                inForce.stream().map(x -> x.noticeId).toList();
                        return outbox.publish(
                                        Topics.DMCA_EVENTS,
                                        EventSources.DMCA_SERVICE,
                                        new StrikeRecorded(
                                                t.uploaderId,
                                                SubjectRef.account(t.uploaderName),
                                                t.noticeId,
                                                count,
                                                repeat,
                                                now,
                                                noticeIds))
                                .chain(() -> audit.record(
                                        actor,
                                        repeat ? "REPEAT_INFRINGER_STRIKE_RECORDED" : "STRIKE_RECORDED",
                                        "strike",
                                        s.id,
                                        SubjectRef.account(t.uploaderName).key(),
                                        reason + "; notice " + t.noticeId + "; " + count + " of " + config.threshold()
                                                + " strikes in force"));
                    });
        });
    }

    /** An account's strikes in force (recorded within the lookback), oldest first. */
    @WithSession
    public Uni<List<StrikeEntity>> inForce(String accountId) {
        return strikes.listInForce(accountId, since(clock.instant()));
    }

    public int threshold() {
        return config.threshold();
    }

    /** Whether an account with {@code strikesInForce} strikes is a repeat infringer (512(i)(1)(A)). */
    public boolean repeatInfringer(int strikesInForce) {
        return strikesInForce >= config.threshold();
    }

    private Instant since(Instant now) {
        return now.minus(config.lookback());
    }
}
