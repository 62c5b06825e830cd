package org.modhub.moderation.contracts.event.reporting;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;

/**
 * A notifier was warned for frequently filing manifestly unfounded reports (DSA Art. 23(2)),
 * the step before a suspension.
 *
 * @param notifierId the notifier's hub user id, if they have one
 * @param notifierEmail the notifier's address, for notifiers known by mail
 * @param reason why, as told to the notifier
 * @param unfoundedReportIds the reports found manifestly unfounded
 * @param warnedAt when
 */
public record NotifierWarned(
        @Nullable String notifierId,
        @Nullable String notifierEmail,
        String reason,
        List<UUID> unfoundedReportIds,
        Instant warnedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.reporting.NotifierWarned.v1";

    public NotifierWarned {
        Notifiers.checkIdentity(notifierId, notifierEmail);
        text(reason, "reason");
        unfoundedReportIds = list(unfoundedReportIds, "unfoundedReportIds");
        required(warnedAt, "warnedAt");
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
