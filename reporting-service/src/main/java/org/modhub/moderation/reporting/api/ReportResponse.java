package org.modhub.moderation.reporting.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report as its reporter and staff see it. */
public record ReportResponse(
        UUID id,
        String subject,
        String subjectUrl,
        String category,
        String subcategory,
        String explanation,
        List<String> evidenceUrls,
        String jurisdiction,
        boolean allegesIllegalContent,
        boolean goodFaithStatement,
        String channel,
        String sourceType,
        boolean automatedDetection,
        boolean trustedFlagger,
        String visibility,
        String status,
        String outcome,
        Instant decidedAt,
        int mergedCount,
        String reporterId,
        String contactEmail,
        boolean showReporterPublicly,
        Instant filedAt,
        Instant updatedAt) {
}
