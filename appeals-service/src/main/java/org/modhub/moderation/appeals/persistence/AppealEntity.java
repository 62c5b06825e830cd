package org.modhub.moderation.appeals.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.appeals.domain.AppealChannel;
import org.modhub.moderation.appeals.domain.AppealStatus;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One appeal (internal complaint, DSA Art. 20) and, once decided, its outcome. */
@Entity
@Table(name = "appeal")
public class AppealEntity {

    @Id
    public UUID id;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "subject_key")
    public String subjectKey;

    @Column(name = "appellant_key")
    public String appellantKey;

    @Column(name = "appellant_id")
    public String appellantId;

    @Column(name = "appellant_email")
    public String appellantEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "appellant_role")
    public AppellantRole appellantRole;

    @Column(name = "identity_verified")
    public boolean identityVerified;

    public String residence;

    @Enumerated(EnumType.STRING)
    public AppealChannel channel;

    public String arguments;

    /** http(s) links, a {@code text[]}; stored, never fetched. */
    @Column(name = "evidence_urls")
    public List<String> evidenceUrls;

    @Enumerated(EnumType.STRING)
    public AppealStatus status;

    @Column(name = "told_at")
    public Instant toldAt;

    @Column(name = "window_closes_on")
    public LocalDate windowClosesOn;

    @Column(name = "filed_at")
    public Instant filedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Enumerated(EnumType.STRING)
    public AppealOutcome outcome;

    @Column(name = "new_actions")
    public String newActions;

    public String explanation;

    @Column(name = "reviewer_id")
    public String reviewerId;

    @Column(name = "manifestly_unfounded")
    public boolean manifestlyUnfounded;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "mail_message_id")
    public String mailMessageId;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the appellant was replaced by an anonymous reference (erasure or retention); null while the row names them. */
    @Column(name = "anonymised_at")
    public Instant anonymisedAt;
}
