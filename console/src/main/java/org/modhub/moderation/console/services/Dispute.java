package org.modhub.moderation.console.services;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An out-of-court dispute record (DSA Art. 21). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dispute(
        String id,
        String decisionId,
        String appealId,
        String body,
        LocalDate submittedOn,
        LocalDate settledOn,
        String outcome,
        Boolean implemented,
        LocalDate implementedOn,
        String notes,
        String recordedBy) {

    public boolean pending() {
        return outcome == null;
    }
}
