package org.modhub.moderation.appeals.privacy.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A data subject's request as staff recorded it (GDPR Arts. 15 and 17); its answers are in {@code privacy_answer}. */
@Entity
@Table(name = "privacy_request")
public class PrivacyRequestEntity {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public PrivacyRequestKind kind;

    /** The person's hub account id, if named. */
    @Column(name = "account_id")
    public String accountId;

    /** The person's addresses, lower-cased, a {@code text[]}. */
    public List<String> emails;

    /** Staff's note (how the request came in, how the person was identified). */
    public String note;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    /** When the last expected service had answered in full; null while pending. */
    @Column(name = "completed_at")
    public Instant completedAt;
}
