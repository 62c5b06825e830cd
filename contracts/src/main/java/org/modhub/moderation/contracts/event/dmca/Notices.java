package org.modhub.moderation.contracts.event.dmca;

import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.subject.SubjectRef;

/** Shared keys for the notice events: one notice's events stay in order on one partition. */
final class Notices {

    private Notices() {}

    static String partitionKey(UUID noticeId) {
        return "dmca-notice:" + noticeId;
    }

    /** The one subject's key, or null when the notice names several. */
    static String subjectKey(List<SubjectRef> subjects) {
        return subjects.size() == 1 ? subjects.get(0).key() : null;
    }
}
