package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.mail.MailRequest;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.timer.Timers;
import org.modhub.moderation.review.config.ReviewConfig;
import org.modhub.moderation.review.persistence.CaseEntity;
import org.modhub.moderation.review.persistence.CaseReportRepository;
import org.modhub.moderation.review.persistence.DecisionEntity;
import org.modhub.moderation.review.persistence.DecisionRepository;
import org.modhub.moderation.review.persistence.PolicyVersionRepository;
import org.modhub.moderation.review.persistence.RestrictionEntity;
import org.modhub.moderation.review.persistence.RestrictionRepository;
import org.modhub.moderation.review.persistence.StatementSubmissionEntity;
import org.modhub.moderation.review.persistence.StatementSubmissionRepository;
import org.modhub.moderation.review.transparency.StatementSource;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The enforcement ledger, in the caller's transaction: a decision taking effect (restrictions into the ledger, its
 * statement of reasons stored and queued for the Transparency Database, {@code DecisionTaken}, the owner's mail, the
 * case closed or waiting for the owner) and a reversal (restrictions lifted, {@code DecisionReversed}, the owner's
 * mail), including restrictions that reach their end date.
 */
@ApplicationScoped
public class Enforcement {

    /** Timer kind: a decision's restrictions reach their end date. Key: the decision id. */
    public static final String END_DATE_TIMER = "review.restriction-end";

    private final DecisionRepository decisions;
    private final RestrictionRepository restrictions;
    private final CaseReportRepository reports;
    private final StatementSubmissionRepository submissions;
    private final PolicyVersionRepository policyVersions;
    private final OwnerService owners;
    private final PolicyService policies;
    private final OwnerNotices notices;
    private final Outbox outbox;
    private final Timers timers;
    private final AuditTrail audit;
    private final StatementSource transparency;
    private final LinkedCases linkedCases;
    private final String appealUrl;
    private final Clock clock;

    public Enforcement(
            DecisionRepository decisions,
            RestrictionRepository restrictions,
            CaseReportRepository reports,
            StatementSubmissionRepository submissions,
            PolicyVersionRepository policyVersions,
            OwnerService owners,
            PolicyService policies,
            OwnerNotices notices,
            Outbox outbox,
            Timers timers,
            AuditTrail audit,
            StatementSource transparency,
            LinkedCases linkedCases,
            ReviewConfig config,
            Clock clock) {
        this.decisions = decisions;
        this.restrictions = restrictions;
        this.reports = reports;
        this.submissions = submissions;
        this.policyVersions = policyVersions;
        this.owners = owners;
        this.policies = policies;
        this.notices = notices;
        this.outbox = outbox;
        this.timers = timers;
        this.audit = audit;
        this.transparency = transparency;
        this.linkedCases = linkedCases;
        this.appealUrl = config.mail().appealUrl();
        this.clock = clock;
    }

    /**
     * Puts a decision into effect: ledger, statement, {@code DecisionTaken}, the owner's mail, and
     * the case closed (or waiting for the owner when changes were asked for).
     */
    Uni<Void> enforce(DecisionEntity d, CaseEntity c, String approver) {
        Instant now = clock.instant();
        if (d.endDate != null && !d.endDate.isAfter(now)) {
            throw ProblemException.conflict(
                    "The decision's end date " + d.endDate + " has passed; reject it and decide anew");
        }
        List<ModerationAction> actions = d.actions();
        List<String> scope = d.territorialScope;
        d.status = DecisionStatus.ENFORCED;
        d.approvedBy = approver;
        d.decidedAt = now;
        return statementOf(d, c, actions, scope).chain(statement -> {
            d.statement = statement;
            List<ModerationAction> restricting =
                    actions.stream().filter(ModerationAction::restricts).toList();
            boolean onlyChanges = actions.equals(List.of(ModerationAction.REQUEST_CHANGES));
            Uni<Void> chain = Multi.createFrom()
                    .iterable(restricting)
                    .onItem()
                    .transformToUniAndConcatenate(action -> impose(d, action, scope, now))
                    .collect()
                    .last()
                    .replaceWithVoid();
            if (d.endDate != null && !restricting.isEmpty()) {
                chain = chain.chain(() -> timers.schedule(END_DATE_TIMER, d.id.toString(), d.endDate, null));
            }
            if (!restricting.isEmpty()) {
                // The statement goes to the DSA Transparency Database (Art. 24(5)); queued here so none is
                // forgotten.
                // Rendered here, once: the export and the submitter read it as stored.
                chain = chain.chain(() -> submitted(d, c, statement))
                        .chain(json ->
                                submissions.persist(StatementSubmissionEntity.pending(d.id, now, json.orElse(null))))
                        .replaceWithVoid();
            }
            if (!onlyChanges) {
                chain = chain.chain(() -> outbox.publish(
                                Topics.REVIEW_EVENTS,
                                EventSources.REVIEW_SERVICE,
                                taken(d, actions, scope, d.decidedBy, d.approvedBy, d.decidedAt)))
                        .chain(() -> notices.decided(d, actions, scope));
            }
            boolean caseFollows = c.state == CaseState.CLAIMED || c.state == CaseState.PENDING_APPROVAL;
            if (caseFollows && actions.contains(ModerationAction.REQUEST_CHANGES)) {
                chain = chain.chain(() -> owners.ask(c, d, d.changesRequested, d.ownerDeadline));
            } else if (caseFollows) {
                chain = chain.invoke(() -> close(c, now))
                        .chain(() -> timers.cancel(CaseService.SLA_TIMER, c.id.toString()))
                        .replaceWithVoid();
            }
            return chain.chain(() -> audit.record(
                    approver != null ? approver : d.decidedBy,
                    "decision.enforced",
                    "decision",
                    d.id,
                    c.id,
                    c.subjectKey,
                    "actions " + d.actions + ", policy " + d.policyVersion
                            + (d.legalProvision != null ? ", law " + d.legalProvision.citation() : "")));
        });
    }

    /**
     * What {@link #enforce} would send if {@code d} took effect now, writing nothing: its statement of reasons, the
     * statement the Transparency Database would get (built by the same code, so staff see exactly what leaves the
     * hub) and the owner's mails.
     */
    Uni<DecisionPreview> preview(DecisionEntity d, CaseEntity c) {
        Instant now = clock.instant();
        d.decidedAt = now;
        List<ModerationAction> actions = d.actions();
        List<String> scope = d.territorialScope;
        boolean restricts = actions.stream().anyMatch(ModerationAction::restricts);
        return statementOf(d, c, actions, scope)
                .chain(statement -> (restricts
                                ? submitted(d, c, statement)
                                : Uni.createFrom().item(Optional.<String>empty()))
                        .map(json -> {
                            List<MailRequest> mails = new ArrayList<>();
                            if (!actions.equals(List.of(ModerationAction.REQUEST_CHANGES))) {
                                mails.add(OwnerNotices.decidedMail(d, actions, scope));
                            }
                            if (actions.contains(ModerationAction.REQUEST_CHANGES)) {
                                mails.add(OwnerNotices.changesRequestedMail(
                                        c, d, owners.request(c, d, d.changesRequested, d.ownerDeadline, now)));
                            }
                            return new DecisionPreview(
                                    statement,
                                    restricts,
                                    json.orElse(null),
                                    transparency.problems(d.id, statement, contentDate(d, c)),
                                    mails,
                                    d.needsApproval);
                        }));
    }

    /**
     * A decision's statement of reasons: its reports' strongest source and, for incompatible content, a link to the
     * policy version in force ({@code decision_ground_reference_url}).
     */
    private Uni<StatementOfReasons> statementOf(
            DecisionEntity d, CaseEntity c, List<ModerationAction> actions, List<String> scope) {
        return sourceOf(d, c)
                .chain(source -> policyVersions.findById(d.policyVersion).map(policy -> {
                    String policyUrl = policy == null ? null : policy.url;
                    return Statements.of(d, actions, scope, source.type(), source.automated(), appealUrl, policyUrl);
                }));
    }

    /**
     * The statement as the Transparency Database gets it, free of the names and addresses of everyone involved;
     * empty when it would not pass the database's checks.
     */
    private Uni<Optional<String>> submitted(DecisionEntity d, CaseEntity c, StatementOfReasons statement) {
        return involved(d).map(identities -> transparency.render(d.id, statement, contentDate(d, c), identities));
    }

    /**
     * The statement's content date: when the content was posted, as the hub directory said at the decision; for
     * decisions stored before it was asked, when the case opened (the earliest the hub knew of the content).
     */
    private static Instant contentDate(DecisionEntity d, CaseEntity c) {
        return d.contentDate != null ? d.contentDate : c.openedAt;
    }

    /** Everyone a decision involves, whose names and addresses its public statement must not carry. */
    private Uni<List<String>> involved(DecisionEntity d) {
        return reports.list("caseId", d.caseId).map(reports -> {
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
        return restrictions
                .list("subjectKey = ?1 and action = ?2 and liftedAt is null", d.subjectKey, action)
                .chain(old -> {
                    old.forEach(r -> lift(r, d.id, "superseded by decision " + d.id, now));
                    RestrictionEntity r = new RestrictionEntity();
                    r.id = UUID.randomUUID();
                    r.subjectKey = d.subjectKey;
                    r.action = action;
                    r.decisionId = d.id;
                    r.ownerId = d.ownerId;
                    r.territorialScope = scope;
                    r.imposedAt = now;
                    r.endDate = d.endDate;
                    return restrictions.persist(r).replaceWithVoid();
                });
    }

    private static void lift(RestrictionEntity r, UUID byDecision, String reason, Instant now) {
        r.liftedAt = now;
        r.liftedByDecision = byDecision;
        r.liftReason = reason;
    }

    private static void close(CaseEntity c, Instant now) {
        c.state = CaseState.CLOSED;
        c.closedAt = now;
        c.updatedAt = now;
    }

    private record Source(SourceType type, boolean automated) {}

    /**
     * What led to a decision (Art. 17(3)(b)) and whether automated means detected it (Art. 17(3)(c)): a DMCA notice;
     * else its reports' strongest source, or the hub's own initiative without reports. A case linked to removed
     * content (matching-service's hash bank or model tree, issue 25) was detected by automated means whatever else
     * it holds: without reports it is SOURCE_VOLUNTARY with automated detection; with reports, their source stays
     * (a notice still has to be answered as one) and automated detection is still said.
     */
    private Uni<Source> sourceOf(DecisionEntity d, CaseEntity c) {
        List<UUID> reportIds = d.reportIds;
        boolean matched = c.detection != null && c.id.equals(d.caseId);
        if (d.origin == DecisionOrigin.DMCA) {
            return Uni.createFrom().item(new Source(SourceType.SOURCE_ARTICLE_16, false));
        }
        if (reportIds.isEmpty()) {
            return Uni.createFrom().item(new Source(SourceType.SOURCE_VOLUNTARY, matched));
        }
        return reports.list("reportId in ?1", reportIds)
                .map(rows -> new Source(
                        Statements.strongest(
                                rows.stream().map(r -> r.sourceType).toList(), SourceType.SOURCE_VOLUNTARY),
                        matched || rows.stream().anyMatch(r -> r.automatedDetection)));
    }

    /**
     * The event announcing {@code d}; also built before anything is written, to check the contract's invariants
     * ({@link DecisionService}).
     */
    static DecisionTaken taken(
            DecisionEntity d,
            List<ModerationAction> actions,
            List<String> scope,
            String decidedBy,
            String approvedBy,
            Instant at) {
        return new DecisionTaken(
                d.id,
                d.caseId,
                SubjectRef.parse(d.subjectKey),
                d.ownerId,
                d.ownerCountry,
                actions,
                d.ground,
                d.category,
                d.subcategory,
                scope,
                d.endDate,
                d.facts,
                d.explanation,
                d.policyVersion,
                decidedBy,
                approvedBy,
                d.automatedDecision,
                d.origin,
                d.reportIds,
                d.noticeId,
                d.appealId,
                d.manifestlyUnfounded,
                at);
    }

    // --- reversals ---

    /**
     * Lifts the standing restrictions of {@code original} with a recorded reversal decision and
     * {@code DecisionReversed}. Nothing standing: nothing to reverse (null).
     */
    Uni<DecisionEntity> reverse(
            DecisionEntity original, DecisionOrigin origin, UUID noticeId, UUID appealId, String reason, String actor) {
        return reverse(original, origin, noticeId, appealId, null, reason, actor);
    }

    /**
     * As {@link #reverse(DecisionEntity, DecisionOrigin, UUID, UUID, String, String)}; a reversal implementing an
     * out-of-court dispute's outcome ({@code disputeId}) also stores its own statement of reasons, citing the body's decision.
     */
    Uni<DecisionEntity> reverse(
            DecisionEntity original,
            DecisionOrigin origin,
            UUID noticeId,
            UUID appealId,
            UUID disputeId,
            String reason,
            String actor) {
        Instant now = clock.instant();
        return restrictions
                .list("decisionId = ?1 and liftedAt is null", original.id)
                .chain(standing -> {
                    if (standing.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    List<ModerationAction> lifted =
                            standing.stream().map(r -> r.action).distinct().toList();
                    return policies.currentVersion().chain(version -> {
                        DecisionEntity rev = reversal(
                                original, lifted, origin, noticeId, appealId, disputeId, reason, actor, version, now);
                        standing.forEach(r -> lift(r, rev.id, reason, now));
                        DecisionReversed event = new DecisionReversed(
                                rev.id,
                                original.id,
                                SubjectRef.parse(original.subjectKey),
                                origin,
                                appealId,
                                noticeId,
                                reason,
                                lifted,
                                actor,
                                now);
                        return decisions
                                .persist(rev)
                                .chain(() -> timers.cancel(END_DATE_TIMER, original.id.toString()))
                                .chain(() -> outbox.publish(Topics.REVIEW_EVENTS, EventSources.REVIEW_SERVICE, event))
                                .chain(() -> notices.reversed(rev, original, lifted, reason))
                                .chain(() -> audit.record(
                                        actor,
                                        "decision.reversed",
                                        "decision",
                                        rev.id,
                                        rev.caseId,
                                        rev.subjectKey,
                                        "reverses " + original.id + " (" + origin + "): lifted " + lifted))
                                .chain(() -> linkedCases.removalReversed(original.id, rev.id, actor))
                                .replaceWith(rev);
                    });
                });
    }

    private DecisionEntity reversal(
            DecisionEntity original,
            List<ModerationAction> lifted,
            DecisionOrigin origin,
            UUID noticeId,
            UUID appealId,
            UUID disputeId,
            String reason,
            String actor,
            String version,
            Instant now) {
        DecisionEntity rev = new DecisionEntity();
        rev.id = UUID.randomUUID();
        rev.caseId = original.caseId;
        rev.kind = DecisionKind.REVERSAL;
        rev.status = DecisionStatus.ENFORCED;
        rev.subjectKey = original.subjectKey;
        HubFacts.of(original).applyTo(rev);
        rev.actions(lifted);
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
        rev.reportIds = List.of();
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
            rev.statement = Statements.of(
                    rev, lifted, rev.territorialScope, SourceType.SOURCE_VOLUNTARY, false, appealUrl, null);
        }
        return rev;
    }

    /** The end date of a decision's restrictions has come: they lift themselves. */
    public Uni<Void> endDateReached(UUID decisionId) {
        return decisions
                .findById(decisionId)
                .chain(d -> d == null
                        ? Uni.createFrom().voidItem()
                        : reverse(
                                        d,
                                        DecisionOrigin.OWN_INITIATIVE,
                                        null,
                                        null,
                                        "The restriction ended on its end date (" + d.endDate + ").",
                                        Audit.SYSTEM)
                                .replaceWithVoid());
    }
}
