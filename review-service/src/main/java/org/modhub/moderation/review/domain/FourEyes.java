package org.modhub.moderation.review.domain;

import java.util.List;

import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;
import org.modhub.moderation.kit.problem.ProblemException;

/** The four-eyes rule: which decisions wait for a second, senior moderator, and who may be that second pair of eyes. */
public final class FourEyes {

    private FourEyes() {}

    /**
     * Whether a decision waits for a second, senior moderator: an account suspension or termination,
     * disabling or removing a whole repository, or any decision in a critical category.
     */
    public static boolean needsApproval(
            List<ModerationAction> actions, SubjectKind kind, PolicyCategory category, PolicySubcategory subcategory) {
        return ModerationAction.anySevere(actions, kind)
                || Taxonomy.severityOf(category, subcategory) == Severity.CRITICAL;
    }

    /** A 403 unless {@code senior} is someone other than {@code decider}: no one approves or rejects their own decision. */
    public static void requireSecondPair(String decider, String senior) {
        if (senior.equals(decider)) {
            throw ProblemException.forbidden("Four eyes: the decider cannot approve or reject their own decision");
        }
    }
}
