package org.modhub.moderation.appeals.api;

import java.time.Instant;

/** An appellant's standing (DSA Art. 23(2)), for staff. */
public record StandingResponse(
        String appellant,
        int appealsFiled,
        int unfoundedAppeals,
        int warnings,
        Instant lastWarnedAt,
        int suspensions,
        boolean suspended,
        Instant suspendedUntil,
        String suspensionReason) {}
