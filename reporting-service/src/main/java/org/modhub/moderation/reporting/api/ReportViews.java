package org.modhub.moderation.reporting.api;

import java.util.List;

import org.modhub.moderation.reporting.domain.ReportService;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.reporting.persistence.ReportEntity;

import jakarta.enterprise.context.ApplicationScoped;

/** Turns report rows into the responses each audience may see. */
@ApplicationScoped
public class ReportViews {

    private final ReportService reports;

    public ReportViews(ReportService reports) {
        this.reports = reports;
    }

    /** The full view, for the reporter and staff. */
    public ReportResponse full(ReportEntity r) {
        return new ReportResponse(r.id, r.subjectKey, r.hubUrl, code(r.category), code(r.subcategory), r.explanation,
                reports.evidence(r), r.jurisdiction, r.allegesIllegal, r.goodFaithStatement, r.channel.name(),
                r.sourceType.name(), r.automatedDetection, r.trustedFlagger, r.visibility.name(), r.status.name(), r.outcome,
                r.decidedAt, r.withdrawnAt, r.mergedCount, r.reporterId, r.contactEmail, r.showReporterPublicly, r.originalText,
                r.filedAt, r.updatedAt);
    }

    /** The anonymous view of a public report: the reporter only if they opted in. */
    public PublicReportResponse anonymous(ReportEntity r) {
        return new PublicReportResponse(r.id, r.subjectKey, code(r.category), code(r.subcategory), r.explanation,
                r.status.name(), r.filedAt, r.updatedAt, r.showReporterPublicly ? r.reporterName : null);
    }

    /** A page of full views; a full page carries the cursor of its last item. */
    public ReportPage page(List<ReportEntity> rows, int limit) {
        String next = rows.size() == limit && !rows.isEmpty() ? new PageCursor(rows.get(rows.size() - 1).filedAt, rows.get(rows.size() - 1).id).encode() : null;
        return new ReportPage(rows.stream().map(this::full).toList(), next);
    }

    private static String code(Object taxonomyValue) {
        if (taxonomyValue == null) {
            return null;
        }
        if (taxonomyValue instanceof org.modhub.moderation.contracts.taxonomy.PolicyCategory c) {
            return c.code();
        }
        return ((org.modhub.moderation.contracts.taxonomy.PolicySubcategory) taxonomyValue).code();
    }
}
