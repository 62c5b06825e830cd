package org.modhub.moderation.dmca.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.dmca.TakedownScope;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.domain.TakedownStatus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The takedown of one uploader's content on an accepted notice; the uploader as the hub directory knew them then. */
@Entity
@Table(name = "dmca_takedown")
public class TakedownEntity {

    @Id
    public UUID id;

    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "uploader_id")
    public String uploaderId;

    @Column(name = "uploader_name")
    public String uploaderName;

    @Column(name = "uploader_email")
    public String uploaderEmail;

    /** The uploader's language for mail, as the hub directory had it at the takedown; null: the kit's default. */
    @Column(name = "uploader_language")
    public String uploaderLanguage;

    @Column(name = "subject_keys")
    public List<String> subjectKeys;

    @Enumerated(EnumType.STRING)
    public TakedownScope scope;

    @Enumerated(EnumType.STRING)
    public TakedownStatus status;

    @Column(name = "removal_deadline")
    public Instant removalDeadline;

    @Column(name = "ordered_at")
    public Instant orderedAt;

    @Column(name = "ordered_by")
    public String orderedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<SubjectRef> subjects() {
        return subjectKeys.stream().map(SubjectRef::parse).toList();
    }

    /** The first subject's key, for the audit trail. */
    public String firstSubject() {
        return subjectKeys.isEmpty() ? null : subjectKeys.get(0);
    }
}
