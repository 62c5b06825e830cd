package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.dsa.DsaTerritories;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;
import org.modhub.moderation.contracts.event.appeals.DisputeSettled;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.LegalProvision;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.hub.HubAccount;
import org.modhub.moderation.kit.hub.HubSubject;
import org.modhub.moderation.kit.inbox.PoisonMessageException;
import org.modhub.moderation.review.persistence.DecisionEntity;
import org.modhub.moderation.review.persistence.DecisionRepository;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds the ledger from the other services: an accepted DMCA takedown becomes a recorded decision
 * (ground: illegal content, infringement of IP; source: a notice), a restoration its reversal, and
 * a reversed or modified appeal a reversal and/or a new decision. Each carries a statement of
 * reasons. Runs in the consumer's transaction.
 *
 * <p>The owner of such a decision is never typed here either: a takedown's is the uploader dmca-service resolved
 * from the hub directory, an appeal's that of the decision appealed. What else a decision needs from the directory
 * (when the content was posted, the uploader's country) is asked here; when the hub cannot answer, the
 * {@code HubUnavailableException} leaves the event unacknowledged and the kit's consumer retries it until it can.
 */
@ApplicationScoped
public class LedgerFeeds {

    /** Who decides a takedown: the DMCA process on the accepted notice; the legal staff member who accepted it approves. */
    public static final String DMCA_DECIDER = "system:dmca-service";

    private final DecisionService decisions;
    private final DecisionRepository decided;
    private final CaseService cases;
    private final PolicyService policies;
    private final Ownership ownership;
    private final Enforcement enforcement;
    private final AuditTrail audit;
    private final Clock clock;

    public LedgerFeeds(
            DecisionService decisions,
            DecisionRepository decided,
            CaseService cases,
            PolicyService policies,
            Ownership ownership,
            Enforcement enforcement,
            AuditTrail audit,
            Clock clock) {
        this.decisions = decisions;
        this.decided = decided;
        this.cases = cases;
        this.policies = policies;
        this.ownership = ownership;
        this.enforcement = enforcement;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Void> takedown(TakedownOrdered t) {
        return Multi.createFrom()
                .iterable(t.subjects())
                .onItem()
                .transformToUniAndConcatenate(subject -> takedown(t, subject))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> takedown(TakedownOrdered t, SubjectRef subject) {
        return decided.count(
                        "noticeId = ?1 and subjectKey = ?2 and kind = ?3",
                        t.noticeId(),
                        subject.key(),
                        DecisionKind.DECISION)
                .chain(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    // Asked before anything is written: when the hub is down this fails, and the event waits.
                    return ownership
                            .find(subject)
                            .chain(found -> recordTakedown(t, subject, uploader(t, found)))
                            .replaceWithVoid();
                });
    }

    private Uni<DecisionEntity> recordTakedown(TakedownOrdered t, SubjectRef subject, HubFacts uploader) {
        return policies.currentVersion()
                .chain(version -> cases.openExternal(
                                subject,
                                PolicyCategory.PRIVACY_AND_IP,
                                PolicySubcategory.IP_INFRINGEMENT,
                                DecisionOrigin.DMCA,
                                t.noticeId(),
                                null,
                                CaseState.CLOSED,
                                t.orderedBy())
                        .chain(c -> {
                            DecisionEntity d = decisions.blank(
                                    c,
                                    List.of(ModerationAction.DISABLE),
                                    DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT,
                                    DsaTerritories.EEA,
                                    null,
                                    "A notice under 17 U.S.C. 512(c)(3) (notice " + t.noticeId()
                                            + ") identified this content as infringing a copyright; legal staff found the notice complete and accepted it.",
                                    "Making content available that infringes someone's intellectual property breaks the law and the content policy "
                                            + "(Privacy and Intellectual Property). Access is disabled; you may send a counter-notice if you believe it was removed by mistake.",
                                    version,
                                    DMCA_DECIDER,
                                    uploader);
                            // The notice-and-takedown provision the notice was accepted under (DSA Art. 17(3)(d)).
                            d.legalProvision = LegalProvision.US_17_USC_512_C;
                            d.createdAt = t.orderedAt();
                            return decisions.recordExternal(c, d, t.orderedBy());
                        }));
    }

    /**
     * A takedown concerns the uploader dmca-service resolved; their language and country are the hub's where the
     * uploader is one of the subject's owners. No address: dmca-service tells the uploader, with the notice and how
     * to counter-notify, so review sends no second mail. A subject gone from the hub (removed since the notice) keeps
     * no content date, and its statement falls back to when the case opened.
     */
    private static HubFacts uploader(TakedownOrdered t, HubSubject found) {
        HubAccount account = found == null ? null : found.owner(t.uploaderId()).orElse(null);
        return new HubFacts(
                t.uploaderId(),
                null,
                account == null ? null : account.language(),
                account == null ? null : account.country(),
                found == null ? null : found.createdAt());
    }

    public Uni<Void> restored(ContentRestored r) {
        String reason = switch (r.reason()) {
            case COUNTER_NOTICE_PERIOD_ELAPSED ->
                "A counter-notice was filed and the claimant did not show a court action in time (17 U.S.C. 512(g)); the content is restored.";
            case NOTICE_WITHDRAWN -> "The claimant withdrew the DMCA notice; the content is restored.";
            case NOTICE_REJECTED_ON_REVIEW ->
                "On review, the DMCA notice should not have been accepted; the content is restored.";
        };
        return Multi.createFrom()
                .iterable(r.subjects())
                .onItem()
                .transformToUniAndConcatenate(subject -> decided.list(
                                "noticeId = ?1 and subjectKey = ?2 and kind = ?3 and status = ?4",
                                r.noticeId(),
                                subject.key(),
                                DecisionKind.DECISION,
                                DecisionStatus.ENFORCED)
                        .chain(found -> Multi.createFrom()
                                .iterable(found)
                                .onItem()
                                .transformToUniAndConcatenate(d -> enforcement.reverse(
                                        d, DecisionOrigin.DMCA, r.noticeId(), null, reason, DMCA_DECIDER))
                                .collect()
                                .asList()))
                .collect()
                .last()
                .replaceWithVoid();
    }

    public Uni<Void> appealResolved(AppealResolved a) {
        return decided.findById(a.decisionId()).chain(original -> {
            if (original == null || original.kind != DecisionKind.DECISION) {
                throw new PoisonMessageException("appeal " + a.appealId() + " names decision " + a.decisionId()
                        + ", which is not in the ledger");
            }
            if (a.outcome() == AppealOutcome.UPHELD) {
                Log.infof("Appeal %s upheld decision %s; the ledger stays as it is", a.appealId(), a.decisionId());
                return Uni.createFrom().voidItem();
            }
            String reason = "Appeal " + a.appealId() + " was decided " + a.outcome()
                    + " by a reviewer who did not take the decision: " + a.explanation();
            Uni<DecisionEntity> reversal =
                    enforcement.reverse(original, DecisionOrigin.APPEAL, null, a.appealId(), reason, a.reviewerId());
            if (a.newActions().isEmpty() || a.newActions().equals(List.of(ModerationAction.NO_ACTION))) {
                return reversal.replaceWithVoid();
            }
            return reversal.chain(() -> newFromAppeal(a, original, reason));
        });
    }

    /**
     * An out-of-court dispute (DSA Art. 21) settled in favour of the recipient and implemented by the hub: the disputed
     * decision's standing restrictions are lifted as an appeal reversal would, with a statement of reasons citing the
     * body's decision, and {@code DecisionReversed} goes out. Once per dispute: a corrected ending recorded again
     * reverses nothing twice. Other outcomes, or one not (yet) implemented, leave the ledger as it is.
     */
    public Uni<Void> disputeSettled(DisputeSettled s) {
        if (s.outcome() != DisputeOutcome.IN_FAVOUR_OF_RECIPIENT || !Boolean.TRUE.equals(s.implemented())) {
            Log.infof(
                    "Dispute %s on decision %s ended %s (implemented: %s); the ledger stays as it is",
                    s.disputeId(), s.decisionId(), s.outcome(), s.implemented());
            return Uni.createFrom().voidItem();
        }
        return decided.count("disputeId", s.disputeId()).chain(done -> {
            if (done > 0) {
                return Uni.createFrom().voidItem();
            }
            return decided.findById(s.decisionId()).chain(original -> {
                if (original == null || original.kind != DecisionKind.DECISION) {
                    throw new PoisonMessageException("dispute " + s.disputeId() + " names decision " + s.decisionId()
                            + ", which is not in the ledger");
                }
                String reason = "A certified out-of-court dispute settlement body (DSA Art. 21) decided dispute "
                        + s.disputeId()
                        + " on " + s.settledOn() + " in favour of the recipient of the service, against decision "
                        + original.id + "; the hub implemented the body's decision"
                        + (s.implementedOn() != null ? " on " + s.implementedOn() : "")
                        + " and lifts the restrictions it imposed.";
                return enforcement
                        .reverse(
                                original,
                                DecisionOrigin.OWN_INITIATIVE,
                                null,
                                null,
                                s.disputeId(),
                                reason,
                                Audit.SYSTEM)
                        .chain(rev -> {
                            if (rev != null) {
                                return Uni.createFrom().voidItem();
                            }
                            boolean restricted = original.actions().stream().anyMatch(ModerationAction::restricts);
                            if (restricted) {
                                // Lifted already (an appeal, an end date): recorded, nothing more to lift.
                                return audit.record(
                                        Audit.SYSTEM,
                                        "dispute.implemented",
                                        "decision",
                                        original.id,
                                        original.caseId,
                                        original.subjectKey,
                                        "dispute " + s.disputeId()
                                                + " settled for the recipient; no restriction of the decision stands");
                            }
                            // The decision acted too little (a notifier won): the subject goes back to the queue to be
                            // decided anew.
                            return cases.reopenFor(
                                    SubjectRef.parse(original.subjectKey),
                                    original.category,
                                    original.subcategory,
                                    reason + " The subject is to be decided anew.",
                                    "dispute " + s.disputeId());
                        });
            });
        });
    }

    /** The appeal's new actions as a decision of their own; severe ones wait for a senior moderator like any other. */
    private Uni<Void> newFromAppeal(AppealResolved a, DecisionEntity original, String facts) {
        Instant now = clock.instant();
        Instant endDate = ModerationAction.anyRequiresEndDate(a.newActions())
                        && original.endDate != null
                        && original.endDate.isAfter(now)
                ? original.endDate
                : null;
        if (ModerationAction.anyRequiresEndDate(a.newActions()) && endDate == null) {
            throw new PoisonMessageException(
                    "appeal " + a.appealId() + " asks for a suspension without an end date to keep");
        }
        DecisionGround ground =
                original.ground != null ? original.ground : DecisionGround.defaultFor(original.subcategory);
        List<String> scope = original.territorialScope;
        List<String> territorialScope = scope.isEmpty() ? DsaTerritories.EEA : scope;
        // The owner is the original decision's; when the content was posted too, unless it was decided before review
        // asked the hub directory: then the directory is asked now (and the event waits while it cannot answer).
        HubFacts owner = HubFacts.of(original);
        Uni<HubFacts> known = owner.contentDate() != null
                ? Uni.createFrom().item(owner)
                : ownership.contentDate(a.subject()).map(owner::withContentDate);
        return known.chain(hub -> policies.currentVersion()
                        .chain(version -> cases.lockOpen(a.subject().key()).chain(open -> {
                            boolean approval = FourEyes.needsApproval(
                                    a.newActions(), a.subject().kind(), original.category, original.subcategory);
                            // One open case per subject: a decision that must wait joins an open case, or opens one
                            // that waits.
                            CaseState state = approval && open == null ? CaseState.PENDING_APPROVAL : CaseState.CLOSED;
                            return cases.openExternal(
                                            a.subject(),
                                            original.category,
                                            original.subcategory,
                                            DecisionOrigin.APPEAL,
                                            null,
                                            a.appealId(),
                                            state,
                                            a.reviewerId())
                                    .chain(c -> {
                                        DecisionEntity d = decisions.blank(
                                                c,
                                                a.newActions(),
                                                ground,
                                                territorialScope,
                                                endDate,
                                                facts,
                                                a.explanation(),
                                                version,
                                                a.reviewerId(),
                                                hub);
                                        // The appeal changes the actions, not the law or clause the original relied on.
                                        if (ground == DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT) {
                                            d.legalProvision = original.legalProvision != null
                                                    ? original.legalProvision
                                                    : StatementOfReasons.legacyProvision(original.subcategory);
                                            d.legalGroundText = original.legalGroundText;
                                        } else {
                                            d.policyClause = original.policyClause;
                                        }
                                        return decisions.recordExternal(c, d, null);
                                    });
                        })))
                .replaceWithVoid();
    }
}
