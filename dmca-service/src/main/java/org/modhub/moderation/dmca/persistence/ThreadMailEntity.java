package org.modhub.moderation.dmca.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.modhub.moderation.dmca.domain.MailAttachments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A mail that arrived on a notice's or a takedown's thread and is not a revision of an incomplete
 * notice: court-action evidence, a counter-notice by mail, an addition to one, or correspondence
 * kept for staff. Untrusted text from outside; shown to staff only.
 */
@Entity
@Table(name = "dmca_thread_mail")
public class ThreadMailEntity {

    /** The claimant's evidence that they filed a court action (512(g)(2)(C)); legal confirms or dismisses it. */
    public static final String COURT_ACTION_EVIDENCE = "COURT_ACTION_EVIDENCE";
    /** The uploader's counter-notice by mail. */
    public static final String COUNTER_NOTICE = "COUNTER_NOTICE";
    /** The uploader adds to their counter-notice. */
    public static final String COUNTER_NOTICE_ADDITION = "COUNTER_NOTICE_ADDITION";
    /** Anything else on the thread. */
    public static final String CORRESPONDENCE = "CORRESPONDENCE";

    /** Evidence waiting for legal. */
    public static final String AWAITING_CONFIRMATION = "AWAITING_CONFIRMATION";
    /** Legal confirmed the evidence: the restoration clock stopped. */
    public static final String CONFIRMED = "CONFIRMED";
    /** Legal found the evidence is not of a court action. */
    public static final String DISMISSED = "DISMISSED";
    /** A counter-notice was filed from this mail (with the earlier ones of the thread). */
    public static final String ACCEPTED = "ACCEPTED";
    /** A counter-notice by mail lacking 512(g)(3) elements; a later reply is read with it. */
    public static final String DEFICIENT = "DEFICIENT";
    /** Kept for staff. */
    public static final String NOTED = "NOTED";

    @Id
    public UUID id;

    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "takedown_id")
    public UUID takedownId;

    @Column(name = "counter_notice_id")
    public UUID counterNoticeId;

    public String kind;
    public String status;
    public String mailbox;

    @Column(name = "sender_email")
    public String senderEmail;

    @Column(name = "mail_message_id")
    public String mailMessageId;

    @Column(name = "subject_line")
    public String subjectLine;

    public String body;
    /** The http(s) links of the body. */
    public List<String> links;

    @JdbcTypeCode(SqlTypes.JSON)
    public MailAttachments attachments;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;
}
