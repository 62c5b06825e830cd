package org.modhub.moderation.reporting.api;

import java.time.Instant;
import java.util.UUID;

/** The public view of a repository report: never the reporter, unless they opted in. */
public record PublicReportResponse(
        UUID id,
        String subject,
        String category,
        String subcategory,
        String explanation,
        String status,
        Instant filedAt,
        Instant updatedAt,
        String reporter) {}
