package org.modhub.moderation.appeals.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who filed a report (from {@code ReportFiled}): the notifiers who may appeal any decision answering it. */
@Entity
@Table(name = "report_notifier")
public class ReportNotifierEntity {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "reporter_id")
    public String reporterId;

    @Column(name = "reporter_email")
    public String reporterEmail;

    /** The notifier's country, which decides the redress they are told of. */
    public String jurisdiction;

    @Column(name = "filed_at")
    public Instant filedAt;
}
