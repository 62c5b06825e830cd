package org.modhub.moderation.review.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.taxonomy.LegalProvision;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicyClause;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.review.domain.DecisionKind;
import org.modhub.moderation.review.domain.DecisionStatus;
import org.modhub.moderation.review.domain.StatementOfReasons;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A decision or a reversal, with its statement of reasons. Lists (actions, territorial scope,
 * report ids) are arrays; the statement is jsonb, written when the decision takes effect.
 */
@Entity
@Table(name = "decision")
public class DecisionEntity {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public DecisionKind kind;

    @Enumerated(EnumType.STRING)
    public DecisionStatus status;

    @Column(name = "subject_key")
    public String subjectKey;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_email")
    public String ownerEmail;

    @Column(name = "owner_locale")
    public String ownerLocale;

    /** The owner's country as the hub directory knew it at the decision (null: unknown). */
    @Column(name = "owner_country")
    public String ownerCountry;

    /** When the content was posted, as the hub directory knew it at the decision (null: decided before it was asked). */
    @Column(name = "content_date")
    public java.time.Instant contentDate;

    /** ModerationAction names; {@link #actions()} reads them as actions. */
    public List<String> actions;

    @Enumerated(EnumType.STRING)
    public DecisionGround ground;

    @Enumerated(EnumType.STRING)
    public PolicyCategory category;

    @Enumerated(EnumType.STRING)
    public PolicySubcategory subcategory;

    @Column(name = "territorial_scope")
    public List<String> territorialScope;

    @Column(name = "end_date")
    public Instant endDate;

    public String facts;

    public String explanation;

    @Column(name = "policy_version")
    public String policyVersion;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "approved_by")
    public String approvedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "automated_decision")
    public AutomatedDecision automatedDecision;

    @Enumerated(EnumType.STRING)
    public DecisionOrigin origin;

    @Column(name = "report_ids")
    public List<UUID> reportIds;

    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "appeal_id")
    public UUID appealId;

    @Column(name = "manifestly_unfounded")
    public boolean manifestlyUnfounded;

    @Column(name = "reverses_decision_id")
    public UUID reversesDecisionId;

    @Column(name = "needs_approval")
    public boolean needsApproval;

    @Column(name = "rejected_by")
    public String rejectedBy;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "changes_requested")
    public String changesRequested;

    @Column(name = "owner_deadline")
    public Instant ownerDeadline;

    /** Set when the decision takes effect (a reversal has one only when it implements a dispute's outcome). */
    @JdbcTypeCode(SqlTypes.JSON)
    public StatementOfReasons statement;

    /** The provision of law relied on, for illegal content (null before decisions named one). */
    @Enumerated(EnumType.STRING)
    @Column(name = "legal_provision")
    public LegalProvision legalProvision;

    /** Free text precising the provision (the national law, the article); required with OTHER. */
    @Column(name = "legal_ground_text")
    public String legalGroundText;

    /** The content policy's clause relied on, for incompatible content (null: the category's section). */
    @Enumerated(EnumType.STRING)
    @Column(name = "policy_clause")
    public PolicyClause policyClause;

    /** The out-of-court dispute (DSA Art. 21) whose outcome this reversal implements. */
    @Column(name = "dispute_id")
    public UUID disputeId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public List<ModerationAction> actions() {
        return actions.stream().map(ModerationAction::valueOf).toList();
    }

    public void actions(List<ModerationAction> value) {
        actions = value.stream().map(Enum::name).toList();
    }
}
