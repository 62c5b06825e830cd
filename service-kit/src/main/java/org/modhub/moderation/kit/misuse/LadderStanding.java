package org.modhub.moderation.kit.misuse;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns a person's standing row keeps for the {@link MisuseLadder} (a notifier's, an appellant's): warnings,
 * suspensions and the current one's end and reason. The service's entity extends it with its key and its own columns;
 * the service decides when to warn, suspend and reinstate.
 */
@MappedSuperclass
public abstract class LadderStanding {

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

    /** Whether the person is suspended at {@code now}. */
    public boolean suspendedAt(Instant now) {
        return suspendedUntil != null && suspendedUntil.isAfter(now);
    }

    /** Whether a suspension's time has run out by {@code now}: the reinstatement timer's cue. */
    public boolean suspensionRanOut(Instant now) {
        return suspendedUntil != null && !suspendedAt(now);
    }

    /** Where the person stands, as the ladder reads it. */
    public MisuseLadder.Standing standing() {
        return new MisuseLadder.Standing(lastWarnedAt, suspendedAt, suspensions);
    }

    public void recordWarning(Instant now) {
        warnings++;
        lastWarnedAt = now;
        updatedAt = now;
    }

    public void recordSuspension(Instant now, Instant until, String reason) {
        suspensions++;
        suspendedAt = now;
        suspendedUntil = until;
        suspensionReason = reason;
        updatedAt = now;
    }

    /** Ends the suspension at {@code now} (its count and reason stay, for the record). */
    public void endSuspension(Instant now) {
        suspendedUntil = now;
        updatedAt = now;
    }
}
