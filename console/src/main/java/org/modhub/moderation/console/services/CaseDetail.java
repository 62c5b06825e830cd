package org.modhub.moderation.console.services;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One case as review-service shows it to staff: reports with their reporters, notes, history, decisions. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseDetail(
        CaseSummary summary,
        List<Report> reports,
        List<Note> notes,
        List<Entry> history,
        List<Decision> decisions,
        List<OwnerRequest> ownerRequests,
        List<Restriction> standingRestrictions,
        List<Link> links) {

    public CaseDetail {
        reports = reports == null ? List.of() : reports;
        notes = notes == null ? List.of() : notes;
        history = history == null ? List.of() : history;
        decisions = decisions == null ? List.of() : decisions;
        ownerRequests = ownerRequests == null ? List.of() : ownerRequests;
        standingRestrictions = standingRestrictions == null ? List.of() : standingRestrictions;
        links = links == null ? List.of() : links;
    }

    /**
     * A tie to content a decision removed, as matching-service found it: {@code detection} REUPLOAD, BASE_MODEL or
     * DERIVATIVE; {@code linkedDecisionId} null for an imported list's entry ({@code listSource}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(
            String detection,
            String linkedDecisionId,
            String linkedSubject,
            String listSource,
            String reason,
            String verdict,
            String relation,
            List<String> chain,
            List<CaseSummary.MatchedFile> matchedFiles,
            Instant linkedAt) {

        public Link {
            chain = chain == null ? List.of() : chain;
            matchedFiles = matchedFiles == null ? List.of() : matchedFiles;
        }
    }

    /** A report with who filed it: staff only, which the console is. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(
            String reportId,
            String category,
            String subcategory,
            String severity,
            String explanation,
            List<String> evidenceUrls,
            String channel,
            String sourceType,
            boolean automatedDetection,
            boolean trustedFlagger,
            String reporterId,
            String reporterEmail,
            String jurisdiction,
            Instant filedAt,
            Instant withdrawnAt) {

        public Report {
            evidenceUrls = evidenceUrls == null ? List.of() : evidenceUrls;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Note(String id, String author, String body, boolean shareable, Instant createdAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(Instant at, String actor, String action, String detail) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(
            String id,
            String kind,
            String status,
            List<String> actions,
            String ground,
            String category,
            String subcategory,
            String ownerId,
            String facts,
            String explanation,
            String decidedBy,
            String approvedBy,
            String rejectedBy,
            String rejectionReason,
            boolean needsApproval,
            Instant createdAt,
            Instant decidedAt) {

        public Decision {
            actions = actions == null ? List.of() : actions;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OwnerRequest(
            String ownerId,
            String message,
            Instant deadline,
            String response,
            String responseText,
            Instant respondedAt,
            Instant expiredAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Restriction(
            String action, String decisionId, List<String> territorialScope, Instant imposedAt, Instant endDate) {

        public Restriction {
            territorialScope = territorialScope == null ? List.of() : territorialScope;
        }
    }
}
