package org.modhub.moderation.contracts.event.dmca;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * A DMCA takedown notice was received and checked for the six elements of
 * 17 U.S.C. 512(c)(3)(A); an incomplete one goes back to its sender for revision. Carries no
 * claimant details: those stay in dmca-service.
 *
 * @param noticeId the notice's id
 * @param subjects the hub content it names, as far as it could be resolved (may be empty while incomplete)
 * @param channel how it arrived
 * @param missingElements the elements it lacks; empty when complete
 * @param receivedAt when
 */
public record NoticeReceived(
        UUID noticeId,
        List<SubjectRef> subjects,
        NoticeChannel channel,
        List<DmcaNoticeElement> missingElements,
        Instant receivedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.dmca.NoticeReceived.v1";

    public NoticeReceived {
        required(noticeId, "noticeId");
        subjects = list(subjects, "subjects");
        required(channel, "channel");
        missingElements = list(missingElements, "missingElements");
        check(missingElements.stream().distinct().count() == missingElements.size(), "missingElements must not repeat");
        required(receivedAt, "receivedAt");
    }

    /** Whether all six elements are present. */
    public boolean complete() {
        return missingElements.isEmpty();
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
