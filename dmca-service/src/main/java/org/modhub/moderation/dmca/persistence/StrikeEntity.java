package org.modhub.moderation.dmca.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A repeat-infringer strike: a takedown that stood. */
@Entity
@Table(name = "dmca_strike")
public class StrikeEntity {

    @Id
    public UUID id;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "account_name")
    public String accountName;

    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "takedown_id")
    public UUID takedownId;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
