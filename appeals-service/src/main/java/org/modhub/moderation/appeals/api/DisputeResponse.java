package org.modhub.moderation.appeals.api;

import java.time.LocalDate;
import java.util.UUID;

/** An out-of-court dispute record. */
public record DisputeResponse(
        UUID id,
        UUID decisionId,
        UUID appealId,
        String body,
        LocalDate submittedOn,
        LocalDate settledOn,
        String outcome,
        Boolean implemented,
        LocalDate implementedOn,
        String notes,
        String recordedBy) {}
