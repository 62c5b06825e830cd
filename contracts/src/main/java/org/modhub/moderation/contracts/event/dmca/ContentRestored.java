package org.modhub.moderation.contracts.event.dmca;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * Content taken down on a notice is to be restored; review-service records the reversal of the
 * takedown decision and lifts the restriction.
 *
 * @param noticeId the notice
 * @param counterNoticeId the counter-notice, when the restoration follows one
 * @param subjects what is restored
 * @param uploaderId hub user id of the uploader, who is told
 * @param reason why
 * @param restoredAt when
 */
public record ContentRestored(
        UUID noticeId,
        @Nullable UUID counterNoticeId,
        List<SubjectRef> subjects,
        String uploaderId,
        RestorationReason reason,
        Instant restoredAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.dmca.ContentRestored.v1";

    public ContentRestored {
        required(noticeId, "noticeId");
        subjects = nonEmptyList(subjects, "subjects");
        text(uploaderId, "uploaderId");
        required(reason, "reason");
        check(
                reason != RestorationReason.COUNTER_NOTICE_PERIOD_ELAPSED || counterNoticeId != null,
                "a restoration after the counter-notice period names the counterNoticeId");
        required(restoredAt, "restoredAt");
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
