package org.modhub.moderation.appeals.domain;

import java.util.Arrays;
import java.util.List;

import org.modhub.moderation.appeals.persistence.DecisionCopyEntity;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.problem.ProblemException;

/** A reviewer's decision on an appeal, and what it may say given the decision appealed against. */
public record Resolution(
        AppealOutcome outcome, List<ModerationAction> newActions, String explanation, boolean manifestlyUnfounded) {

    /**
     * {@code UPHELD} has no new actions; {@code REVERSED} of a restriction has none, of a no-action decision names the
     * restrictions now imposed; {@code MODIFIED} names actions that replace the decision's (a valid combination for the
     * subject, a suspension only where the original suspended, as review-service keeps its end date). Only an upheld
     * decision can find the appeal manifestly unfounded. A broken rule is a 400 on the field.
     */
    public void checkAgainst(DecisionCopyEntity decision) {
        switch (outcome) {
            case UPHELD -> {
                if (!newActions.isEmpty()) {
                    throw ProblemException.invalidField("newActions", "must be empty when the decision is upheld");
                }
            }
            case REVERSED -> {
                if (decision.restricts && !newActions.isEmpty()) {
                    throw ProblemException.invalidField(
                            "newActions", "must be empty when reversing a restriction (use MODIFIED to replace it)");
                }
                if (!decision.restricts && newActions.stream().noneMatch(ModerationAction::restricts)) {
                    throw ProblemException.invalidField(
                            "newActions",
                            "must name the restrictions now imposed when reversing a decision that took no action");
                }
            }
            case MODIFIED -> {
                if (newActions.isEmpty()) {
                    throw ProblemException.invalidField(
                            "newActions", "must name the actions that replace the decision's");
                }
            }
        }
        if (!newActions.isEmpty()) {
            List<String> problems = ModerationAction.problems(
                    newActions, SubjectRef.parse(decision.subjectKey).kind());
            if (!problems.isEmpty()) {
                throw ProblemException.invalidField("newActions", String.join("; ", problems));
            }
            List<ModerationAction> current = actionsOf(decision);
            // review-service keeps the original end date for a suspension; a decision without one has none to keep.
            if (ModerationAction.anyRequiresEndDate(newActions) && !ModerationAction.anyRequiresEndDate(current)) {
                throw ProblemException.invalidField(
                        "newActions",
                        "SUSPEND_ACCOUNT needs an end date; only a decision that suspended can be modified into a suspension");
            }
            if (outcome == AppealOutcome.MODIFIED && newActions.equals(current)) {
                throw ProblemException.invalidField("newActions", "are the decision's own actions: that is UPHELD");
            }
        }
        if (manifestlyUnfounded && outcome != AppealOutcome.UPHELD) {
            throw ProblemException.invalidField(
                    "manifestlyUnfounded", "only an upheld decision can find the appeal manifestly unfounded");
        }
    }

    private static List<ModerationAction> actionsOf(DecisionCopyEntity decision) {
        return Arrays.stream(decision.actions.split(","))
                .filter(s -> !s.isBlank())
                .map(ModerationAction::valueOf)
                .toList();
    }
}
