package org.modhub.moderation.console.services;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A case in the queue, as review-service lists it (fields the console does not show are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseSummary(
        String id,
        String subject,
        String state,
        String category,
        String subcategory,
        String severity,
        int priority,
        boolean escalated,
        String escalationReason,
        int reportCount,
        int trustedReports,
        String assignee,
        Instant dueAt,
        boolean overdue,
        String origin,
        String returnReason,
        Instant openedAt,
        String recommendedAction,
        String linkedDecisionId,
        String linkedDecisionReversedBy,
        String linkedSubject,
        String detection,
        List<String> chain,
        List<MatchedFile> matchedFiles) {

    public CaseSummary {
        chain = chain == null ? List.of() : chain;
        matchedFiles = matchedFiles == null ? List.of() : matchedFiles;
    }

    /** A file of a re-upload whose content hash is banked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MatchedFile(String path, String sha256) {}
}
