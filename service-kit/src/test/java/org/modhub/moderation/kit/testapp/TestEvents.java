package org.modhub.moderation.kit.testapp;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.contracts.event.reporting.ReportWithdrawn;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * The test application's notes travel as a registered contract event (envelopes accept only
 * registered types): the note id as report id, the group as the subject account (and so the Kafka
 * key), the text as the reason.
 */
public final class TestEvents {

    private TestEvents() {}

    public static ReportWithdrawn note(UUID id, String group, String text) {
        return new ReportWithdrawn(id, SubjectRef.parse("account:" + group), "kit-test", text, Instant.now());
    }
}
