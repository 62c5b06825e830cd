package org.modhub.moderation.reporting.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.reporting.domain.ReportStatus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One report, from any channel. */
@Entity
@Table(name = "report")
public class ReportEntity {

    @Id
    public UUID id;

    /** The subject key; null while a mail awaits the exact location. */
    @Column(name = "subject_key")
    public String subjectKey;

    @Column(name = "subject_kind")
    public String subjectKind;

    @Column(name = "hub_url")
    public String hubUrl;

    @Enumerated(EnumType.STRING)
    public PolicyCategory category;

    @Enumerated(EnumType.STRING)
    public PolicySubcategory subcategory;

    public String explanation;

    /** The evidence links, a PostgreSQL array; stored, never fetched. */
    @Column(name = "evidence_urls")
    public List<String> evidenceUrls = List.of();

    public String jurisdiction;

    @Column(name = "alleges_illegal")
    public boolean allegesIllegal;

    @Column(name = "good_faith_statement")
    public boolean goodFaithStatement;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "reporter_id")
    public String reporterId;

    @Column(name = "reporter_name")
    public String reporterName;

    @Column(name = "show_reporter_publicly")
    public boolean showReporterPublicly;

    @Column(name = "notifier_key")
    public String notifierKey;

    @Enumerated(EnumType.STRING)
    public ReportChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_type")
    public SourceType sourceType;

    @Column(name = "automated_detection")
    public boolean automatedDetection;

    @Column(name = "trusted_flagger")
    public boolean trustedFlagger;

    @Enumerated(EnumType.STRING)
    public ReportVisibility visibility;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    @Column(name = "merged_count")
    public int mergedCount;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "mail_message_id")
    public String mailMessageId;

    @Column(name = "original_text")
    public String originalText;

    /** How often the sender of a mail without a hub URL was asked for the location. */
    @Column(name = "location_requests")
    public int locationRequests;

    @Column(name = "decision_id")
    public UUID decisionId;

    public String outcome;

    @Column(name = "manifestly_unfounded")
    public boolean manifestlyUnfounded;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** When its notifier withdrew it; null unless WITHDRAWN. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** The account that withdrew it. */
    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /**
     * When its notifier's identity was removed (an erasure, or the end of its retention period); null while it has
     * one. An anonymised report still gets its outcome, but nobody is told and no one's standing moves.
     */
    @Column(name = "anonymised_at")
    public Instant anonymisedAt;

    @Column(name = "filed_at")
    public Instant filedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
