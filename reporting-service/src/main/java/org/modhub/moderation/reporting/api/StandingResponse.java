package org.modhub.moderation.reporting.api;

import java.time.Instant;

/** A notifier's standing, for staff. */
public record StandingResponse(
        String notifier,
        boolean trustedFlagger,
        int reportsFiled,
        int unfoundedReports,
        int warnings,
        Instant lastWarnedAt,
        int suspensions,
        boolean suspended,
        Instant suspendedUntil,
        String suspensionReason,
        boolean muted,
        Instant mutedUntil,
        String muteReason,
        String mutedBy) {}
