package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.dmca.StrikeRecorded;
import org.modhub.moderation.contracts.event.review.CaseEscalated;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.EscalationReason;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.review.config.ReviewConfig;
import org.modhub.moderation.review.persistence.CaseEntity;
import org.modhub.moderation.review.persistence.CaseRepository;
import org.modhub.moderation.review.persistence.RestrictionRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The repeat-infringer policy of 17 U.S.C. 512(i)(1)(A): when dmca-service records a strike that brings an account to
 * its threshold ({@code StrikeRecorded.repeatInfringer}), the account gets a review case recommending
 * {@code TERMINATE_ACCOUNT}, escalated with reason {@code REPEAT_INFRINGER} and linked to the notices of the strikes in
 * force. A moderator decides it; a termination waits for a senior moderator like any other (four eyes). An account
 * with an open case gets the strikes added to it instead; a strike already linked, or an account already terminated,
 * changes nothing. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class RepeatInfringers {

    private final CaseService cases;
    private final CaseRepository caseRows;
    private final RestrictionRepository restrictions;
    private final Outbox outbox;
    private final CaseOpenings openings;
    private final AuditTrail audit;
    private final ReviewConfig config;
    private final Clock clock;

    public RepeatInfringers(
            CaseService cases,
            CaseRepository caseRows,
            RestrictionRepository restrictions,
            Outbox outbox,
            CaseOpenings openings,
            AuditTrail audit,
            ReviewConfig config,
            Clock clock) {
        this.cases = cases;
        this.caseRows = caseRows;
        this.restrictions = restrictions;
        this.outbox = outbox;
        this.openings = openings;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> strikeRecorded(StrikeRecorded strike) {
        if (!strike.repeatInfringer()) {
            Log.debugf(
                    "Strike %d on %s for notice %s is below the repeat-infringer threshold",
                    strike.strikeCount(), strike.account().key(), strike.noticeId());
            return Uni.createFrom().voidItem();
        }
        String account = strike.account().key();
        LinkedHashSet<UUID> notices = new LinkedHashSet<>(strike.strikeNoticeIds());
        notices.add(strike.noticeId());
        return linked(account, strike.noticeId()).chain(seen -> {
            if (seen) {
                // The same strike sent again (a redelivery under a new event id): its case exists already.
                return Uni.createFrom().voidItem();
            }
            return restrictions
                    .count(
                            "subjectKey = ?1 and action = ?2 and liftedAt is null",
                            account,
                            ModerationAction.TERMINATE_ACCOUNT)
                    .chain(terminated -> {
                        if (terminated > 0) {
                            Log.infof(
                                    "Repeat-infringer strike on %s (notice %s): the account is terminated already",
                                    account, strike.noticeId());
                            return Uni.createFrom().voidItem();
                        }
                        return cases.lockOpen(account)
                                .chain(open -> open == null
                                        ? open(strike, List.copyOf(notices))
                                        : addTo(open, strike, List.copyOf(notices)));
                    });
        });
    }

    private Uni<Void> open(StrikeRecorded strike, List<UUID> notices) {
        Instant now = clock.instant();
        CaseEntity c = new CaseEntity();
        c.id = UUID.randomUUID();
        c.subjectKey = strike.account().key();
        c.subjectKind = strike.account().kind().keyPrefix();
        c.state = CaseState.OPEN;
        c.category = PolicyCategory.PRIVACY_AND_IP;
        c.subcategory = PolicySubcategory.IP_INFRINGEMENT;
        c.severity = Taxonomy.severityOf(c.category, c.subcategory);
        c.origin = DecisionOrigin.DMCA;
        c.noticeId = strike.noticeId();
        c.recommendedAction = ModerationAction.TERMINATE_ACCOUNT;
        c.escalated = true;
        c.escalationReason = EscalationReason.REPEAT_INFRINGER;
        c.openedAt = now;
        c.updatedAt = now;
        c.dueAt = now.plus(config.due().of(c.severity));
        CasePriority.update(c);
        // Flushed first: the strike links are inserted by SQL and reference the case row.
        return caseRows.persistAndFlush(c)
                .chain(() -> link(c, notices, now))
                .chain(() -> openings.announce(c, strike.account(), List.of()))
                .chain(() -> outbox.publish(
                        Topics.REVIEW_EVENTS,
                        EventSources.REVIEW_SERVICE,
                        new CaseEscalated(c.id, strike.account(), EscalationReason.REPEAT_INFRINGER, c.severity, now)))
                .chain(() -> audit.record(
                        Audit.SYSTEM,
                        "case.opened",
                        "case",
                        c.id,
                        c.id,
                        c.subjectKey,
                        "repeat infringer (17 U.S.C. 512(i)): " + strike.strikeCount() + " strikes in force, notices "
                                + notices + "; recommends TERMINATE_ACCOUNT"));
    }

    private Uni<Void> addTo(CaseEntity c, StrikeRecorded strike, List<UUID> notices) {
        Instant now = clock.instant();
        c.recommendedAction = ModerationAction.TERMINATE_ACCOUNT;
        c.updatedAt = now;
        Uni<Void> chain = link(c, notices, now)
                .chain(() -> audit.record(
                        Audit.SYSTEM,
                        "case.strikes-added",
                        "case",
                        c.id,
                        c.id,
                        c.subjectKey,
                        "repeat infringer (17 U.S.C. 512(i)): " + strike.strikeCount() + " strikes in force, notices "
                                + notices + "; recommends TERMINATE_ACCOUNT"));
        if (c.escalationReason != EscalationReason.REPEAT_INFRINGER) {
            chain = chain.chain(() -> cases.escalate(
                    c, EscalationReason.REPEAT_INFRINGER, Audit.SYSTEM, "strike for notice " + strike.noticeId()));
        }
        return chain;
    }

    private static Uni<Boolean> linked(String account, UUID noticeId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT count(*) FROM case_strike WHERE account_key = :account AND notice_id = :notice",
                                Long.class)
                        .setParameter("account", account)
                        .setParameter("notice", noticeId)
                        .getSingleResult())
                .map(n -> n > 0);
    }

    private static Uni<Void> link(CaseEntity c, List<UUID> notices, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID notice : notices) {
            chain = chain.chain(() -> Panache.getSession()
                            .chain(s -> s.createNativeQuery(
                                            "INSERT INTO case_strike (case_id, notice_id, account_key, added_at) VALUES (:case, :notice, :account, :at) "
                                                    + "ON CONFLICT DO NOTHING")
                                    .setParameter("case", c.id)
                                    .setParameter("notice", notice)
                                    .setParameter("account", c.subjectKey)
                                    .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                                    .executeUpdate()))
                    .replaceWithVoid();
        }
        return chain;
    }

    /** The notices of the strikes linked to a case, oldest strike first. */
    static Uni<List<UUID>> strikesOf(UUID caseId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT notice_id FROM case_strike WHERE case_id = :case ORDER BY seq", UUID.class)
                        .setParameter("case", caseId)
                        .getResultList())
                .map(ArrayList::new);
    }
}
