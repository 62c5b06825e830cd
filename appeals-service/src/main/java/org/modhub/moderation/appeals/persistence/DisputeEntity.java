package org.modhub.moderation.appeals.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dispute brought before a certified out-of-court settlement body (DSA Art. 21). */
@Entity
@Table(name = "dispute")
public class DisputeEntity {

    @Id
    public UUID id;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "appeal_id")
    public UUID appealId;

    public String body;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    @Column(name = "settled_on")
    public LocalDate settledOn;

    @Enumerated(EnumType.STRING)
    public DisputeOutcome outcome;

    public Boolean implemented;

    @Column(name = "implemented_on")
    public LocalDate implementedOn;

    public String notes;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
