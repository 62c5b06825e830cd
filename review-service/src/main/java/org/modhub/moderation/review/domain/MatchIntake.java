package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.matching.DerivativeFound;
import org.modhub.moderation.contracts.event.matching.MatchKind;
import org.modhub.moderation.contracts.event.matching.MatchedFile;
import org.modhub.moderation.contracts.event.matching.UploadMatched;
import org.modhub.moderation.contracts.event.review.CaseEscalated;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.EscalationReason;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.timer.Timers;
import org.modhub.moderation.review.config.ReviewConfig;
import org.modhub.moderation.review.persistence.CaseEntity;
import org.modhub.moderation.review.persistence.CaseLinkEntity;
import org.modhub.moderation.review.persistence.CaseLinkRepository;
import org.modhub.moderation.review.persistence.CaseRepository;
import org.modhub.moderation.review.persistence.DecisionRepository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Matches joining cases, in the consumer's transaction (issue 25, "removed stays removed"). matching-service
 * recognises an upload as removed content ({@code UploadMatched}: the same files, or a card naming a removed model as
 * its base model) or finds a model derived from a removed one ({@code DerivativeFound}); either way a person decides:
 * the subject's open case gets the link, or a case opens for it, on the hub's own initiative (origin
 * OWN_INITIATIVE: no notice), detected by automated means, linked to the decision behind the match and ranked above
 * ordinary cases of its severity ({@link CasePriority}). Nothing is restricted here: a derivative above all is never
 * removed automatically.
 *
 * <p>The case takes the category and severity of the linked decision; an imported list's entry names no decision of
 * ours, so its case takes {@code review.matching.default-category}. A match already linked (the same {@code matchId},
 * or for a derivative the same decision and model), under any event id, changes nothing: its case has it, open or
 * decided.
 */
@ApplicationScoped
public class MatchIntake {

    private final CaseRepository cases;
    private final CaseLinkRepository links;
    private final DecisionRepository decisions;
    private final Outbox outbox;
    private final Timers timers;
    private final CaseOpenings openings;
    private final AuditTrail audit;
    private final ReviewConfig config;
    private final Clock clock;
    private final PolicyCategory defaultCategory;
    private final PolicySubcategory defaultSubcategory;

    public MatchIntake(
            CaseRepository cases,
            CaseLinkRepository links,
            DecisionRepository decisions,
            Outbox outbox,
            Timers timers,
            CaseOpenings openings,
            AuditTrail audit,
            ReviewConfig config,
            Clock clock) {
        this.cases = cases;
        this.links = links;
        this.decisions = decisions;
        this.outbox = outbox;
        this.timers = timers;
        this.openings = openings;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        // Checked at start: a mistyped code fails the service's start, not every imported match.
        this.defaultCategory = Taxonomy.category(config.matching().defaultCategory());
        this.defaultSubcategory = config.matching()
                .defaultSubcategory()
                .map(Taxonomy::subcategory)
                .orElse(null);
        Taxonomy.requireConsistent(defaultCategory, defaultSubcategory);
    }

    /** What one event ties a subject to. */
    record Link(
            String key,
            Detection detection,
            UUID decisionId,
            String linkedSubject,
            String listSource,
            String reason,
            String verdict,
            String relation,
            List<String> chain,
            List<MatchedFile> files) {

        /** In words, for the audit log and the case's history. */
        String describe() {
            String what = switch (detection) {
                case REUPLOAD -> "re-upload of " + (linkedSubject != null ? linkedSubject : "banked content");
                case BASE_MODEL -> "declares " + linkedSubject + " as its base model";
                case DERIVATIVE -> "derivative of " + linkedSubject + " via " + String.join(" > ", chain);
            };
            String by = decisionId != null ? "removed by decision " + decisionId : "on the imported list " + listSource;
            return what + ", " + by
                    + (files.isEmpty()
                            ? ""
                            : "; files "
                                    + String.join(
                                            ", ",
                                            files.stream()
                                                    .map(MatchedFile::path)
                                                    .toList()))
                    + (verdict != null ? "; hub told " + verdict : "")
                    + (reason != null ? "; reason: " + reason : "");
        }
    }

    /** The hub's upload check recognised an upload: its case opens, or its open case gets the link. */
    public Uni<Void> uploadMatched(UploadMatched m) {
        return link(
                m.subject(),
                new Link(
                        "match:" + m.matchId(),
                        m.kind() == MatchKind.BASE_MODEL ? Detection.BASE_MODEL : Detection.REUPLOAD,
                        m.decisionId(),
                        m.matchedSubject() == null ? null : m.matchedSubject().key(),
                        m.listSource(),
                        m.reason(),
                        m.verdict().name(),
                        null,
                        List.of(),
                        m.files()));
    }

    /** A model derives from a removed one: its case opens, or its open case gets the link. */
    public Uni<Void> derivativeFound(DerivativeFound f) {
        return link(
                f.subject(),
                new Link(
                        "derivative:" + f.decisionId() + ":" + f.subject().key(),
                        Detection.DERIVATIVE,
                        f.decisionId(),
                        f.removedSubject().key(),
                        null,
                        null,
                        null,
                        f.relation().name(),
                        f.chain().stream().map(SubjectRef::key).toList(),
                        List.of()));
    }

    private record Category(PolicyCategory category, PolicySubcategory subcategory, String from) {}

    private Uni<Void> link(SubjectRef subject, Link link) {
        return links.findById(link.key()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem();
            }
            return categoryOf(link)
                    .chain(category -> cases.lockOpenFor(subject.key())
                            .chain(open -> open == null ? open(subject, link, category) : join(open, link, category)));
        });
    }

    /** The linked decision's category; an imported list's entry (or a decision this service lacks): the default. */
    private Uni<Category> categoryOf(Link link) {
        if (link.decisionId() == null) {
            return Uni.createFrom().item(new Category(defaultCategory, defaultSubcategory, "the default for lists"));
        }
        return decisions
                .findById(link.decisionId())
                .map(d -> d == null
                        ? new Category(
                                defaultCategory,
                                defaultSubcategory,
                                "the default: decision " + link.decisionId() + " unknown")
                        : new Category(d.category, d.subcategory, "decision " + d.id));
    }

    private Uni<Void> open(SubjectRef subject, Link link, Category category) {
        Instant now = clock.instant();
        CaseEntity c = new CaseEntity();
        c.id = UUID.randomUUID();
        c.subjectKey = subject.key();
        c.subjectKind = subject.kind().keyPrefix();
        c.state = CaseState.OPEN;
        c.category = category.category();
        c.subcategory = category.subcategory();
        c.severity = Taxonomy.severityOf(c.category, c.subcategory);
        c.origin = DecisionOrigin.OWN_INITIATIVE;
        c.openedAt = now;
        c.updatedAt = now;
        c.dueAt = now.plus(config.due().of(c.severity));
        firstLink(c, link);
        CasePriority.update(c);
        return cases.persist(c)
                .chain(() -> links.persist(row(c, link, now)))
                .chain(() -> openings.announce(c, subject, List.of()))
                .chain(() -> audit.record(
                        Audit.SYSTEM,
                        "case.opened",
                        "case",
                        c.id,
                        c.id,
                        c.subjectKey,
                        "automated detection (" + link.detection() + "), severity " + c.severity + " from "
                                + category.from() + ", due " + c.dueAt))
                .chain(() -> linked(c, link));
    }

    private Uni<Void> join(CaseEntity c, Link link, Category category) {
        Instant now = clock.instant();
        Severity severity = Taxonomy.severityOf(category.category(), category.subcategory());
        boolean raised = severity.rank() > c.severity.rank();
        if (raised) {
            // The case stands for the most severe thing it holds, as with a more severe report.
            c.severity = severity;
            c.category = category.category();
            c.subcategory = category.subcategory();
            Instant due = now.plus(config.due().of(severity, c.trustedReports > 0));
            if (due.isBefore(c.dueAt)) {
                c.dueAt = due;
            }
        }
        if (c.detection == null) {
            firstLink(c, link);
        }
        c.updatedAt = now;
        CasePriority.update(c);
        Uni<Void> chain = links.persist(row(c, link, now)).replaceWithVoid().chain(() -> linked(c, link));
        if (raised) {
            chain = chain.chain(() -> c.state != CaseState.CLOSED
                            ? timers.schedule(CaseService.SLA_TIMER, c.id.toString(), c.dueAt, null)
                            : Uni.createFrom().voidItem())
                    .chain(() -> outbox.publish(
                            Topics.REVIEW_EVENTS,
                            EventSources.REVIEW_SERVICE,
                            new CaseEscalated(
                                    c.id,
                                    SubjectRef.parse(c.subjectKey),
                                    EscalationReason.SEVERITY_RAISED,
                                    c.severity,
                                    now)))
                    .replaceWithVoid();
        }
        return chain;
    }

    private Uni<Void> linked(CaseEntity c, Link link) {
        return audit.record(Audit.SYSTEM, "case.linked", "case", c.id, c.id, c.subjectKey, link.describe());
    }

    private static void firstLink(CaseEntity c, Link link) {
        c.detection = link.detection();
        c.linkedDecisionId = link.decisionId();
        c.linkedSubject = link.linkedSubject();
        c.chain = link.chain();
        c.matchedFiles(link.files());
    }

    private static CaseLinkEntity row(CaseEntity c, Link link, Instant now) {
        CaseLinkEntity row = new CaseLinkEntity();
        row.linkKey = link.key();
        row.caseId = c.id;
        row.detection = link.detection();
        row.linkedDecisionId = link.decisionId();
        row.linkedSubject = link.linkedSubject();
        row.listSource = link.listSource();
        row.reason = link.reason();
        row.verdict = link.verdict();
        row.relation = link.relation();
        row.chain = link.chain();
        row.matchedFiles(link.files());
        row.linkedAt = now;
        return row;
    }
}
