package org.modhub.moderation.appeals.api;

import java.time.LocalDate;
import java.util.UUID;

import org.modhub.moderation.appeals.domain.DisputeService.Ending;
import org.modhub.moderation.appeals.domain.DisputeService.NewDispute;
import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;
import org.modhub.moderation.kit.validation.FieldChecks;

/**
 * Checks the bodies of the dispute endpoints (recording a dispute, its ending) with the kit's {@link FieldChecks}:
 * every bad field reported at once as one 400, before anything is written.
 */
final class DisputeRequests {

    static final int MAX_BODY_NAME = 200;
    static final int MAX_NOTES = 5000;

    private DisputeRequests() {}

    static NewDispute dispute(DisputeRequest request) {
        if (request == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        UUID decisionId = check.uuid(request.decisionId(), "decisionId", true);
        UUID appealId = check.uuid(request.appealId(), "appealId", false);
        String body = check.text(request.body(), "body", true, MAX_BODY_NAME);
        LocalDate submittedOn = check.date(request.submittedOn(), "submittedOn", true);
        String notes = check.text(request.notes(), "notes", false, MAX_NOTES);
        check.throwIfAny();
        return new NewDispute(decisionId, appealId, body, submittedOn, notes);
    }

    static Ending ending(DisputeOutcomeRequest request) {
        if (request == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        DisputeOutcome outcome = check.oneOf(DisputeOutcome.class, request.outcome(), "outcome", true);
        LocalDate settledOn = check.date(request.settledOn(), "settledOn", true);
        LocalDate implementedOn = check.date(request.implementedOn(), "implementedOn", false);
        if (implementedOn != null && !Boolean.TRUE.equals(request.implemented())) {
            check.add("implementedOn", "is only allowed when implemented is true");
        }
        // Implementing means changing the decision for the recipient (review-service reverses or modifies it); a
        // decision for the provider, a settlement or a discontinued procedure leaves the decision as it stands.
        if (Boolean.TRUE.equals(request.implemented())
                && outcome != null
                && outcome != DisputeOutcome.IN_FAVOUR_OF_RECIPIENT) {
            check.add(
                    "implemented",
                    "is only for a decision in favour of the recipient (IN_FAVOUR_OF_RECIPIENT), not " + outcome);
        }
        check.throwIfAny();
        return new Ending(outcome, settledOn, request.implemented(), implementedOn);
    }
}
