package org.modhub.moderation.console.services;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An appellant's standing as appeals-service keeps it (DSA Art. 23(2)). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppellantStanding(
        String appellant,
        int appealsFiled,
        int unfoundedAppeals,
        int warnings,
        Instant lastWarnedAt,
        int suspensions,
        boolean suspended,
        Instant suspendedUntil,
        String suspensionReason) {

    public static AppellantStanding none(String appellant) {
        return new AppellantStanding(appellant, 0, 0, 0, null, 0, false, null, null);
    }
}
