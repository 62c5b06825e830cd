package org.modhub.moderation.dmca.domain;

import java.util.List;

import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * Legal's choice of an uploader when accepting: a hub account id among the subjects' owners
 * ({@code GET /api/v1/dmca/notices/{id}/owners}), and which of the notice's subjects are theirs
 * (empty: all of them, when legal names one uploader). Everything else about them comes from the
 * hub directory.
 */
public record OwnerChoice(String id, List<SubjectRef> subjects) {

    public OwnerChoice {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }
}
