package org.modhub.moderation.dmca.persistence;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.modhub.moderation.dmca.domain.CourtActionRecord;
import org.modhub.moderation.dmca.domain.RemovedMaterial;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A valid counter-notice and its restoration clock. */
@Entity
@Table(name = "dmca_counter_notice")
public class CounterNoticeEntity {

    /** The clock is running. */
    public static final String RUNNING = "RUNNING";
    /** The claimant showed a court action before the deadline. */
    public static final String COURT_ACTION = "COURT_ACTION";
    /**
     * The clock ran out while court-action evidence received before the deadline waited for legal:
     * restoration waits for legal's confirmation (no restoration) or dismissal (restored then).
     */
    public static final String EVIDENCE_PENDING = "EVIDENCE_PENDING";
    /** The content was restored. */
    public static final String RESTORED = "RESTORED";

    @Id
    public UUID id;

    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "takedown_id")
    public UUID takedownId;

    @Column(name = "uploader_id")
    public String uploaderId;

    public String signature;

    @JdbcTypeCode(SqlTypes.JSON)
    public RemovedMaterial material;

    public String name;
    public String address;
    public String phone;
    public String email;
    public String status;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "restore_at")
    public Instant restoreAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "court_action")
    public CourtActionRecord courtAction;

    @Column(name = "court_action_at")
    public Instant courtActionAt;

    @Column(name = "restored_at")
    public Instant restoredAt;
}
