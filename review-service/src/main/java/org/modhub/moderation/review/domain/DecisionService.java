package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.review.persistence.CaseEntity;
import org.modhub.moderation.review.persistence.CaseReportEntity;
import org.modhub.moderation.review.persistence.CaseReportRepository;
import org.modhub.moderation.review.persistence.DecisionEntity;
import org.modhub.moderation.review.persistence.DecisionRepository;
import org.modhub.moderation.review.persistence.RestrictionEntity;
import org.modhub.moderation.review.persistence.RestrictionRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Deciding a case and the four-eyes approval. A decision is recorded with its statement of reasons;
 * one that needs four eyes ({@link FourEyes}) waits, unenforced, for a different senior moderator;
 * the others, and approved ones, take effect through {@link Enforcement}. Decisions from other services
 * (a DMCA takedown, an appeal's new actions) are recorded the same way.
 */
@ApplicationScoped
public class DecisionService {

    private final CaseService cases;
    private final DecisionRepository decisions;
    private final CaseReportRepository reports;
    private final RestrictionRepository restrictions;
    private final PolicyService policies;
    private final Enforcement enforcement;
    private final AuditTrail audit;
    private final Clock clock;

    public DecisionService(
            CaseService cases,
            DecisionRepository decisions,
            CaseReportRepository reports,
            RestrictionRepository restrictions,
            PolicyService policies,
            Enforcement enforcement,
            AuditTrail audit,
            Clock clock) {
        this.cases = cases;
        this.decisions = decisions;
        this.reports = reports;
        this.restrictions = restrictions;
        this.policies = policies;
        this.enforcement = enforcement;
        this.audit = audit;
        this.clock = clock;
    }

    // --- staff ---

    /**
     * The holder of a case decides it, about the owner {@code hub} resolved from the hub directory before this
     * transaction ({@link Ownership#forDecision}).
     */
    @WithTransaction
    public Uni<DecisionEntity> decide(UUID caseId, String moderator, NewDecision input, HubFacts hub) {
        return cases.locked(caseId).chain(c -> {
            if (c.state != CaseState.CLAIMED || !moderator.equals(c.assignee)) {
                throw ProblemException.conflict("Case " + caseId + " is " + c.state
                        + (c.assignee != null ? " (held by " + c.assignee + ")" : "") + "; claim it before deciding");
            }
            return reports.list("caseId = ?1 and withdrawnAt is null", caseId)
                    .chain(reported -> policies.currentVersion().chain(version -> {
                        DecisionEntity d = newDecision(c, input, hub, moderator, version, reported);
                        check(d, input.actions(), input.territorialScope(), moderator);
                        d.changesRequested = input.changesRequested();
                        d.ownerDeadline = input.ownerDeadline();
                        return decisions
                                .persist(d)
                                .chain(() -> {
                                    if (d.needsApproval) {
                                        c.state = CaseState.PENDING_APPROVAL;
                                        c.updatedAt = clock.instant();
                                        return audit.record(
                                                moderator,
                                                "decision.submitted",
                                                "decision",
                                                d.id,
                                                c.id,
                                                c.subjectKey,
                                                "actions " + d.actions + ", waits for a senior moderator");
                                    }
                                    return enforcement.enforce(d, c, null);
                                })
                                .replaceWith(d);
                    }));
        });
    }

    /**
     * What deciding would send (the statement of reasons, the owner's mails) if the decision took effect now, built
     * as {@link #decide} builds it. Nothing is written and nothing is locked, so staff may preview before claiming.
     */
    @WithSession
    public Uni<DecisionPreview> preview(UUID caseId, String moderator, NewDecision input, HubFacts hub) {
        return cases.get(caseId)
                .chain(c -> reports.list("caseId = ?1 and withdrawnAt is null", caseId)
                        .chain(reported -> policies.currentVersion().chain(version -> {
                            DecisionEntity d = newDecision(c, input, hub, moderator, version, reported);
                            check(d, input.actions(), input.territorialScope(), moderator);
                            d.changesRequested = input.changesRequested();
                            d.ownerDeadline = input.ownerDeadline();
                            return enforcement.preview(d, c);
                        })));
    }

    /** A senior moderator other than the decider approves; the decision takes effect now. */
    @WithTransaction
    public Uni<DecisionEntity> approve(UUID decisionId, String senior) {
        return pending(decisionId, senior)
                .chain(d -> cases.locked(d.caseId)
                        .chain(c -> audit.record(
                                        senior, "decision.approved", "decision", d.id, c.id, c.subjectKey, null)
                                .chain(() -> enforcement.enforce(d, c, senior)))
                        .replaceWith(d));
    }

    /** A senior moderator other than the decider refuses; nothing is enforced and the case returns to the queue. */
    @WithTransaction
    public Uni<DecisionEntity> reject(UUID decisionId, String senior, String reason) {
        return pending(decisionId, senior)
                .chain(d -> cases.locked(d.caseId)
                        .chain(c -> {
                            d.status = DecisionStatus.REJECTED;
                            d.rejectedBy = senior;
                            d.rejectionReason = reason;
                            if (c.state == CaseState.PENDING_APPROVAL) {
                                c.state = CaseState.OPEN;
                                c.assignee = null;
                                c.claimedAt = null;
                                c.returnReason = "Decision " + d.id + " rejected by " + senior + ": " + reason;
                                c.updatedAt = clock.instant();
                            }
                            return audit.record(
                                    senior, "decision.rejected", "decision", d.id, c.id, c.subjectKey, reason);
                        })
                        .replaceWith(d));
    }

    private Uni<DecisionEntity> pending(UUID decisionId, String senior) {
        return decisions.findById(decisionId, LockModeType.PESSIMISTIC_WRITE).map(d -> {
            if (d == null) {
                throw ProblemException.notFound("Decision", decisionId);
            }
            if (d.status != DecisionStatus.PENDING_APPROVAL) {
                throw ProblemException.conflict(
                        "Decision " + decisionId + " is " + d.status + ", not waiting for approval");
            }
            FourEyes.requireSecondPair(d.decidedBy, senior);
            return d;
        });
    }

    @WithSession
    public Uni<DecisionEntity> get(UUID decisionId) {
        return decisions
                .findById(decisionId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Decision", decisionId));
    }

    @WithSession
    public Uni<List<DecisionEntity>> ofCase(UUID caseId) {
        return decisions.list("caseId = ?1 order by createdAt", caseId);
    }

    @WithSession
    public Uni<List<RestrictionEntity>> standing(String subjectKey) {
        return restrictions.list("subjectKey = ?1 and liftedAt is null order by imposedAt", subjectKey);
    }

    @WithSession
    public Uni<List<DecisionEntity>> pendingApprovals(PageCursor after, int limit) {
        return decisions.pendingApproval(after, limit);
    }

    // --- decisions from other services (in the consumer's transaction) ---

    /**
     * Records and enforces a decision that did not come through the queue (a DMCA takedown, an
     * appeal's new actions) on its own case; one that needs four eyes waits for approval instead.
     */
    Uni<DecisionEntity> recordExternal(CaseEntity c, DecisionEntity d, String approver) {
        check(d, d.actions(), d.territorialScope, d.decidedBy);
        return decisions
                .persist(d)
                .chain(() -> {
                    if (d.needsApproval && approver == null) {
                        return audit.record(
                                d.decidedBy,
                                "decision.submitted",
                                "decision",
                                d.id,
                                c.id,
                                c.subjectKey,
                                "actions " + d.actions + ", waits for a senior moderator");
                    }
                    return enforcement.enforce(d, c, approver);
                })
                .replaceWith(d);
    }

    DecisionEntity blank(
            CaseEntity c,
            List<ModerationAction> actions,
            DecisionGround ground,
            List<String> scope,
            Instant endDate,
            String facts,
            String explanation,
            String version,
            String decidedBy,
            HubFacts hub) {
        DecisionEntity d = new DecisionEntity();
        d.id = UUID.randomUUID();
        d.caseId = c.id;
        d.kind = DecisionKind.DECISION;
        d.status = DecisionStatus.PENDING_APPROVAL;
        d.subjectKey = c.subjectKey;
        hub.applyTo(d);
        d.actions(actions);
        d.ground = ground;
        d.category = c.category;
        d.subcategory = c.subcategory;
        d.territorialScope = scope;
        d.endDate = endDate;
        d.facts = facts;
        d.explanation = explanation;
        d.policyVersion = version;
        d.decidedBy = decidedBy;
        d.automatedDecision = AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED;
        d.origin = c.origin;
        d.reportIds = List.of();
        d.noticeId = c.noticeId;
        d.appealId = c.appealId;
        d.needsApproval =
                FourEyes.needsApproval(actions, SubjectRef.parse(c.subjectKey).kind(), c.category, c.subcategory);
        d.createdAt = clock.instant();
        return d;
    }

    private DecisionEntity newDecision(
            CaseEntity c,
            NewDecision in,
            HubFacts hub,
            String moderator,
            String version,
            List<CaseReportEntity> reports) {
        DecisionEntity d = blank(
                c,
                in.actions(),
                in.ground(),
                in.territorialScope(),
                in.endDate(),
                in.facts(),
                in.explanation(),
                version,
                moderator,
                hub);
        d.category = in.category();
        d.subcategory = in.subcategory();
        d.automatedDecision = in.automatedDecision();
        d.manifestlyUnfounded = in.manifestlyUnfounded();
        d.legalProvision = in.legalProvision();
        d.legalGroundText = in.legalGroundText();
        d.policyClause = in.policyClause();
        List<UUID> reportIds = reports.stream().map(r -> r.reportId).toList();
        d.reportIds = reportIds;
        // A report case whose reports were all withdrawn is decided on the hub's own initiative.
        d.origin = c.origin == DecisionOrigin.REPORT && reportIds.isEmpty() ? DecisionOrigin.OWN_INITIATIVE : c.origin;
        d.needsApproval = FourEyes.needsApproval(
                in.actions(), SubjectRef.parse(c.subjectKey).kind(), in.category(), in.subcategory());
        return d;
    }

    /** The contract's own invariants, checked before anything is written; a breach is a 400. */
    private void check(DecisionEntity d, List<ModerationAction> actions, List<String> scope, String decider) {
        try {
            Enforcement.taken(
                    d, actions, scope, decider, d.needsApproval ? decider + "~approver" : null, clock.instant());
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("invalid actions") ? "actions" : "body";
            throw new ProblemException(
                    ProblemKind.VALIDATION, e.getMessage(), List.of(new FieldError(field, e.getMessage())));
        }
    }
}
