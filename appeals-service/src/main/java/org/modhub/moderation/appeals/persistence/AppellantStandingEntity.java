package org.modhub.moderation.appeals.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An appellant's standing (DSA Art. 23(2)): warnings and suspensions of complaint handling. */
@Entity
@Table(name = "appellant_standing")
public class AppellantStandingEntity {

    @Id
    @Column(name = "appellant_key")
    public String appellantKey;

    @Column(name = "appellant_id")
    public String appellantId;

    @Column(name = "appellant_email")
    public String appellantEmail;

    @Column(name = "appeals_filed")
    public int appealsFiled;

    @Column(name = "unfounded_appeals")
    public int unfoundedAppeals;

    public int warnings;

    @Column(name = "last_warned_at")
    public Instant lastWarnedAt;

    public int suspensions;

    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Column(name = "suspended_until")
    public Instant suspendedUntil;

    @Column(name = "suspension_reason")
    public String suspensionReason;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Whether complaint handling is suspended at {@code now}. */
    public boolean suspendedAt(Instant now) {
        return suspendedUntil != null && suspendedUntil.isAfter(now);
    }
}
