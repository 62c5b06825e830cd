package org.modhub.moderation.appeals.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.appeals.config.AppealsConfig;
import org.modhub.moderation.appeals.domain.NewAppeal;
import org.modhub.moderation.appeals.domain.Resolution;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.kit.validation.FieldChecks;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks the bodies of the appeal endpoints (filing, resolving, lifting a suspension) with the kit's
 * {@link FieldChecks}: every bad field reported at once as one 400, before anything is written.
 */
@ApplicationScoped
public class AppealRequests {

    static final int MAX_LIFT_REASON = 2000;

    private final AppealsConfig config;

    public AppealRequests(AppealsConfig config) {
        this.config = config;
    }

    /** A validated filing and the appellant's stated residence. */
    public record ValidFiling(NewAppeal appeal, String residence) {}

    public ValidFiling filing(FileAppealRequest request) {
        if (request == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        UUID decisionId = check.uuid(request.decisionId(), "decisionId", true);
        String arguments = check.text(
                request.arguments(), "arguments", true, config.filing().maxArgumentsLength());
        List<String> evidence = check.httpUrls(
                request.evidenceUrls(),
                "evidenceUrls",
                config.filing().maxEvidenceLinks(),
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
                ModerationAction action =
                        check.oneOf(ModerationAction.class, request.newActions().get(i), "newActions[" + i + "]", true);
                if (action != null) {
                    actions.add(action);
                }
            }
        }
        String explanation = check.text(
                request.explanation(), "explanation", true, config.review().maxExplanationLength());
        check.throwIfAny();
        return new Resolution(
                outcome, List.copyOf(actions), explanation, Boolean.TRUE.equals(request.manifestlyUnfounded()));
    }

    public String liftReason(LiftRequest request) {
        FieldChecks check = new FieldChecks();
        String reason = check.text(request == null ? null : request.reason(), "reason", true, MAX_LIFT_REASON);
        check.throwIfAny();
        return reason;
    }
}
