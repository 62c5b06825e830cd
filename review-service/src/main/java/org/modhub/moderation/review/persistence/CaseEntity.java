package org.modhub.moderation.review.persistence;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.EscalationReason;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.review.domain.CaseState;

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

    @Column(name = "return_reason")
    public String returnReason;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;
}
