package org.modhub.moderation.contracts.event.dmca;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * Staff accepted a notice (complete and not abusive): the content is to be disabled through the
 * enforcement ledger, and the uploader told, with the redacted notice, how to counter-notify.
 * A notice naming content of several uploaders gives one takedown per uploader.
 *
 * @param noticeId the accepted notice
 * @param subjects what is taken down
 * @param uploaderId hub user id of the uploader, who is told
 * @param scope whole subjects, or only some files of a repository
 * @param orderedBy hub user id of the legal staff member who accepted the notice
 * @param orderedAt when
 */
public record TakedownOrdered(
        UUID noticeId,
        List<SubjectRef> subjects,
        String uploaderId,
        TakedownScope scope,
        String orderedBy,
        Instant orderedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.dmca.TakedownOrdered.v1";

    public TakedownOrdered {
        required(noticeId, "noticeId");
        subjects = nonEmptyList(subjects, "subjects");
        text(uploaderId, "uploaderId");
        required(scope, "scope");
        check(
                scope != TakedownScope.PARTIAL || subjects.stream().allMatch(s -> s.kind() == SubjectKind.FILE),
                "a PARTIAL takedown names only file: subjects");
        check(subjects.stream().noneMatch(s -> s.kind() == SubjectKind.ACCOUNT), "a takedown cannot name an account");
        text(orderedBy, "orderedBy");
        required(orderedAt, "orderedAt");
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
