package org.modhub.moderation.contracts.event.appeals;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;

/**
 * An out-of-court dispute (DSA Art. 21) ended, as staff recorded it. Recorded again (with the same
 * {@code disputeId}) when staff correct the ending; the latest one counts. No personal data.
 *
 * @param disputeId the dispute record's id
 * @param decisionId the decision disputed
 * @param outcome how the body's procedure ended
 * @param submittedOn when the body received the dispute
 * @param settledOn when the procedure ended
 * @param implemented whether the hub implemented the body's decision, if that applies
 * @param implementedOn when it did
 * @param recordedAt when staff recorded the ending
 */
public record DisputeSettled(
        UUID disputeId,
        UUID decisionId,
        DisputeOutcome outcome,
        LocalDate submittedOn,
        LocalDate settledOn,
        @Nullable Boolean implemented,
        @Nullable LocalDate implementedOn,
        Instant recordedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.appeals.DisputeSettled.v1";

    public DisputeSettled {
        required(disputeId, "disputeId");
        required(decisionId, "decisionId");
        required(outcome, "outcome");
        required(submittedOn, "submittedOn");
        required(settledOn, "settledOn");
        check(!settledOn.isBefore(submittedOn), "settledOn must not be before submittedOn");
        check(implementedOn == null || Boolean.TRUE.equals(implemented), "implementedOn needs implemented = true");
        check(
                implementedOn == null || !implementedOn.isBefore(settledOn),
                "implementedOn must not be before settledOn");
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
