package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.review.CaseEscalated;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.EscalationReason;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;
import org.modhub.moderation.kit.audit.AuditEntry;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.review.config.ReviewConfig;
import org.modhub.moderation.review.persistence.CaseEntity;
import org.modhub.moderation.review.persistence.CaseLinkEntity;
import org.modhub.moderation.review.persistence.CaseLinkRepository;
import org.modhub.moderation.review.persistence.CaseNoteEntity;
import org.modhub.moderation.review.persistence.CaseNoteRepository;
import org.modhub.moderation.review.persistence.CaseReportEntity;
import org.modhub.moderation.review.persistence.CaseReportRepository;
import org.modhub.moderation.review.persistence.CaseRepository;
import org.modhub.moderation.review.persistence.DecisionEntity;
import org.modhub.moderation.review.persistence.DecisionRepository;
import org.modhub.moderation.review.persistence.OwnerRequestEntity;
import org.modhub.moderation.review.persistence.OwnerRequestRepository;
import org.modhub.moderation.review.persistence.RestrictionEntity;
import org.modhub.moderation.review.persistence.RestrictionRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * The case queue: cases opened from outside the queue (DMCA, appeals, disputes); moderators claim,
 * release, reassign, escalate and note; a case whose due time passes is escalated by a timer; what
 * staff read about a case. Reports join cases through {@link CaseIntake}.
 */
@ApplicationScoped
public class CaseService {

    /** Timer kind: a case's due time passed. Key: the case id. */
    public static final String SLA_TIMER = "review.case-due";

    private final CaseRepository cases;
    private final CaseReportRepository reports;
    private final CaseNoteRepository notes;
    private final DecisionRepository decisions;
    private final OwnerRequestRepository ownerRequests;
    private final RestrictionRepository restrictions;
    private final CaseLinkRepository links;
    private final Outbox outbox;
    private final CaseOpenings openings;
    private final AuditTrail audit;
    private final ReviewConfig config;
    private final Clock clock;

    public CaseService(
            CaseRepository cases,
            CaseReportRepository reports,
            CaseNoteRepository notes,
            DecisionRepository decisions,
            OwnerRequestRepository ownerRequests,
            RestrictionRepository restrictions,
            CaseLinkRepository links,
            Outbox outbox,
            CaseOpenings openings,
            AuditTrail audit,
            ReviewConfig config,
            Clock clock) {
        this.cases = cases;
        this.reports = reports;
        this.notes = notes;
        this.decisions = decisions;
        this.ownerRequests = ownerRequests;
        this.restrictions = restrictions;
        this.links = links;
        this.outbox = outbox;
        this.openings = openings;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Opens a case for a decision that comes from outside the queue (DMCA, appeal), in the caller's transaction. */
    public Uni<CaseEntity> openExternal(
            SubjectRef subject,
            PolicyCategory category,
            PolicySubcategory subcategory,
            DecisionOrigin origin,
            UUID noticeId,
            UUID appealId,
            CaseState state,
            String actor) {
        Instant now = now();
        CaseEntity c = new CaseEntity();
        c.id = UUID.randomUUID();
        c.subjectKey = subject.key();
        c.subjectKind = subject.kind().keyPrefix();
        c.state = state;
        c.category = category;
        c.subcategory = subcategory;
        c.severity = Taxonomy.severityOf(category, subcategory);
        c.origin = origin;
        c.noticeId = noticeId;
        c.appealId = appealId;
        c.openedAt = now;
        c.updatedAt = now;
        c.dueAt = now.plus(config.due().of(c.severity));
        c.closedAt = state == CaseState.CLOSED ? now : null;
        CasePriority.update(c);
        return cases.persist(c)
                .chain(() -> audit.record(
                        actor,
                        "case.opened",
                        "case",
                        c.id,
                        c.id,
                        c.subjectKey,
                        "origin " + origin + (noticeId != null ? ", notice " + noticeId : "")
                                + (appealId != null ? ", appeal " + appealId : "")))
                .replaceWith(c);
    }

    /**
     * Puts a subject back in the queue to be decided anew, in the caller's transaction: its open case, if any, with
     * {@code why} as the reason it came back, or a new open case (origin OWN_INITIATIVE) with its due time and
     * {@code CaseOpened}. Used when an out-of-court body found that a decision acted too little.
     */
    Uni<Void> reopenFor(
            SubjectRef subject, PolicyCategory category, PolicySubcategory subcategory, String why, String cause) {
        return cases.lockOpenFor(subject.key()).chain(open -> {
            Instant now = now();
            if (open != null) {
                open.returnReason = why;
                open.updatedAt = now;
                return audit.record(Audit.SYSTEM, "case.reopened", "case", open.id, open.id, open.subjectKey, cause);
            }
            return openExternal(
                            subject,
                            category,
                            subcategory,
                            DecisionOrigin.OWN_INITIATIVE,
                            null,
                            null,
                            CaseState.OPEN,
                            Audit.SYSTEM)
                    .chain(c -> {
                        c.returnReason = why;
                        return openings.announce(c, subject, List.of())
                                .chain(() -> audit.record(
                                        Audit.SYSTEM, "case.reopened", "case", c.id, c.id, c.subjectKey, cause));
                    });
        });
    }

    // --- the due-time timer (in the timer's transaction) ---

    /** The due time passed: an open case moves up the queue, once. */
    public Uni<Void> dueTimeReached(UUID caseId) {
        return cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE).chain(c -> {
            if (c == null || c.state == CaseState.CLOSED || c.escalated) {
                return Uni.createFrom().voidItem();
            }
            return escalate(c, EscalationReason.SLA_BREACHED, Audit.SYSTEM, "due time " + c.dueAt + " passed");
        });
    }

    Uni<Void> escalate(CaseEntity c, EscalationReason reason, String actor, String detail) {
        Instant now = now();
        c.escalated = true;
        c.escalationReason = reason;
        c.updatedAt = now;
        CasePriority.update(c);
        Log.infof("Case %s escalated: %s", c.id, reason);
        return outbox.publish(
                        Topics.REVIEW_EVENTS,
                        EventSources.REVIEW_SERVICE,
                        new CaseEscalated(c.id, SubjectRef.parse(c.subjectKey), reason, c.severity, now))
                .chain(() -> audit.record(
                        actor,
                        "case.escalated",
                        "case",
                        c.id,
                        c.id,
                        c.subjectKey,
                        reason + (detail == null ? "" : ": " + detail)));
    }

    // --- staff actions ---

    /**
     * Claims a queued case for the caller. One conditional UPDATE decides: of two moderators
     * claiming in the same instant, exactly one changes the row; the other gets a 409.
     */
    @WithTransaction
    public Uni<CaseEntity> claim(UUID caseId, String moderator) {
        Instant now = now();
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "UPDATE review_case SET state = 'CLAIMED', assignee = :who, claimed_at = :now, updated_at = :now "
                                        + "WHERE id = :id AND state = 'OPEN' AND assignee IS NULL")
                        .setParameter("who", moderator)
                        .setParameter("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                        .setParameter("id", caseId)
                        .executeUpdate())
                .chain(updated -> cases.findById(caseId).map(c -> {
                    if (c == null) {
                        throw ProblemException.notFound("Case", caseId);
                    }
                    if (updated == 0) {
                        throw ProblemException.conflict("Case " + caseId + " is " + c.state
                                + (c.assignee != null ? ", held by " + c.assignee : "")
                                + "; only an OPEN case can be claimed");
                    }
                    return c;
                }))
                .call(c -> audit.record(moderator, "case.claimed", "case", c.id, c.id, c.subjectKey, null));
    }

    /** The holder (or a senior moderator) puts the case back in the queue. */
    @WithTransaction
    public Uni<CaseEntity> release(UUID caseId, String actor, boolean senior) {
        return locked(caseId).chain(c -> {
            if (c.state != CaseState.CLAIMED) {
                throw ProblemException.conflict("Case " + caseId + " is " + c.state + ", not CLAIMED");
            }
            if (!actor.equals(c.assignee) && !senior) {
                throw ProblemException.forbidden("Case " + caseId + " is held by someone else");
            }
            c.state = CaseState.OPEN;
            c.assignee = null;
            c.claimedAt = null;
            c.updatedAt = now();
            return audit.record(actor, "case.released", "case", c.id, c.id, c.subjectKey, null)
                    .replaceWith(c);
        });
    }

    /** A senior moderator or admin hands an open or claimed case to a moderator. */
    @WithTransaction
    public Uni<CaseEntity> reassign(UUID caseId, String actor, String to) {
        return locked(caseId).chain(c -> {
            if (c.state != CaseState.OPEN && c.state != CaseState.CLAIMED) {
                throw ProblemException.conflict(
                        "Case " + caseId + " is " + c.state + "; only an OPEN or CLAIMED case can be reassigned");
            }
            String from = c.assignee;
            Instant now = now();
            c.state = CaseState.CLAIMED;
            c.assignee = to;
            c.claimedAt = now;
            c.updatedAt = now;
            return audit.record(
                            actor,
                            "case.reassigned",
                            "case",
                            c.id,
                            c.id,
                            c.subjectKey,
                            (from == null ? "unassigned" : from) + " -> " + to)
                    .replaceWith(c);
        });
    }

    /** A moderator moves a case up the queue by hand. */
    @WithTransaction
    public Uni<CaseEntity> escalateByHand(UUID caseId, String actor, String reason) {
        return locked(caseId).chain(c -> {
            if (c.state == CaseState.CLOSED) {
                throw ProblemException.conflict("Case " + caseId + " is closed");
            }
            return escalate(c, EscalationReason.MANUAL, actor, reason).replaceWith(c);
        });
    }

    @WithTransaction
    public Uni<CaseNoteEntity> addNote(UUID caseId, String author, String body, boolean shareable) {
        return get0(caseId).chain(c -> {
            CaseNoteEntity note = new CaseNoteEntity();
            note.id = UUID.randomUUID();
            note.caseId = caseId;
            note.author = author;
            note.body = body;
            note.shareable = shareable;
            note.createdAt = now();
            return notes.persist(note)
                    .chain(() -> audit.record(
                            author,
                            "case.note-added",
                            "note",
                            note.id,
                            caseId,
                            c.subjectKey,
                            shareable ? "shareable" : "internal"))
                    .replaceWith(note);
        });
    }

    // --- reads ---

    @WithSession
    public Uni<CaseEntity> get(UUID caseId) {
        return get0(caseId);
    }

    /** Everything staff see about a case. */
    public record Detail(
            CaseEntity c,
            List<CaseReportEntity> reports,
            List<CaseNoteEntity> notes,
            List<AuditEntry> history,
            List<DecisionEntity> decisions,
            List<OwnerRequestEntity> ownerRequests,
            List<RestrictionEntity> standing,
            List<UUID> strikeNoticeIds,
            List<CaseLinkEntity> links) {}

    @WithSession
    public Uni<Detail> detail(UUID caseId) {
        return get0(caseId)
                .chain(c -> reports.list("caseId = ?1 order by filedAt", caseId)
                        .chain(reported -> notes.list("caseId = ?1 order by createdAt", caseId)
                                .chain(noted -> audit.history(caseId)
                                        .chain(history -> decisions
                                                .list("caseId = ?1 order by createdAt", caseId)
                                                .chain(decided -> ownerRequests
                                                        .list("caseId = ?1 order by requestedAt", caseId)
                                                        .chain(requests -> restrictions
                                                                .list(
                                                                        "subjectKey = ?1 and liftedAt is null order by imposedAt",
                                                                        c.subjectKey)
                                                                .chain(standing -> RepeatInfringers.strikesOf(caseId)
                                                                        .chain(strikes -> links.list(
                                                                                        "caseId = ?1 order by seq",
                                                                                        caseId)
                                                                                .map(linked -> new Detail(
                                                                                        c, reported, noted, history,
                                                                                        decided, requests, standing,
                                                                                        strikes, linked))))))))));
    }

    @WithSession
    public Uni<List<CaseEntity>> queue(CaseRepository.QueueFilter filter, PageCursor after, int limit) {
        return cases.queue(filter, now(), after, limit);
    }

    /** The open case of a subject, locked; null if none. */
    Uni<CaseEntity> lockOpen(String subjectKey) {
        return cases.lockOpenFor(subjectKey);
    }

    Uni<CaseEntity> get0(UUID caseId) {
        return cases.findById(caseId).onItem().ifNull().failWith(() -> ProblemException.notFound("Case", caseId));
    }

    Uni<CaseEntity> locked(UUID caseId) {
        return cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Case", caseId));
    }

    private Instant now() {
        return clock.instant();
    }
}
