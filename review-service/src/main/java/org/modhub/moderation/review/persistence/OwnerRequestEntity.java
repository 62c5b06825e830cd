package org.modhub.moderation.review.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A request to the owner to change the subject by a deadline, and their answer. */
@Entity
@Table(name = "owner_request")
public class OwnerRequestEntity {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_email")
    public String ownerEmail;

    public String message;

    public Instant deadline;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    /** CHANGED or DISPUTED once answered. */
    public String response;

    @Column(name = "response_text")
    public String responseText;

    /** API or MAIL. */
    @Column(name = "responded_via")
    public String respondedVia;

    @Column(name = "responded_at")
    public Instant respondedAt;

    @Column(name = "expired_at")
    public Instant expiredAt;

    public boolean isOpen() {
        return response == null && expiredAt == null;
    }
}
