package org.modhub.moderation.review.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.matching.MatchedFile;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.EscalationReason;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.review.domain.CaseState;
import org.modhub.moderation.review.domain.Detection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A review case; at most one open per subject (a partial unique index holds it). */
@Entity
@Table(name = "review_case")
public class CaseEntity {

    @Id
    public UUID id;

    @Column(name = "subject_key")
    public String subjectKey;

    @Column(name = "subject_kind")
    public String subjectKind;

    @Enumerated(EnumType.STRING)
    public CaseState state;

    @Enumerated(EnumType.STRING)
    public PolicyCategory category;

    @Enumerated(EnumType.STRING)
    public PolicySubcategory subcategory;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    /** Higher is more urgent; see {@code domain.CasePriority}. */
    public int priority;

    @Enumerated(EnumType.STRING)
    public DecisionOrigin origin;

    @Column(name = "report_count")
    public int reportCount;

    @Column(name = "trusted_reports")
    public int trustedReports;

    public boolean escalated;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_reason")
    public EscalationReason escalationReason;

    public String assignee;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "appeal_id")
    public UUID appealId;

    /** What the case recommends the moderator decide (a repeat infringer's: TERMINATE_ACCOUNT); null for none. */
    @Enumerated(EnumType.STRING)
    @Column(name = "recommended_action")
    public ModerationAction recommendedAction;

    /**
     * How the subject was tied to content a decision removed (matching.events); null for a case not linked. With
     * {@code linkedDecisionId} … {@code matchedFiles}: the case's first link (every link is a {@code case_link} row).
     */
    @Enumerated(EnumType.STRING)
    public Detection detection;

    /** The decision that removed the content; null for an imported list's entry. */
    @Column(name = "linked_decision_id")
    public UUID linkedDecisionId;

    /**
     * The decision that reversed {@link #linkedDecisionId} after the case was opened; null while the removal stands.
     * The case stays for a person to close, but no longer ranks as linked to removed content.
     */
    @Column(name = "linked_decision_reversed_by")
    public UUID linkedDecisionReversedBy;

    /** The removed content: the decision's subject, the base model, or the root of a derivative's chain. */
    @Column(name = "linked_subject")
    public String linkedSubject;

    /** For a derivative, the models from the removed one (excluded) down to this subject. */
    @Column(name = "link_chain")
    public List<String> chain = List.of();

    /** For a re-upload, its files whose content hashes are banked: paths, and their sha256 in the same order. */
    @Column(name = "matched_paths")
    public List<String> matchedPaths = List.of();

    @Column(name = "matched_hashes")
    public List<String> matchedHashes = List.of();

    /** The matched files, as the event named them. */
    public List<MatchedFile> matchedFiles() {
        return java.util.stream.IntStream.range(0, Math.min(matchedPaths.size(), matchedHashes.size()))
                .mapToObj(i -> new MatchedFile(matchedPaths.get(i), matchedHashes.get(i)))
                .toList();
    }

    public void matchedFiles(List<MatchedFile> files) {
        matchedPaths = files.stream().map(MatchedFile::path).toList();
        matchedHashes = files.stream().map(MatchedFile::sha256).toList();
    }

    @Column(name = "return_reason")
    public String returnReason;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;
}
