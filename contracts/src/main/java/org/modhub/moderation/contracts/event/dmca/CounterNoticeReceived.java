package org.modhub.moderation.contracts.event.dmca;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * A counter-notice meeting 17 U.S.C. 512(g)(3) was received and forwarded to the claimant.
 *
 * @param counterNoticeId the counter-notice's id
 * @param noticeId the notice it answers
 * @param subjects what the uploader asks to have restored
 * @param uploaderId hub user id of the uploader who filed it
 * @param receivedAt when
 */
public record CounterNoticeReceived(
        UUID counterNoticeId, UUID noticeId, List<SubjectRef> subjects, String uploaderId, Instant receivedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.dmca.CounterNoticeReceived.v1";

    public CounterNoticeReceived {
        required(counterNoticeId, "counterNoticeId");
        required(noticeId, "noticeId");
        subjects = nonEmptyList(subjects, "subjects");
        text(uploaderId, "uploaderId");
        required(receivedAt, "receivedAt");
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
