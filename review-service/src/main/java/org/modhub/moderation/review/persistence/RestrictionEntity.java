package org.modhub.moderation.review.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.action.ModerationAction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the enforcement ledger: a restriction a decision imposed, standing until lifted. */
@Entity
@Table(name = "restriction")
public class RestrictionEntity {

    @Id
    public UUID id;

    @Column(name = "subject_key")
    public String subjectKey;

    @Enumerated(EnumType.STRING)
    public ModerationAction action;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "territorial_scope")
    public List<String> territorialScope;

    @Column(name = "imposed_at")
    public Instant imposedAt;

    @Column(name = "end_date")
    public Instant endDate;

    @Column(name = "lifted_at")
    public Instant liftedAt;

    @Column(name = "lifted_by_decision")
    public UUID liftedByDecision;

    @Column(name = "lift_reason")
    public String liftReason;
}
