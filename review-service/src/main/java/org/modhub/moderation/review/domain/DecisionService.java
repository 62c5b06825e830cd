package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;
import org.modhub.moderation.kit.timer.Timers;
import org.modhub.moderation.review.persistence.CaseEntity;
import org.modhub.moderation.review.persistence.CaseReportEntity;
import org.modhub.moderation.review.persistence.DecisionEntity;
import org.modhub.moderation.review.persistence.PolicyVersionEntity;
import org.modhub.moderation.review.persistence.RestrictionEntity;
import org.modhub.moderation.review.persistence.StatementSubmissionEntity;
import org.modhub.moderation.review.transparency.StatementSource;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Decisions and the enforcement ledger. A decision is recorded with its statement of reasons;
 * one that needs four eyes waits, unenforced, for a different senior moderator. When a decision
 * takes effect, its restrictions enter the ledger, {@code DecisionTaken} goes out through the
 * outbox and the owner is mailed the statement and how to appeal, all in one transaction.
 * Reversals lift restrictions and publish {@code DecisionReversed}.
 */
@ApplicationScoped
public class DecisionService {

    /** Timer kind: a decision's restrictions reach their end date. Key: the decision id. */
    public static final String END_DATE_TIMER = "review.restriction-end";

    private final CaseService cases;
    private final OwnerService owners;
    private final PolicyService policies;
    private final Outbox outbox;
    private final Timers timers;
    private final OwnerMail mail;
    private final AuditLog audit;
    private final Json json;
    private final StatementSource transparency;
    private final Clock clock;

    public DecisionService(CaseService cases, OwnerService owners, PolicyService policies, Outbox outbox, Timers timers,
            OwnerMail mail, AuditLog audit, Json json, StatementSource transparency, Clock clock) {
        this.cases = cases;
        this.owners = owners;
        this.policies = policies;
        this.outbox = outbox;
        this.timers = timers;
        this.mail = mail;
        this.audit = audit;
        this.json = json;
        this.transparency = transparency;
        this.clock = clock;
    }

    /**
     * Whether a decision waits for a second, senior moderator: an account suspension or termination,
     * disabling or removing a whole repository, or any decision in a critical category.
     */
    public static boolean needsApproval(List<ModerationAction> actions, SubjectKind kind, PolicyCategory category,
            PolicySubcategory subcategory) {
        return ModerationAction.anySevere(actions, kind) || Taxonomy.severityOf(category, subcategory) == Severity.CRITICAL;
    }

    // --- staff ---

    /** The holder of a case decides it. */
    @WithTransaction
    public Uni<DecisionEntity> decide(UUID caseId, String moderator, NewDecision input) {
        return cases.locked(caseId).chain(c -> {
            if (c.state != CaseState.CLAIMED || !moderator.equals(c.assignee)) {
                throw ProblemException.conflict("Case " + caseId + " is " + c.state
                        + (c.assignee != null ? " (held by " + c.assignee + ")" : "") + "; claim it before deciding");
            }
            if (input.actions().contains(ModerationAction.REQUEST_CHANGES) && input.ownerEmail() == null) {
                throw ProblemException.invalidField("owner.email", "is required to ask the owner for changes");
            }
            return CaseReportEntity.<CaseReportEntity> list("caseId = ?1 and withdrawnAt is null", caseId)
                    .chain(reports -> policies.currentVersion().chain(version -> {
                        DecisionEntity d = newDecision(c, input, moderator, version, reports);
                        check(d, input.actions(), input.territorialScope(), moderator);
                        d.changesRequested = input.changesRequested();
                        d.ownerDeadline = input.ownerDeadline();
                        return d.persist().chain(() -> {
                            if (d.needsApproval) {
                                c.state = CaseState.PENDING_APPROVAL;
                                c.updatedAt = now();
                                return audit.record(moderator, "decision.submitted", "decision", d.id, c.id, c.subjectKey,
                                        "actions " + d.actions + ", waits for a senior moderator");
                            }
                            return enforce(d, c, null);
                        }).replaceWith(d);
                    }));
        });
    }

    /** A senior moderator other than the decider approves; the decision takes effect now. */
    @WithTransaction
    public Uni<DecisionEntity> approve(UUID decisionId, String senior) {
        return pending(decisionId, senior).chain(d -> cases.locked(d.caseId)
                .chain(c -> audit.record(senior, "decision.approved", "decision", d.id, c.id, c.subjectKey, null)
                        .chain(() -> enforce(d, c, senior)))
                .replaceWith(d));
    }

    /** A senior moderator other than the decider refuses; nothing is enforced and the case returns to the queue. */
    @WithTransaction
    public Uni<DecisionEntity> reject(UUID decisionId, String senior, String reason) {
        return pending(decisionId, senior).chain(d -> cases.locked(d.caseId).chain(c -> {
            d.status = DecisionStatus.REJECTED;
            d.rejectedBy = senior;
            d.rejectionReason = reason;
            if (c.state == CaseState.PENDING_APPROVAL) {
                c.state = CaseState.OPEN;
                c.assignee = null;
                c.claimedAt = null;
                c.returnReason = "Decision " + d.id + " rejected by " + senior + ": " + reason;
                c.updatedAt = now();
            }
            return audit.record(senior, "decision.rejected", "decision", d.id, c.id, c.subjectKey, reason);
        }).replaceWith(d));
    }

    private Uni<DecisionEntity> pending(UUID decisionId, String senior) {
        return DecisionEntity.<DecisionEntity> findById(decisionId, LockModeType.PESSIMISTIC_WRITE).map(d -> {
            if (d == null) {
                throw ProblemException.notFound("Decision", decisionId);
            }
            if (d.status != DecisionStatus.PENDING_APPROVAL) {
                throw ProblemException.conflict("Decision " + decisionId + " is " + d.status + ", not waiting for approval");
            }
            if (senior.equals(d.decidedBy)) {
                throw ProblemException.forbidden("Four eyes: the decider cannot approve or reject their own decision");
            }
            return d;
        });
    }

    @WithSession
    public Uni<DecisionEntity> get(UUID decisionId) {
        return DecisionEntity.<DecisionEntity> findById(decisionId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Decision", decisionId));
    }

    @WithSession
    public Uni<List<DecisionEntity>> ofCase(UUID caseId) {
        return DecisionEntity.list("caseId = ?1 order by createdAt", caseId);
    }

    @WithSession
    public Uni<List<RestrictionEntity>> standing(String subjectKey) {
        return RestrictionEntity.list("subjectKey = ?1 and liftedAt is null order by imposedAt", subjectKey);
    }

    @WithSession
    public Uni<List<DecisionEntity>> pendingApprovals(int limit) {
        return DecisionEntity.find("status = ?1 order by createdAt", DecisionStatus.PENDING_APPROVAL).page(0, limit).list();
    }

    // --- taking effect (in the caller's transaction) ---

    /**
     * Puts a decision into effect: ledger, statement, {@code DecisionTaken}, the owner's mail, and
     * the case closed (or waiting for the owner when changes were asked for).
     */
    Uni<Void> enforce(DecisionEntity d, CaseEntity c, String approver) {
        Instant now = now();
        if (d.endDate != null && !d.endDate.isAfter(now)) {
            throw ProblemException.conflict("The decision's end date " + d.endDate + " has passed; reject it and decide anew");
        }
        List<ModerationAction> actions = json.actions(d.actions);
        List<String> scope = json.strings(d.territorialScope);
        d.status = DecisionStatus.ENFORCED;
        d.approvedBy = approver;
        d.decidedAt = now;
        return sourceOf(d).chain(source -> PolicyVersionEntity.<PolicyVersionEntity> findById(d.policyVersion).chain(policy -> {
            // The policy version in force, linked from the statement (decision_ground_reference_url) for incompatible content.
            String policyUrl = policy == null ? null : policy.url;
            StatementOfReasons statement = Statements.of(d, actions, scope, source.type(), source.automated(), mail.appealUrl(),
                    policyUrl);
            d.statement = json.write(statement);
            List<ModerationAction> restricting = actions.stream().filter(ModerationAction::restricts).toList();
            boolean onlyChanges = actions.equals(List.of(ModerationAction.REQUEST_CHANGES));
            Uni<Void> chain = Multi.createFrom().iterable(restricting)
                    .onItem().transformToUniAndConcatenate(action -> impose(d, action, scope, now))
                    .collect().last().replaceWithVoid();
            if (d.endDate != null && !restricting.isEmpty()) {
                chain = chain.chain(() -> timers.schedule(END_DATE_TIMER, d.id.toString(), d.endDate, null));
            }
            if (!restricting.isEmpty()) {
                // The statement goes to the DSA Transparency Database (Art. 24(5)); queued here so none is forgotten.
                // Rendered here, once: the export and the submitter read it as stored.
                chain = chain.chain(() -> involved(d)).chain(identities -> StatementSubmissionEntity
                        .pending(d.id, now, transparency.render(d.id, statement, c.openedAt, identities).orElse(null)).persist())
                        .replaceWithVoid();
            }
            if (!onlyChanges) {
                chain = chain.chain(() -> outbox.publish(Topics.REVIEW_EVENTS, EventSources.REVIEW_SERVICE, taken(d, actions, scope)))
                        .chain(() -> mail.sendOnDecision(OwnerMail.DECISION_STATEMENT, d.ownerEmail, d.ownerId, d.ownerLocale,
                                statementMail(d, actions, scope), d.id, OwnerMail.DECISION_STATEMENT + ":" + d.id));
            }
            boolean caseFollows = c.state == CaseState.CLAIMED || c.state == CaseState.PENDING_APPROVAL;
            if (caseFollows && actions.contains(ModerationAction.REQUEST_CHANGES)) {
                chain = chain.chain(() -> owners.ask(c, d, d.changesRequested, d.ownerDeadline));
            } else if (caseFollows) {
                chain = chain.invoke(() -> close(c, now)).chain(() -> timers.cancel(CaseService.SLA_TIMER, c.id.toString()))
                        .replaceWithVoid();
            }
            return chain.chain(() -> audit.record(approver != null ? approver : d.decidedBy, "decision.enforced", "decision",
                    d.id, c.id, c.subjectKey, "actions " + d.actions + ", policy " + d.policyVersion
                            + (d.legalProvision != null ? ", law " + d.legalProvision.citation() : "")));
        }));
    }

    /** Everyone a decision involves, whose names and addresses its public statement must not carry. */
    private static Uni<List<String>> involved(DecisionEntity d) {
        return CaseReportEntity.<CaseReportEntity> list("caseId", d.caseId).map(reports -> {
            List<String> out = new ArrayList<>();
            reports.forEach(r -> {
                out.add(r.reporterId);
                out.add(r.reporterEmail);
            });
            out.add(d.ownerId);
            out.add(d.ownerEmail);
            return out;
        });
    }

    private Uni<Void> impose(DecisionEntity d, ModerationAction action, List<String> scope, Instant now) {
        // A newer restriction of the same kind replaces the standing one (e.g. a new end date).
        return RestrictionEntity.<RestrictionEntity> list("subjectKey = ?1 and action = ?2 and liftedAt is null", d.subjectKey,
                action).chain(old -> {
                    old.forEach(r -> {
                        r.liftedAt = now;
                        r.liftedByDecision = d.id;
                        r.liftReason = "superseded by decision " + d.id;
                    });
                    RestrictionEntity r = new RestrictionEntity();
                    r.id = UUID.randomUUID();
                    r.subjectKey = d.subjectKey;
                    r.action = action;
                    r.decisionId = d.id;
                    r.ownerId = d.ownerId;
                    r.territorialScope = json.write(scope);
                    r.imposedAt = now;
                    r.endDate = d.endDate;
                    return r.persist().replaceWithVoid();
                });
    }

    private static void close(CaseEntity c, Instant now) {
        c.state = CaseState.CLOSED;
        c.closedAt = now;
        c.updatedAt = now;
    }

    private record Source(SourceType type, boolean automated) {
    }

    private Uni<Source> sourceOf(DecisionEntity d) {
        List<UUID> reportIds = json.uuids(d.reportIds);
        if (d.origin == DecisionOrigin.DMCA) {
            return Uni.createFrom().item(new Source(SourceType.SOURCE_ARTICLE_16, false));
        }
        if (reportIds.isEmpty()) {
            return Uni.createFrom().item(new Source(SourceType.SOURCE_VOLUNTARY, false));
        }
        return CaseReportEntity.<CaseReportEntity> list("reportId in ?1", reportIds).map(rows -> new Source(
                Statements.strongest(rows.stream().map(r -> r.sourceType).toList(), SourceType.SOURCE_VOLUNTARY),
                rows.stream().anyMatch(r -> r.automatedDetection)));
    }

    DecisionTaken taken(DecisionEntity d, List<ModerationAction> actions, List<String> scope) {
        return new DecisionTaken(d.id, d.caseId, SubjectRef.parse(d.subjectKey), d.ownerId, actions, d.ground, d.category,
                d.subcategory, scope, d.endDate, d.facts, d.explanation, d.policyVersion, d.decidedBy, d.approvedBy,
                d.automatedDecision, d.origin, json.uuids(d.reportIds), d.noticeId, d.appealId, d.manifestlyUnfounded,
                d.decidedAt);
    }

    /** What the owner is told: the statement of reasons and how to appeal; never who reported. */
    private Map<String, String> statementMail(DecisionEntity d, List<ModerationAction> actions, List<String> scope) {
        Map<String, String> p = new HashMap<>();
        p.put("decisionId", d.id.toString());
        p.put("caseId", d.caseId.toString());
        p.put("subject", d.subjectKey);
        p.put("actions", actions.stream().map(Enum::name).collect(Collectors.joining(",")));
        if (d.ground != null) {
            p.put("ground", d.ground.label());
        }
        p.put("category", d.category.title());
        if (d.subcategory != null) {
            p.put("subcategory", d.subcategory.label());
        }
        p.put("territorialScope", String.join(", ", scope));
        if (d.endDate != null) {
            p.put("endDate", d.endDate.toString());
            p.put("restrictionEnds", d.endDate.toString());
        }
        p.put("facts", d.facts);
        p.put("explanation", d.explanation);
        p.put("policyVersion", d.policyVersion);
        p.put("automatedDecision", d.automatedDecision.label());
        p.put("automated", Boolean.toString(d.automatedDecision != AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED));
        // DSA Art. 20: the internal complaint stays open for at least six months after the decision.
        p.put("appealDeadline", d.decidedAt.atZone(java.time.ZoneOffset.UTC).plusMonths(6).toInstant().toString());
        p.put("redress", "internal-complaint,out-of-court-dispute-settlement,judicial-redress");
        p.put("decidedAt", d.decidedAt.toString());
        p.put("appealUrl", mail.appealUrl());
        p.put("howToAppeal", "Appeal within six months at " + mail.appealUrl()
                + " or by replying to this mail (replies reach legal@, where complaints go); out-of-court dispute settlement (DSA Art. 21) and the courts remain open to you.");
        return p;
    }

    // --- reversals (in the caller's transaction) ---

    /**
     * Lifts the standing restrictions of {@code original} with a recorded reversal decision and
     * {@code DecisionReversed}. Nothing standing: nothing to reverse (null).
     */
    Uni<DecisionEntity> reverse(DecisionEntity original, DecisionOrigin origin, UUID noticeId, UUID appealId, String reason,
            String actor) {
        return reverse(original, origin, noticeId, appealId, null, reason, actor);
    }

    /**
     * As {@link #reverse(DecisionEntity, DecisionOrigin, UUID, UUID, String, String)}; a reversal implementing an
     * out-of-court dispute's outcome ({@code disputeId}) also stores its own statement of reasons, citing the body's decision.
     */
    Uni<DecisionEntity> reverse(DecisionEntity original, DecisionOrigin origin, UUID noticeId, UUID appealId, UUID disputeId,
            String reason, String actor) {
        Instant now = now();
        return RestrictionEntity.<RestrictionEntity> list("decisionId = ?1 and liftedAt is null", original.id)
                .chain(standing -> {
                    if (standing.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    List<ModerationAction> lifted = standing.stream().map(r -> r.action).distinct().toList();
                    return policies.currentVersion().chain(version -> {
                        DecisionEntity rev = new DecisionEntity();
                        rev.id = UUID.randomUUID();
                        rev.caseId = original.caseId;
                        rev.kind = DecisionKind.REVERSAL;
                        rev.status = DecisionStatus.ENFORCED;
                        rev.subjectKey = original.subjectKey;
                        rev.ownerId = original.ownerId;
                        rev.ownerEmail = original.ownerEmail;
                        rev.ownerLocale = original.ownerLocale;
                        rev.actions = json.write(lifted);
                        rev.ground = original.ground;
                        rev.category = original.category;
                        rev.subcategory = original.subcategory;
                        rev.territorialScope = original.territorialScope;
                        rev.facts = reason;
                        rev.explanation = reason;
                        rev.policyVersion = version;
                        rev.decidedBy = actor;
                        rev.automatedDecision = AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED;
                        rev.origin = origin;
                        rev.reportIds = "[]";
                        rev.noticeId = noticeId;
                        rev.appealId = appealId;
                        rev.reversesDecisionId = original.id;
                        rev.disputeId = disputeId;
                        rev.legalProvision = original.legalProvision;
                        rev.legalGroundText = original.legalGroundText;
                        rev.policyClause = original.policyClause;
                        rev.createdAt = now;
                        rev.decidedAt = now;
                        if (disputeId != null) {
                            // Its own statement: what is lifted, on which facts (the body's decision), and the redress left.
                            rev.statement = json.write(Statements.of(rev, lifted, json.strings(rev.territorialScope),
                                    SourceType.SOURCE_VOLUNTARY, false, mail.appealUrl(), null));
                        }
                        standing.forEach(r -> {
                            r.liftedAt = now;
                            r.liftedByDecision = rev.id;
                            r.liftReason = reason;
                        });
                        DecisionReversed event = new DecisionReversed(rev.id, original.id, SubjectRef.parse(original.subjectKey),
                                origin, appealId, noticeId, reason, lifted, actor, now);
                        Map<String, String> p = new HashMap<>();
                        p.put("decisionId", rev.id.toString());
                        p.put("reversedDecisionId", original.id.toString());
                        p.put("subject", original.subjectKey);
                        p.put("actionsLifted", lifted.stream().map(Enum::name).collect(Collectors.joining(",")));
                        p.put("reason", reason);
                        return rev.persist()
                                .chain(() -> timers.cancel(END_DATE_TIMER, original.id.toString()))
                                .chain(() -> outbox.publish(Topics.REVIEW_EVENTS, EventSources.REVIEW_SERVICE, event))
                                // On the thread of the decision whose restrictions are lifted: a reply contests what remains of it.
                                .chain(() -> mail.sendOnDecision(OwnerMail.DECISION_REVERSED, rev.ownerEmail, rev.ownerId,
                                        rev.ownerLocale, p, original.id, OwnerMail.DECISION_REVERSED + ":" + rev.id))
                                .chain(() -> audit.record(actor, "decision.reversed", "decision", rev.id, rev.caseId,
                                        rev.subjectKey, "reverses " + original.id + " (" + origin + "): lifted " + lifted))
                                .replaceWith(rev);
                    });
                });
    }

    /** The end date of a decision's restrictions has come: they lift themselves. */
    public Uni<Void> endDateReached(UUID decisionId) {
        return DecisionEntity.<DecisionEntity> findById(decisionId).chain(d -> d == null ? Uni.createFrom().voidItem()
                : reverse(d, DecisionOrigin.OWN_INITIATIVE, null, null,
                        "The restriction ended on its end date (" + d.endDate + ").", AuditLog.SYSTEM).replaceWithVoid());
    }

    // --- decisions from other services (in the consumer's transaction) ---

    /**
     * Records and enforces a decision that did not come through the queue (a DMCA takedown, an
     * appeal's new actions) on its own case; one that needs four eyes waits for approval instead.
     */
    Uni<DecisionEntity> recordExternal(CaseEntity c, DecisionEntity d, String approver) {
        List<ModerationAction> actions = json.actions(d.actions);
        check(d, actions, json.strings(d.territorialScope), d.decidedBy);
        return d.persist().chain(() -> {
            if (d.needsApproval && approver == null) {
                return audit.record(d.decidedBy, "decision.submitted", "decision", d.id, c.id, c.subjectKey,
                        "actions " + d.actions + ", waits for a senior moderator");
            }
            return enforce(d, c, approver);
        }).replaceWith(d);
    }

    DecisionEntity blank(CaseEntity c, List<ModerationAction> actions, DecisionGround ground, List<String> scope,
            Instant endDate, String facts, String explanation, String version, String decidedBy, String ownerId,
            String ownerEmail, String ownerLocale) {
        DecisionEntity d = new DecisionEntity();
        d.id = UUID.randomUUID();
        d.caseId = c.id;
        d.kind = DecisionKind.DECISION;
        d.status = DecisionStatus.PENDING_APPROVAL;
        d.subjectKey = c.subjectKey;
        d.ownerId = ownerId;
        d.ownerEmail = ownerEmail;
        d.ownerLocale = ownerLocale;
        d.actions = json.write(actions);
        d.ground = ground;
        d.category = c.category;
        d.subcategory = c.subcategory;
        d.territorialScope = json.write(scope);
        d.endDate = endDate;
        d.facts = facts;
        d.explanation = explanation;
        d.policyVersion = version;
        d.decidedBy = decidedBy;
        d.automatedDecision = AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED;
        d.origin = c.origin;
        d.reportIds = "[]";
        d.noticeId = c.noticeId;
        d.appealId = c.appealId;
        d.needsApproval = needsApproval(actions, SubjectRef.parse(c.subjectKey).kind(), c.category, c.subcategory);
        d.createdAt = now();
        return d;
    }

    private DecisionEntity newDecision(CaseEntity c, NewDecision in, String moderator, String version,
            List<CaseReportEntity> reports) {
        DecisionEntity d = blank(c, in.actions(), in.ground(), in.territorialScope(), in.endDate(), in.facts(),
                in.explanation(), version, moderator, in.ownerId(), in.ownerEmail(), in.ownerLocale());
        d.category = in.category();
        d.subcategory = in.subcategory();
        d.automatedDecision = in.automatedDecision();
        d.manifestlyUnfounded = in.manifestlyUnfounded();
        d.legalProvision = in.legalProvision();
        d.legalGroundText = in.legalGroundText();
        d.policyClause = in.policyClause();
        List<UUID> reportIds = reports.stream().map(r -> r.reportId).toList();
        d.reportIds = json.write(reportIds);
        // A report case whose reports were all withdrawn is decided on the hub's own initiative.
        d.origin = c.origin == DecisionOrigin.REPORT && reportIds.isEmpty() ? DecisionOrigin.OWN_INITIATIVE : c.origin;
        d.needsApproval = needsApproval(in.actions(), SubjectRef.parse(c.subjectKey).kind(), in.category(), in.subcategory());
        return d;
    }

    /** The contract's own invariants, checked before anything is written; a breach is a 400. */
    private void check(DecisionEntity d, List<ModerationAction> actions, List<String> scope, String decider) {
        try {
            new DecisionTaken(d.id, d.caseId, SubjectRef.parse(d.subjectKey), d.ownerId, actions, d.ground, d.category,
                    d.subcategory, scope, d.endDate, d.facts, d.explanation, d.policyVersion, decider,
                    d.needsApproval ? decider + "~approver" : null, d.automatedDecision, d.origin, json.uuids(d.reportIds),
                    d.noticeId, d.appealId, d.manifestlyUnfounded, now());
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("invalid actions") ? "actions" : "body";
            throw new ProblemException(ProblemKind.VALIDATION, e.getMessage(), List.of(new FieldError(field, e.getMessage())));
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
