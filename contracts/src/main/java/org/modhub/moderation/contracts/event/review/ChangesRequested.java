package org.modhub.moderation.contracts.event.review;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * The owner was asked to change the subject; if the deadline passes without changes, the case
 * returns to the queue escalated.
 *
 * @param caseId the case
 * @param subject what must change
 * @param ownerId hub user id of the owner who is asked
 * @param deadline by when
 * @param message what to change and why, as sent to the owner
 * @param requestedBy hub user id of the moderator
 * @param requestedAt when
 */
public record ChangesRequested(
        UUID caseId,
        SubjectRef subject,
        String ownerId,
        Instant deadline,
        String message,
        String requestedBy,
        Instant requestedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.review.ChangesRequested.v1";

    public ChangesRequested {
        required(caseId, "caseId");
        required(subject, "subject");
        text(ownerId, "ownerId");
        required(deadline, "deadline");
        text(message, "message");
        text(requestedBy, "requestedBy");
        required(requestedAt, "requestedAt");
        after(deadline, requestedAt, "deadline", "requestedAt");
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
