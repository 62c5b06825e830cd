package org.modhub.moderation.contracts.event.reporting;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;

/**
 * A suspended notifier's reports are processed again, because the suspension ran out or staff
 * lifted it.
 *
 * @param notifierId the notifier's hub user id, if they have one
 * @param notifierEmail the notifier's address, for notifiers known by mail
 * @param reason why, e.g. "suspension period ended"
 * @param reinstatedAt when
 */
public record NotifierReinstated(
        @Nullable String notifierId, @Nullable String notifierEmail, String reason, Instant reinstatedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.reporting.NotifierReinstated.v1";

    public NotifierReinstated {
        Notifiers.checkIdentity(notifierId, notifierEmail);
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

    @Override
    public String partitionKey() {
        return Notifiers.partitionKey(notifierId, notifierEmail);
    }
}
