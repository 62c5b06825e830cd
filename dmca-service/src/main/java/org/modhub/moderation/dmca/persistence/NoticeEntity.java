package org.modhub.moderation.dmca.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.modhub.moderation.contracts.event.dmca.DmcaNoticeElement;
import org.modhub.moderation.contracts.event.dmca.NoticeChannel;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.domain.NoticeElements;
import org.modhub.moderation.dmca.domain.NoticeStatus;
import org.modhub.moderation.dmca.domain.RejectionReason;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One takedown notice, as sent: its structured elements in {@code jsonb}, subject keys and missing elements as arrays. */
@Entity
@Table(name = "dmca_notice")
public class NoticeEntity {

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

    @JdbcTypeCode(SqlTypes.JSON)
    public NoticeElements elements;

    @Column(name = "subject_keys")
    public List<String> subjectKeys;

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
    /** {@code DmcaNoticeElement} names, in statutory order. */
    @Column(name = "missing_elements")
    public List<String> missingElements;

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

    public List<SubjectRef> subjects() {
        return subjectKeys.stream().map(SubjectRef::parse).toList();
    }

    public List<DmcaNoticeElement> missing() {
        return missingElements.stream().map(DmcaNoticeElement::valueOf).toList();
    }

    /** The first subject's key, for the audit trail; null when none resolved. */
    public String firstSubject() {
        return subjectKeys.isEmpty() ? null : subjectKeys.get(0);
    }
}
