package org.modhub.moderation.console.transparency;

import java.util.function.Function;

import org.modhub.moderation.console.web.Labels;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;

/**
 * The transparency report's keys in the words the DSA and the content policy use: the contracts' own labels
 * where they have one (source types, grounds, automation), the policy's titles for categories, plain words
 * for the rest. An auditor reads "Notice submitted by a trusted flagger", never {@code SOURCE_TRUSTED_FLAGGER}.
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
        return known(DecisionOrigin.class, key, origin -> switch (origin) {
            case REPORT -> "Notice (report)";
            case DMCA -> "DMCA notice";
            case APPEAL -> "Appeal";
            case OWN_INITIATIVE -> "Own initiative";
        });
    }

    /** Anything else (actions, outcomes, roles, reasons): the code in words. */
    static String words(String key) {
        return Labels.words(key);
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
