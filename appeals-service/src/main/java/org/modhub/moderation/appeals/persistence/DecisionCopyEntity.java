package org.modhub.moderation.appeals.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What this service keeps of a decision learned from {@code review.events}. */
@Entity
@Table(name = "decision_copy")
public class DecisionCopyEntity {

    @Id
    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "subject_key")
    public String subjectKey;

    @Column(name = "owner_id")
    public String ownerId;

    /** The owner's country (ISO 3166-1 alpha-2) as the hub knew it at the decision; null when it did not. */
    @Column(name = "owner_country")
    public String ownerCountry;

    /** ModerationAction names, comma-separated. */
    public String actions;

    /** Whether any action restricts the subject (only then may its owner appeal). */
    public boolean restricts;

    public String category;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "approved_by")
    public String approvedBy;

    public String origin;

    @Column(name = "manifestly_unfounded")
    public boolean manifestlyUnfounded;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** When the owner and notifiers were told of it. */
    @Column(name = "told_at")
    public Instant toldAt;

    @Column(name = "reversed_by_decision")
    public UUID reversedByDecision;

    @Column(name = "reversed_at")
    public Instant reversedAt;

    @Column(name = "learned_at")
    public Instant learnedAt;
}
