package org.modhub.moderation.contracts.event.dmca;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * The restoration clock is set: the content returns at {@code restoreAt} (14 U.S. business days
 * after the counter-notice was forwarded, weekends and federal holidays excluded) unless the
 * claimant shows a court action first.
 *
 * @param noticeId the notice
 * @param counterNoticeId the counter-notice
 * @param subjects what will be restored
 * @param restoreAt when it will be restored
 * @param scheduledAt when the clock was set
 */
public record RestorationScheduled(
        UUID noticeId, UUID counterNoticeId, List<SubjectRef> subjects, Instant restoreAt, Instant scheduledAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.dmca.RestorationScheduled.v1";

    public RestorationScheduled {
        required(noticeId, "noticeId");
        required(counterNoticeId, "counterNoticeId");
        subjects = nonEmptyList(subjects, "subjects");
        required(restoreAt, "restoreAt");
        required(scheduledAt, "scheduledAt");
        after(restoreAt, scheduledAt, "restoreAt", "scheduledAt");
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
