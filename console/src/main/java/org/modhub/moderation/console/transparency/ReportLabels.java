package org.modhub.moderation.console.transparency;

import java.util.function.Function;

import org.modhub.moderation.console.web.Labels;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;
import org.modhub.moderation.contracts.event.dmca.RestorationReason;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;

/**
 * The transparency report's keys in the words the DSA and the content policy use: the contracts' own labels
 * (each enum's {@code label()}), the policy's titles for categories; a key this console does not know yet
 * in plain words. An auditor reads "Notice submitted by a trusted flagger", never {@code SOURCE_TRUSTED_FLAGGER}.
 */
final class ReportLabels {

    /** review-service's key for decisions without a ground (no action taken). */
    static final String NO_GROUND = "NONE";

    private ReportLabels() {}

    static String source(String key) {
        return known(SourceType.class, key, SourceType::label);
    }

    static String automation(String key) {
        return known(AutomatedDecision.class, key, AutomatedDecision::label);
    }

    static String ground(String key) {
        if (NO_GROUND.equals(key)) {
            return "No ground (no action taken)";
        }
        return known(DecisionGround.class, key, DecisionGround::label);
    }

    static String category(String key) {
        return known(PolicyCategory.class, key, c -> c.number() + ". " + c.title());
    }

    static String origin(String key) {
        return known(DecisionOrigin.class, key, DecisionOrigin::label);
    }

    static String action(String key) {
        return known(ModerationAction.class, key, ModerationAction::label);
    }

    static String appellantRole(String key) {
        return known(AppellantRole.class, key, AppellantRole::label);
    }

    static String appealOutcome(String key) {
        return known(AppealOutcome.class, key, AppealOutcome::label);
    }

    static String disputeOutcome(String key) {
        return known(DisputeOutcome.class, key, DisputeOutcome::label);
    }

    static String restoration(String key) {
        return known(RestorationReason.class, key, RestorationReason::label);
    }

    /** An audit log's action or entity type ({@code case.claimed}, {@code NOTIFIER_MUTED}) in words. */
    static String auditCode(String code) {
        return code == null ? "" : Labels.words(code.replace('.', '_'));
    }

    private static <E extends Enum<E>> String known(Class<E> type, String key, Function<E, String> label) {
        try {
            return label.apply(Enum.valueOf(type, key));
        } catch (IllegalArgumentException | NullPointerException e) {
            // A key a newer service sends that this console does not know yet: still words, not a code.
            return Labels.words(key);
        }
    }
}
