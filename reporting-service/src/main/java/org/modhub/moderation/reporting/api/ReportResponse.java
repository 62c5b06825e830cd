package org.modhub.moderation.reporting.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A report as its reporter and staff see it. {@code mailText} is what the notifier wrote by mail: the mail a mailed
 * report came from and every reply on the report's thread (also for an in-platform report), as received.
 */
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
        Instant withdrawnAt,
        int mergedCount,
        String reporterId,
        String contactEmail,
        boolean showReporterPublicly,
        String mailText,
        Instant filedAt,
        Instant updatedAt) {}
