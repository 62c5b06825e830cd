package org.modhub.moderation.console.services;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How statements of reasons stand with the EU DSA Transparency Database.
 *
 * @param enabled whether a database endpoint is configured
 * @param statements how many statements are in each state (PENDING, SUBMITTED, INVALID, SKIPPED)
 * @param oldestPendingSince when the longest-waiting statement was queued
 * @param oldestPendingError why its last attempt failed, if one did
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubmissionStatus(
        boolean enabled, Map<String, Long> statements, Instant oldestPendingSince, String oldestPendingError) {

    public SubmissionStatus {
        statements = statements == null ? Map.of() : statements;
    }
}
