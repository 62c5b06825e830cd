package org.modhub.moderation.dmca.persistence;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.contracts.event.dmca.NoticeChannel;
import org.modhub.moderation.dmca.domain.NoticeStatus;
import org.modhub.moderation.dmca.domain.RejectionReason;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One takedown notice, as sent (list elements as JSON text). */
@Entity
@Table(name = "dmca_notice")
public class NoticeEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "revision_of")
    public UUID revisionOf;
    @Column(name = "revised_by")
    public UUID revisedBy;
    @Enumerated(EnumType.STRING)
    public NoticeStatus status;
    @Enumerated(EnumType.STRING)
    public NoticeChannel channel;
    public String signature;
    public String works;
    public String material;
    @Column(name = "subject_keys")
    public String subjectKeys;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_organisation")
    public String contactOrganisation;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_address")
    public String contactAddress;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "good_faith")
    public boolean goodFaith;
    public boolean accurate;
    public boolean authorised;
    @Column(name = "missing_elements")
    public String missingElements;
    public String deficiencies;
    @Column(name = "sender_email")
    public String senderEmail;
    @Column(name = "client_address")
    public String clientAddress;
    @Column(name = "original_text")
    public String originalText;
    @Column(name = "mail_message_id")
    public String mailMessageId;
    public String decision;
    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_reason")
    public RejectionReason rejectionReason;
    @Column(name = "review_note")
    public String reviewNote;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
