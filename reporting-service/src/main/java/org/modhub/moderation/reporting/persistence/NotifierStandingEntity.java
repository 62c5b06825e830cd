package org.modhub.moderation.reporting.persistence;

import java.time.Instant;

import org.modhub.moderation.kit.misuse.LadderStanding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A notifier's trusted-flagger status (DSA Art. 22) and standing (Art. 23). */
@Entity
@Table(name = "notifier_standing")
public class NotifierStandingEntity extends LadderStanding {

    @Id
    @Column(name = "notifier_key")
    public String notifierKey;

    @Column(name = "notifier_id")
    public String notifierId;

    @Column(name = "notifier_email")
    public String notifierEmail;

    @Column(name = "trusted_flagger")
    public boolean trustedFlagger;

    @Column(name = "trusted_since")
    public Instant trustedSince;

    @Column(name = "reports_filed")
    public int reportsFiled;

    @Column(name = "unfounded_reports")
    public int unfoundedReports;

    /** Until when the notifier's reports are held back from review; null or past when not muted. */
    @Column(name = "muted_until")
    public Instant mutedUntil;

    @Column(name = "mute_reason")
    public String muteReason;

    /** The staff member who muted the notifier. */
    @Column(name = "muted_by")
    public String mutedBy;

    /** Whether the notifier's reports are held back from review at {@code now}. */
    public boolean mutedAt(Instant now) {
        return mutedUntil != null && mutedUntil.isAfter(now);
    }
}
