package org.modhub.moderation.reporting.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.reporting.ReportWithdrawn;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.reporting.persistence.ReportEntity;
import org.modhub.moderation.reporting.persistence.ReportRepository;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves a filed report on by hand: staff triage a mailed report that named no category and release one held by a mute
 * (both then go to review), its notifier withdraws one still undecided. Each change, its event and its audit line are
 * one transaction.
 */
@ApplicationScoped
public class ReportTransitions {

    private final ReportRepository reports;
    private final ReportAnnouncer announcer;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public ReportTransitions(
            ReportRepository reports, ReportAnnouncer announcer, Outbox outbox, AuditTrail audit, Clock clock) {
        this.reports = reports;
        this.announcer = announcer;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Staff give a mailed report the category its words did not name; it then goes to review
     * ({@code ReportFiled}); its notifier got the receipt when the mail came in.
     */
    @WithTransaction
    public Uni<ReportEntity> triage(UUID id, PolicyCategory category, PolicySubcategory subcategory, String staffId) {
        return held(id, ReportStatus.NEEDS_TRIAGE, "not waiting for triage").chain(report -> {
            report.category = category;
            report.subcategory = subcategory;
            report.allegesIllegal = ReportRules.allegesIllegalByDefault(category, subcategory);
            report.sourceType = ReportRules.notifierSourceType(report.trustedFlagger, report.allegesIllegal);
            report.status = ReportStatus.RECEIVED;
            report.updatedAt = clock.instant();
            return announcer
                    .toReview(report)
                    .chain(() -> audit.record(
                            staffId,
                            "REPORT_TRIAGED",
                            "report",
                            report.id,
                            report.subjectKey,
                            "category " + category.code() + (subcategory != null ? "/" + subcategory.code() : "")))
                    .replaceWith(report);
        });
    }

    /**
     * Staff release a report held while its notifier was muted: it goes to review as filed
     * ({@code ReportFiled}), or to triage if it has no category yet. Its receipt was sent at filing.
     */
    @WithTransaction
    public Uni<ReportEntity> release(UUID id, String staffId) {
        return held(id, ReportStatus.MUTED, "not held by a mute").chain(report -> {
            report.updatedAt = clock.instant();
            if (report.category == null) {
                report.status = ReportStatus.NEEDS_TRIAGE;
                return audit.record(staffId, "REPORT_RELEASED", "report", report.id, report.subjectKey, "to triage")
                        .replaceWith(report);
            }
            report.status = ReportStatus.RECEIVED;
            return announcer
                    .toReview(report)
                    .chain(() -> audit.record(
                            staffId, "REPORT_RELEASED", "report", report.id, report.subjectKey, "to review"))
                    .replaceWith(report);
        });
    }

    /**
     * The notifier withdraws their report while it is undecided: it becomes WITHDRAWN and, if review has it,
     * {@code ReportWithdrawn} tells review to drop it from its case, in the same transaction. Someone else's report (or a
     * mailed one, which has no account) is a 404; a decided one a 409; a withdrawn one is answered as it stands, so a
     * retried request changes nothing.
     *
     * @param reason why, if the notifier says (stored for staff, passed to review)
     */
    @WithTransaction
    public Uni<ReportEntity> withdraw(UUID id, Caller caller, String reason) {
        return reports.findLocked(id).chain(report -> {
            if (report == null) {
                throw ProblemException.notFound("Report", id);
            }
            caller.requireOwner("Report", id, report.reporterId);
            if (report.status == ReportStatus.WITHDRAWN) {
                return Uni.createFrom().item(report);
            }
            if (report.status == ReportStatus.DECIDED) {
                throw ProblemException.conflict("Report " + id + " was decided on " + report.decidedAt
                        + "; a decided report cannot be withdrawn (contest the decision instead)");
            }
            Instant now = clock.instant();
            // Only a report that went to review is announced: review never heard of one still waiting for its
            // location, triage or release from a mute.
            boolean reviewHasIt = report.status == ReportStatus.RECEIVED;
            report.status = ReportStatus.WITHDRAWN;
            report.withdrawnAt = now;
            report.withdrawnBy = caller.id();
            report.withdrawalReason = reason;
            report.updatedAt = now;
            Uni<Void> announced = reviewHasIt
                    ? outbox.publish(
                                    Topics.REPORTING_EVENTS,
                                    EventSources.REPORTING_SERVICE,
                                    new ReportWithdrawn(
                                            report.id, SubjectRef.parse(report.subjectKey), caller.id(), reason, now))
                            .replaceWithVoid()
                    : Uni.createFrom().voidItem();
            return announced
                    .chain(() -> audit.record(
                            caller.id(),
                            "REPORT_WITHDRAWN",
                            "report",
                            report.id,
                            report.subjectKey,
                            reason == null ? "withdrawn by its notifier" : "withdrawn by its notifier: " + reason))
                    .replaceWith(report);
        });
    }

    /** The report, if it waits in {@code status} for staff; else 404 or 409 saying why not. */
    private Uni<ReportEntity> held(UUID id, ReportStatus status, String otherwise) {
        return reports.findById(id).map(report -> {
            if (report == null) {
                throw ProblemException.notFound("Report", id);
            }
            if (report.status != status) {
                throw ProblemException.conflict("Report " + id + " is " + report.status + ", " + otherwise);
            }
            return report;
        });
    }
}
