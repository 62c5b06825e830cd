package org.modhub.moderation.appeals.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.appeals.config.AppealsConfig;
import org.modhub.moderation.appeals.domain.AppealService.Resolution;
import org.modhub.moderation.appeals.domain.DisputeService.Ending;
import org.modhub.moderation.appeals.domain.DisputeService.NewDispute;
import org.modhub.moderation.appeals.domain.NewAppeal;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;
import org.modhub.moderation.kit.validation.FieldChecks;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks request bodies field by field; every failure is collected and reported at once as a 400
 * naming each field, before anything is written.
 */
@ApplicationScoped
public class RequestValidator {

    static final int MAX_BODY_NAME = 200;
    static final int MAX_NOTES = 5000;

    private final AppealsConfig config;

    public RequestValidator(AppealsConfig config) {
        this.config = config;
    }

    /** A validated filing and the appellant's stated residence. */
    public record ValidFiling(NewAppeal appeal, String residence) {
    }

    public ValidFiling filing(FileAppealRequest request) {
        if (request == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        UUID decisionId = uuid(check, request.decisionId(), "decisionId", true);
        String arguments = check.text(request.arguments(), "arguments", true, config.filing().maxArgumentsLength());
        List<String> evidence = check.httpUrls(request.evidenceUrls(), "evidenceUrls", config.filing().maxEvidenceLinks(),
                config.filing().maxUrlLength());
        String residence = check.country(request.residence(), "residence", false);
        check.throwIfAny();
        return new ValidFiling(new NewAppeal(decisionId, arguments, evidence), residence);
    }

    public Resolution resolution(ResolveAppealRequest request) {
        if (request == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        AppealOutcome outcome = check.oneOf(AppealOutcome.class, request.outcome(), "outcome", true);
        List<ModerationAction> actions = new ArrayList<>();
        if (request.newActions() != null) {
            for (int i = 0; i < request.newActions().size(); i++) {
                ModerationAction action = check.oneOf(ModerationAction.class, request.newActions().get(i), "newActions[" + i + "]",
                        true);
                if (action != null) {
                    actions.add(action);
                }
            }
        }
        String explanation = check.text(request.explanation(), "explanation", true, config.review().maxExplanationLength());
        check.throwIfAny();
        return new Resolution(outcome, List.copyOf(actions), explanation, Boolean.TRUE.equals(request.manifestlyUnfounded()));
    }

    public NewDispute dispute(DisputeRequest request) {
        if (request == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        UUID decisionId = uuid(check, request.decisionId(), "decisionId", true);
        UUID appealId = uuid(check, request.appealId(), "appealId", false);
        String body = check.text(request.body(), "body", true, MAX_BODY_NAME);
        LocalDate submittedOn = date(check, request.submittedOn(), "submittedOn", true);
        String notes = check.text(request.notes(), "notes", false, MAX_NOTES);
        check.throwIfAny();
        return new NewDispute(decisionId, appealId, body, submittedOn, notes);
    }

    public Ending ending(DisputeOutcomeRequest request) {
        if (request == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        DisputeOutcome outcome = check.oneOf(DisputeOutcome.class, request.outcome(), "outcome", true);
        LocalDate settledOn = date(check, request.settledOn(), "settledOn", true);
        LocalDate implementedOn = date(check, request.implementedOn(), "implementedOn", false);
        if (implementedOn != null && !Boolean.TRUE.equals(request.implemented())) {
            check.add("implementedOn", "is only allowed when implemented is true");
        }
        // Implementing means changing the decision for the recipient (review-service reverses or modifies it); a
        // decision for the provider, a settlement or a discontinued procedure leaves the decision as it stands.
        if (Boolean.TRUE.equals(request.implemented()) && outcome != null && outcome != DisputeOutcome.IN_FAVOUR_OF_RECIPIENT) {
            check.add("implemented", "is only for a decision in favour of the recipient (IN_FAVOUR_OF_RECIPIENT), not " + outcome);
        }
        check.throwIfAny();
        return new Ending(outcome, settledOn, request.implemented(), implementedOn);
    }

    public String reason(LiftRequest request) {
        FieldChecks check = new FieldChecks();
        String reason = check.text(request == null ? null : request.reason(), "reason", true, 2000);
        check.throwIfAny();
        return reason;
    }

    private static UUID uuid(FieldChecks check, String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                check.add(field, "is required");
            }
            return null;
        }
        try {
            UUID id = UUID.fromString(value.strip());
            if (!id.toString().equalsIgnoreCase(value.strip())) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            check.add(field, "must be a UUID like 0b6c2a9e-1d3f-4e5a-9b7c-2d8e4f6a1b3c");
            return null;
        }
    }

    private static LocalDate date(FieldChecks check, String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                check.add(field, "is required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            check.add(field, "must be a date like 2026-01-31");
            return null;
        }
    }
}
