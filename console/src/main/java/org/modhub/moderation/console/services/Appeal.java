package org.modhub.moderation.console.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An appeal as appeals-service shows it to reviewing staff (with who appealed and who reviewed). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Appeal(
        String id,
        String decisionId,
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
        String appellantId,
        String appellantEmail,
        Boolean identityVerified,
        String reviewerId,
        Boolean manifestlyUnfounded) {

    public Appeal {
        evidenceUrls = evidenceUrls == null ? List.of() : List.copyOf(evidenceUrls);
        newActions = newActions == null ? List.of() : List.copyOf(newActions);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    public boolean overdue() {
        return open() && dueAt != null && dueAt.isBefore(Instant.now());
    }
}
