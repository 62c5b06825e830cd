package org.modhub.moderation.console.services;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A decision as review-service shows it to staff: what was decided, on which ground, and who decided,
 * approved or rejected it (staff see the people; owners never do).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Decision(
        String id,
        String caseId,
        String kind,
        String status,
        String subject,
        String ownerId,
        List<String> actions,
        String ground,
        String category,
        String subcategory,
        List<String> territorialScope,
        Instant endDate,
        String facts,
        String explanation,
        String policyVersion,
        String decidedBy,
        String approvedBy,
        String origin,
        boolean needsApproval,
        String reversesDecisionId,
        String rejectedBy,
        String rejectionReason,
        Statement statementOfReasons,
        Instant createdAt,
        Instant decidedAt) {

    public Decision {
        actions = actions == null ? List.of() : List.copyOf(actions);
        territorialScope = territorialScope == null ? List.of() : List.copyOf(territorialScope);
    }

    /** Whether {@code person} took part in it (decided or approved): they may not review it a second time. */
    public boolean involves(String person) {
        return person != null && !person.isBlank() && (person.equals(decidedBy) || person.equals(approvedBy));
    }

    /** The statement of reasons as the owner reads it: the parts a reviewer checks before approving. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Statement(
            String decisionGround,
            String illegalContentLegalGround,
            String illegalContentExplanation,
            String incompatibleContentGround,
            String incompatibleContentExplanation,
            String facts,
            String redress,
            String policyVersion,
            String groundReferenceUrl) {

        /** The ground relied on, law or terms, in the statement's words. */
        public String groundText() {
            return illegalContentLegalGround != null ? illegalContentLegalGround : incompatibleContentGround;
        }

        /** Why the content falls under that ground. */
        public String groundExplanation() {
            return illegalContentExplanation != null ? illegalContentExplanation : incompatibleContentExplanation;
        }
    }
}
