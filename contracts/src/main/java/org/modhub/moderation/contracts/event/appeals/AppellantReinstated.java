package org.modhub.moderation.contracts.event.appeals;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;

/**
 * A suspended appellant's complaints are processed again, because the suspension ran out or
 * staff lifted it.
 *
 * @param appellantId the appellant's hub user id, if they have one
 * @param appellantEmail the appellant's address, for appellants known by mail
 * @param reason why, e.g. "suspension period ended"
 * @param reinstatedAt when
 */
public record AppellantReinstated(
        @Nullable String appellantId, @Nullable String appellantEmail, String reason, Instant reinstatedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.appeals.AppellantReinstated.v1";

    public AppellantReinstated {
        optionalText(appellantId, "appellantId");
        email(appellantEmail, "appellantEmail", true);
        check(appellantId != null || appellantEmail != null, "appellantId or appellantEmail is required");
        text(reason, "reason");
        required(reinstatedAt, "reinstatedAt");
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
