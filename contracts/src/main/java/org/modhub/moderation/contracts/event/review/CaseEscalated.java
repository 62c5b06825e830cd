package org.modhub.moderation.contracts.event.review;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.Severity;

/**
 * A case was escalated and returns to the top of the queue.
 *
 * @param caseId the case
 * @param subject what it is about
 * @param reason why it was escalated
 * @param severity its severity after escalation
 * @param escalatedAt when
 */
public record CaseEscalated(
        UUID caseId, SubjectRef subject, EscalationReason reason, Severity severity, Instant escalatedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.review.CaseEscalated.v1";

    public CaseEscalated {
        required(caseId, "caseId");
        required(subject, "subject");
        required(reason, "reason");
        required(severity, "severity");
        required(escalatedAt, "escalatedAt");
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
