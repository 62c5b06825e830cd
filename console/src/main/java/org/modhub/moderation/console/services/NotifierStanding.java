package org.modhub.moderation.console.services;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A notifier's standing as reporting-service keeps it (warnings, suspension, mute, trusted flagger). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotifierStanding(
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
        String mutedBy) {

    /** A notifier the service has no row for yet: nothing filed, nothing held against them. */
    public static NotifierStanding none(String notifier) {
        return new NotifierStanding(notifier, false, 0, 0, 0, null, 0, false, null, null, false, null, null, null);
    }

    /** Only hub accounts can be trusted flaggers (the service refuses e-mail notifiers). */
    public boolean isAccount() {
        return notifier != null && notifier.startsWith("user:");
    }
}
