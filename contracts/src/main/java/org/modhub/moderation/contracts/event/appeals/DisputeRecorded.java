package org.modhub.moderation.contracts.event.appeals;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;

/**
 * Staff recorded a dispute about a decision brought before a certified out-of-court settlement
 * body (DSA Art. 21), for the Art. 24(1)(a) figures. Carries no personal data: the disputing
 * person and staff notes stay in appeals-service.
 *
 * @param disputeId the dispute record's id
 * @param decisionId the decision disputed
 * @param appealId the appeal that preceded it, if any
 * @param body the settlement body's name (an organisation)
 * @param submittedOn when the body received the dispute (date, UTC)
 * @param recordedAt when staff recorded it
 */
public record DisputeRecorded(
        UUID disputeId,
        UUID decisionId,
        @Nullable UUID appealId,
        String body,
        LocalDate submittedOn,
        Instant recordedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.appeals.DisputeRecorded.v1";

    public DisputeRecorded {
        required(disputeId, "disputeId");
        required(decisionId, "decisionId");
        text(body, "body");
        required(submittedOn, "submittedOn");
        required(recordedAt, "recordedAt");
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subjectKey() {
        return null;
    }

    /** Keeps one dispute's events in order. */
    @Override
    public String partitionKey() {
        return "dispute:" + disputeId;
    }
}
