package org.modhub.moderation.contracts.event.dmca;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * The claimant showed that they filed a court action in time: the scheduled restoration is
 * cancelled and the content stays disabled. The evidence stays in dmca-service.
 *
 * @param noticeId the notice
 * @param counterNoticeId the counter-notice whose restoration is cancelled
 * @param subjects what stays disabled
 * @param reportedAt when the evidence was recorded
 */
public record CourtActionReported(UUID noticeId, UUID counterNoticeId, List<SubjectRef> subjects, Instant reportedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.dmca.CourtActionReported.v1";

    public CourtActionReported {
        required(noticeId, "noticeId");
        required(counterNoticeId, "counterNoticeId");
        subjects = nonEmptyList(subjects, "subjects");
        required(reportedAt, "reportedAt");
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subjectKey() {
        return Notices.subjectKey(subjects);
    }

    @Override
    public String partitionKey() {
        return Notices.partitionKey(noticeId);
    }
}
