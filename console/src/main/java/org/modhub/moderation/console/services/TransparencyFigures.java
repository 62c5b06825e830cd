package org.modhub.moderation.console.services;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * review-service's transparency report (DSA Art. 15, 24) as JSON: counts of what happened in [from, to),
 * medians in hours or days (null without data). Maps carry enum names as keys; the console labels them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransparencyFigures(
        Instant from,
        Instant to,
        Notices notices,
        Decisions decisions,
        Complaints complaints,
        Disputes disputes,
        Suspensions suspensions,
        Dmca dmca) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notices(
            long total,
            long withdrawn,
            long trustedFlagger,
            long automatedDetection,
            Map<String, Long> bySource,
            Map<String, Long> byCategory,
            Map<String, Map<String, Long>> byCategoryAndSource,
            long decided,
            Double medianHoursToDecision) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decisions(
            long total,
            Map<String, Long> byOrigin,
            Map<String, Long> byAutomation,
            Map<String, Long> byGround,
            Map<String, Long> byAction,
            Map<String, Map<String, Long>> byActionAndGround,
            Map<String, Long> byCategory,
            long reversals) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Complaints(
            long filed,
            Map<String, Long> filedByRole,
            long decided,
            Map<String, Long> byOutcome,
            Double medianDaysToDecide) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Disputes(
            long submitted, long settled, Map<String, Long> byOutcome, Double medianDaysToSettle, long implemented) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suspensions(long accountsForIllegalContent, long noticeProcessing, long complaintProcessing) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dmca(
            long notices,
            long completeNotices,
            long takedowns,
            long counterNotices,
            long courtActions,
            long restorations,
            Map<String, Long> restorationsByReason) {}
}
