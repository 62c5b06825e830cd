package org.modhub.moderation.review.transparency;

import java.util.Locale;
import java.util.function.Function;

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
 * The words a reader sees for the report's keys: the contracts' own titles and labels (policy
 * categories by the policy's headings, source types and grounds as the DSA database words them), so
 * the report says what the rest of the hub says. A key no constant knows (a row older than a renamed
 * constant) is spelled out rather than dropped.
 */
final class ReportLabels {

    private ReportLabels() {}

    static String category(String key) {
        for (PolicyCategory category : PolicyCategory.values()) {
            if (category.name().equals(key) || category.code().equals(key)) {
                return category.title();
            }
        }
        return spelledOut(key);
    }

    static String source(String key) {
        return label(SourceType.class, key, SourceType::label);
    }

    static String origin(String key) {
        return label(DecisionOrigin.class, key, DecisionOrigin::label);
    }

    static String automation(String key) {
        return label(AutomatedDecision.class, key, AutomatedDecision::label);
    }

    /** {@link TransparencyReportService#NO_GROUND} is the report's own key for decisions that took no action. */
    static String ground(String key) {
        return TransparencyReportService.NO_GROUND.equals(key)
                ? "No ground (no action taken)"
                : label(DecisionGround.class, key, DecisionGround::label);
    }

    static String action(String key) {
        return label(ModerationAction.class, key, ModerationAction::label);
    }

    static String appellant(String key) {
        return label(AppellantRole.class, key, AppellantRole::label);
    }

    static String appealOutcome(String key) {
        return label(AppealOutcome.class, key, AppealOutcome::label);
    }

    static String disputeOutcome(String key) {
        return label(DisputeOutcome.class, key, DisputeOutcome::label);
    }

    static String restorationReason(String key) {
        return label(RestorationReason.class, key, RestorationReason::label);
    }

    private static <E extends Enum<E>> String label(Class<E> type, String key, Function<E, String> label) {
        try {
            return label.apply(Enum.valueOf(type, key));
        } catch (IllegalArgumentException unknown) {
            return spelledOut(key);
        }
    }

    /** {@code SOME_OLD_KEY} as "Some old key": readable, and never mistaken for a current label. */
    static String spelledOut(String key) {
        String words = key.replace('_', ' ').toLowerCase(Locale.ROOT).strip();
        return words.isEmpty() ? "(none)" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
