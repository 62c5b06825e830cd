package org.modhub.moderation.contracts.event.reporting;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * A report was withdrawn; review-service drops it from its case.
 *
 * @param reportId the withdrawn report
 * @param subject what it was about
 * @param withdrawnBy hub user id of the notifier or staff member who withdrew it
 * @param reason why, if given
 * @param withdrawnAt when
 */
public record ReportWithdrawn(
        UUID reportId,
        SubjectRef subject,
        String withdrawnBy,
        @Nullable String reason,
        Instant withdrawnAt) implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.reporting.ReportWithdrawn.v1";

    public ReportWithdrawn {
        required(reportId, "reportId");
        required(subject, "subject");
        text(withdrawnBy, "withdrawnBy");
        required(withdrawnAt, "withdrawnAt");
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subjectKey() {
        return subject.key();
    }
}
