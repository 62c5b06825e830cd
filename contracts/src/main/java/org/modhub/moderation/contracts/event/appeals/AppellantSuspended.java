package org.modhub.moderation.contracts.event.appeals;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;

/**
 * The processing of an appellant's complaints is suspended until a date (DSA Art. 23(2)).
 *
 * @param appellantId the appellant's hub user id, if they have one
 * @param appellantEmail the appellant's address, for appellants known by mail
 * @param reason why, as told to the appellant
 * @param unfoundedAppealIds the appeals found manifestly unfounded
 * @param suspendedAt when
 * @param until when it ends by itself
 */
public record AppellantSuspended(
        @Nullable String appellantId,
        @Nullable String appellantEmail,
        String reason,
        List<UUID> unfoundedAppealIds,
        Instant suspendedAt,
        Instant until)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.appeals.AppellantSuspended.v1";

    public AppellantSuspended {
        optionalText(appellantId, "appellantId");
        email(appellantEmail, "appellantEmail", true);
        check(appellantId != null || appellantEmail != null, "appellantId or appellantEmail is required");
        text(reason, "reason");
        unfoundedAppealIds = list(unfoundedAppealIds, "unfoundedAppealIds");
        required(suspendedAt, "suspendedAt");
        required(until, "until");
        after(until, suspendedAt, "until", "suspendedAt");
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subjectKey() {
        return null;
    }

    /** Keeps one appellant's standing events in order. */
    @Override
    public String partitionKey() {
        return "appellant:" + (appellantId != null ? appellantId : appellantEmail.toLowerCase(java.util.Locale.ROOT));
    }
}
