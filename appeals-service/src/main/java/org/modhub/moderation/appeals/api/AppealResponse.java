package org.modhub.moderation.appeals.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An appeal as its appellant or staff see it. The staff-only members (who the appellant is, how
 * they were identified, who reviewed) are absent in the appellant's view.
 */
public record AppealResponse(
        UUID id,
        UUID decisionId,
        String subject,
        String appellantRole,
        String channel,
        String status,
        String arguments,
        List<String> evidenceUrls,
        String residence,
        Instant filedAt,
        LocalDate windowClosesOn,
        Instant dueAt,
        boolean escalated,
        String outcome,
        List<String> newActions,
        String explanation,
        Instant resolvedAt,
        // staff only
        String appellantId,
        String appellantEmail,
        Boolean identityVerified,
        String reviewerId,
        Boolean manifestlyUnfounded) {}
