package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.reporting.ReportWithdrawn;
import org.modhub.moderation.contracts.event.review.CaseEscalated;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.EscalationReason;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.timer.Timers;
import org.modhub.moderation.review.config.ReviewConfig;
import org.modhub.moderation.review.persistence.CaseEntity;
import org.modhub.moderation.review.persistence.CaseReportEntity;
import org.modhub.moderation.review.persistence.CaseReportRepository;
import org.modhub.moderation.review.persistence.CaseRepository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Reports joining cases, in the consumer's transaction: a filed report joins the open case of its
 * subject or opens one (a more severe report raises the case, a trusted flagger's notice brings its
 * due time forward); a withdrawn report stops counting.
 */
@ApplicationScoped
public class CaseIntake {

    private final CaseRepository cases;
    private final CaseReportRepository reports;
    private final Outbox outbox;
    private final Timers timers;
    private final CaseOpenings openings;
    private final AuditTrail audit;
    private final ReviewConfig config;
    private final Clock clock;

    public CaseIntake(
            CaseRepository cases,
            CaseReportRepository reports,
            Outbox outbox,
            Timers timers,
            CaseOpenings openings,
            AuditTrail audit,
            ReviewConfig config,
            Clock clock) {
        this.cases = cases;
        this.reports = reports;
        this.outbox = outbox;
        this.timers = timers;
        this.openings = openings;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** A filed report joins the open case of its subject, or opens one. A report seen before changes nothing. */
    public Uni<Void> addReport(ReportFiled report) {
        return reports.findById(report.reportId()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem();
            }
            return cases.lockOpenFor(report.subject().key())
                    .chain(open -> open == null ? openFor(report) : join(open, report));
        });
    }

    private Uni<Void> openFor(ReportFiled report) {
        Instant now = clock.instant();
        Severity severity = Taxonomy.severityOf(report.category(), report.subcategory());
        CaseEntity c = new CaseEntity();
        c.id = UUID.randomUUID();
        c.subjectKey = report.subject().key();
        c.subjectKind = report.subject().kind().keyPrefix();
        c.state = CaseState.OPEN;
        c.category = report.category();
        c.subcategory = report.subcategory();
        c.severity = severity;
        c.origin = DecisionOrigin.REPORT;
        c.reportCount = 1;
        c.trustedReports = report.trustedFlagger() ? 1 : 0;
        c.openedAt = now;
        c.updatedAt = now;
        c.dueAt = now.plus(config.due().of(severity, report.trustedFlagger()));
        CasePriority.update(c);
        CaseReportEntity row = reportRow(c.id, report, severity);
        return cases.persist(c)
                .chain(() -> reports.persist(row))
                .chain(() -> openings.announce(c, report.subject(), List.of(report.reportId())))
                .chain(() -> audit.record(
                        Audit.SYSTEM,
                        "case.opened",
                        "case",
                        c.id,
                        c.id,
                        c.subjectKey,
                        "report " + report.reportId() + ", severity " + severity + ", due " + c.dueAt));
    }

    private Uni<Void> join(CaseEntity c, ReportFiled report) {
        Instant now = clock.instant();
        Severity severity = Taxonomy.severityOf(report.category(), report.subcategory());
        boolean raised = severity.rank() > c.severity.rank();
        c.reportCount++;
        if (report.trustedFlagger()) {
            c.trustedReports++;
        }
        if (raised) {
            // The case now stands for its most severe report: category, severity and an earlier due time.
            c.severity = severity;
            c.category = report.category();
            c.subcategory = report.subcategory();
        }
        boolean sooner = false;
        if (raised || report.trustedFlagger()) {
            // A more severe report, or a trusted flagger's notice (DSA Art. 22), may bring the due time forward.
            Instant due = now.plus(config.due().of(c.severity, c.trustedReports > 0));
            if (due.isBefore(c.dueAt)) {
                c.dueAt = due;
                sooner = true;
            }
        }
        c.updatedAt = now;
        CasePriority.update(c);
        Uni<Void> chain = reports.persist(reportRow(c.id, report, severity))
                .replaceWithVoid()
                .chain(() -> audit.record(
                        Audit.SYSTEM,
                        "case.report-added",
                        "case",
                        c.id,
                        c.id,
                        c.subjectKey,
                        "report " + report.reportId() + (report.trustedFlagger() ? " (trusted flagger)" : "")
                                + (raised ? ", severity raised to " + severity : "")));
        if (sooner && c.state != CaseState.CLOSED) {
            chain = chain.chain(() -> timers.schedule(CaseService.SLA_TIMER, c.id.toString(), c.dueAt, null));
        }
        if (raised) {
            chain = chain.chain(() -> outbox.publish(
                            Topics.REVIEW_EVENTS,
                            EventSources.REVIEW_SERVICE,
                            new CaseEscalated(
                                    c.id,
                                    SubjectRef.parse(c.subjectKey),
                                    EscalationReason.SEVERITY_RAISED,
                                    c.severity,
                                    now))
                    .replaceWithVoid());
        }
        return chain;
    }

    private CaseReportEntity reportRow(UUID caseId, ReportFiled report, Severity severity) {
        CaseReportEntity row = new CaseReportEntity();
        row.reportId = report.reportId();
        row.caseId = caseId;
        row.subjectKey = report.subject().key();
        row.category = report.category();
        row.subcategory = report.subcategory();
        row.severity = severity;
        row.explanation = report.explanation();
        row.evidenceUrls = report.evidenceUrls();
        row.channel = report.channel();
        row.sourceType = report.sourceType();
        row.automatedDetection = report.automatedDetection();
        row.trustedFlagger = report.trustedFlagger();
        row.reporterId = report.reporterId();
        row.reporterEmail = report.reporterEmail();
        row.jurisdiction = report.jurisdiction();
        row.filedAt = report.filedAt();
        return row;
    }

    /** A withdrawn report no longer counts towards its case's priority. */
    public Uni<Void> withdrawReport(ReportWithdrawn withdrawn) {
        return reports.findById(withdrawn.reportId()).chain(row -> {
            if (row == null || row.withdrawnAt != null) {
                return Uni.createFrom().voidItem();
            }
            row.withdrawnAt = withdrawn.withdrawnAt();
            return cases.findById(row.caseId, LockModeType.PESSIMISTIC_WRITE).chain(c -> {
                if (c.state != CaseState.CLOSED) {
                    c.reportCount = Math.max(0, c.reportCount - 1);
                    if (row.trustedFlagger) {
                        c.trustedReports = Math.max(0, c.trustedReports - 1);
                    }
                    c.updatedAt = clock.instant();
                    CasePriority.update(c);
                }
                return audit.record(
                        withdrawn.withdrawnBy(),
                        "case.report-withdrawn",
                        "case",
                        c.id,
                        c.id,
                        c.subjectKey,
                        "report " + withdrawn.reportId());
            });
        });
    }
}
