package org.modhub.moderation.review.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Severity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One report of a case, as {@code ReportFiled} carried it. The reporter's identity is for staff only. */
@Entity
@Table(name = "case_report")
public class CaseReportEntity {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "subject_key")
    public String subjectKey;

    @Enumerated(EnumType.STRING)
    public PolicyCategory category;

    @Enumerated(EnumType.STRING)
    public PolicySubcategory subcategory;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public String explanation;

    @Column(name = "evidence_urls")
    public List<String> evidenceUrls;

    @Enumerated(EnumType.STRING)
    public ReportChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_type")
    public SourceType sourceType;

    @Column(name = "automated_detection")
    public boolean automatedDetection;

    @Column(name = "trusted_flagger")
    public boolean trustedFlagger;

    @Column(name = "reporter_id")
    public String reporterId;

    @Column(name = "reporter_email")
    public String reporterEmail;

    public String jurisdiction;

    @Column(name = "filed_at")
    public Instant filedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
}
