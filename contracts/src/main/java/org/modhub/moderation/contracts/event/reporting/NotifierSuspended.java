package org.modhub.moderation.contracts.event.reporting;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;

/**
 * The hub stops processing a notifier's reports for a reasonable period after a prior warning
 * (DSA Art. 23(2)).
 *
 * @param notifierId the notifier's hub user id, if they have one
 * @param notifierEmail the notifier's address, for notifiers known by mail
 * @param reason why, as told to the notifier
 * @param unfoundedReportIds the reports found manifestly unfounded
 * @param suspendedAt when the suspension started
 * @param until when it ends by itself
 */
public record NotifierSuspended(
        @Nullable String notifierId,
        @Nullable String notifierEmail,
        String reason,
        List<UUID> unfoundedReportIds,
        Instant suspendedAt,
        Instant until)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.reporting.NotifierSuspended.v1";

    public NotifierSuspended {
        Notifiers.checkIdentity(notifierId, notifierEmail);
        text(reason, "reason");
        unfoundedReportIds = list(unfoundedReportIds, "unfoundedReportIds");
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

    @Override
    public String partitionKey() {
        return Notifiers.partitionKey(notifierId, notifierEmail);
    }
}
