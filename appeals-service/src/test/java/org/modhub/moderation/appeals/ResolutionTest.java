package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modhub.moderation.contracts.action.ModerationAction.DISABLE;
import static org.modhub.moderation.contracts.action.ModerationAction.REMOVE;
import static org.modhub.moderation.contracts.action.ModerationAction.REQUEST_CHANGES;
import static org.modhub.moderation.contracts.action.ModerationAction.SUSPEND_ACCOUNT;
import static org.modhub.moderation.contracts.action.ModerationAction.UNRANK;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.appeals.domain.Resolution;
import org.modhub.moderation.appeals.persistence.DecisionCopyEntity;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.kit.problem.ProblemException;

/** What a reviewer's decision may say, given the decision appealed against: a pure rule, no Quarkus, no infrastructure. */
class ResolutionTest {

    private static final DecisionCopyEntity DISABLED = decision("DISABLE", true);
    private static final DecisionCopyEntity NO_ACTION = decision("NO_ACTION", false);

    @Test
    void upheldNamesNoNewActions() {
        assertThatCode(() -> resolution(AppealOutcome.UPHELD, List.of(), true).checkAgainst(DISABLED))
                .doesNotThrowAnyException();
        refused(resolution(AppealOutcome.UPHELD, List.of(REMOVE), false), DISABLED, "newActions");
    }

    @Test
    void reversingARestrictionNamesNothingReversingNoActionNamesTheRestrictionsNowImposed() {
        assertThatCode(() ->
                        resolution(AppealOutcome.REVERSED, List.of(), false).checkAgainst(DISABLED))
                .doesNotThrowAnyException();
        refused(resolution(AppealOutcome.REVERSED, List.of(REMOVE), false), DISABLED, "newActions");
        refused(resolution(AppealOutcome.REVERSED, List.of(REQUEST_CHANGES), false), NO_ACTION, "newActions");
        assertThatCode(() -> resolution(AppealOutcome.REVERSED, List.of(DISABLE), false)
                        .checkAgainst(NO_ACTION))
                .doesNotThrowAnyException();
    }

    @Test
    void modifiedNamesOtherValidActionsAndASuspensionOnlyWhereTheOriginalSuspended() {
        assertThatCode(() -> resolution(AppealOutcome.MODIFIED, List.of(UNRANK), false)
                        .checkAgainst(DISABLED))
                .doesNotThrowAnyException();
        refused(resolution(AppealOutcome.MODIFIED, List.of(), false), DISABLED, "newActions");
        refused(resolution(AppealOutcome.MODIFIED, List.of(DISABLE), false), DISABLED, "newActions");
        refused(resolution(AppealOutcome.MODIFIED, List.of(REMOVE, DISABLE), false), DISABLED, "newActions");
        refused(resolution(AppealOutcome.MODIFIED, List.of(SUSPEND_ACCOUNT), false), DISABLED, "newActions");
        assertThatCode(() -> resolution(AppealOutcome.MODIFIED, List.of(SUSPEND_ACCOUNT), false)
                        .checkAgainst(decision("DISABLE,SUSPEND_ACCOUNT", true)))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyAnUpheldDecisionFindsTheAppealManifestlyUnfounded() {
        refused(resolution(AppealOutcome.REVERSED, List.of(), true), DISABLED, "manifestlyUnfounded");
    }

    private static Resolution resolution(AppealOutcome outcome, List<ModerationAction> actions, boolean unfounded) {
        return new Resolution(outcome, actions, "Reasons.", unfounded);
    }

    private static void refused(Resolution resolution, DecisionCopyEntity decision, String field) {
        assertThatThrownBy(() -> resolution.checkAgainst(decision))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.errors())
                                .extracting(f -> f.field())
                                .containsExactly(field));
    }

    private static DecisionCopyEntity decision(String actions, boolean restricts) {
        DecisionCopyEntity decision = new DecisionCopyEntity();
        decision.decisionId = UUID.randomUUID();
        decision.subjectKey = "model:acme/casino-bot";
        decision.actions = actions;
        decision.restricts = restricts;
        return decision;
    }
}
