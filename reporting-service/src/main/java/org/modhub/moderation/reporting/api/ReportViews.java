package org.modhub.moderation.reporting.api;

import java.util.List;

import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.reporting.persistence.ReportEntity;

import jakarta.enterprise.context.ApplicationScoped;

/** Turns report rows into the responses each audience may see. */
@ApplicationScoped
public class ReportViews {

    /** The full view, for the reporter and staff. */
    public ReportResponse full(ReportEntity r) {
        return new ReportResponse(
                r.id,
                r.subjectKey,
                r.hubUrl,
                code(r.category),
                code(r.subcategory),
                r.explanation,
                r.evidenceUrls,
                r.jurisdiction,
                r.allegesIllegal,
                r.goodFaithStatement,
                r.channel.name(),
                r.sourceType.name(),
                r.automatedDetection,
                r.trustedFlagger,
                r.visibility.name(),
                r.status.name(),
                r.outcome,
                r.decidedAt,
                r.withdrawnAt,
                r.mergedCount,
                r.reporterId,
                r.contactEmail,
                r.showReporterPublicly,
                r.originalText,
                r.filedAt,
                r.updatedAt);
    }

    /** The anonymous view of a public report: the reporter only if they opted in. */
    public PublicReportResponse anonymous(ReportEntity r) {
        return new PublicReportResponse(
                r.id,
                r.subjectKey,
                code(r.category),
                code(r.subcategory),
                r.explanation,
                r.status.name(),
                r.filedAt,
                r.updatedAt,
                r.showReporterPublicly ? r.reporterName : null);
    }

    /** A page of full views of {@code fetched} (up to {@code limit + 1} rows, newest first). */
    public Page<ReportResponse> page(List<ReportEntity> fetched, int limit) {
        return Page.of(fetched, limit, r -> new PageCursor(r.filedAt, r.id), this::full);
    }

    private static String code(Object taxonomyValue) {
        if (taxonomyValue == null) {
            return null;
        }
        if (taxonomyValue instanceof PolicyCategory c) {
            return c.code();
        }
        return ((PolicySubcategory) taxonomyValue).code();
    }
}
