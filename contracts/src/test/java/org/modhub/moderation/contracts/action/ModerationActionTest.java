package org.modhub.moderation.contracts.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modhub.moderation.contracts.action.ModerationAction.*;
import static org.modhub.moderation.contracts.dsa.DsaDecisionVisibility.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.dsa.DsaDecisionAccount;
import org.modhub.moderation.contracts.subject.SubjectKind;

class ModerationActionTest {

    @Test
    void eachActionMapsToItsDsaDecision() {
        assertThat(REQUEST_CHANGES.dsaVisibility()).isEmpty();
        assertThat(UNRANK.dsaVisibility()).containsExactly(DECISION_VISIBILITY_CONTENT_DEMOTED);
        assertThat(TAG_NOT_FOR_ALL_AUDIENCES.dsaVisibility())
                .containsExactly(DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED, DECISION_VISIBILITY_CONTENT_LABELLED);
        assertThat(GATE.dsaVisibility()).containsExactly(DECISION_VISIBILITY_OTHER);
        assertThat(GATE.dsaVisibilityOther()).isPresent();
        assertThat(DISABLE.dsaVisibility()).containsExactly(DECISION_VISIBILITY_CONTENT_DISABLED);
        assertThat(REMOVE.dsaVisibility()).containsExactly(DECISION_VISIBILITY_CONTENT_REMOVED);
        assertThat(RESTRICT_INTERACTIONS.dsaVisibility())
                .containsExactly(DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED);
        assertThat(SUSPEND_ACCOUNT.dsaAccount()).contains(DsaDecisionAccount.DECISION_ACCOUNT_SUSPENDED);
        assertThat(TERMINATE_ACCOUNT.dsaAccount()).contains(DsaDecisionAccount.DECISION_ACCOUNT_TERMINATED);
        assertThat(NO_ACTION.dsaVisibility()).isEmpty();
        assertThat(NO_ACTION.dsaAccount()).isEmpty();
    }

    @Test
    void onlyRestrictionsNeedAStatementOfReasons() {
        assertThat(Arrays.stream(ModerationAction.values()).filter(a -> !a.restricts()))
                .containsExactlyInAnyOrder(REQUEST_CHANGES, NO_ACTION);
    }

    @Test
    void severeActionsNeedASecondApprover() {
        assertThat(Arrays.stream(ModerationAction.values()).filter(ModerationAction::isSevere))
                .containsExactlyInAnyOrder(DISABLE, REMOVE, SUSPEND_ACCOUNT, TERMINATE_ACCOUNT);
        assertThat(anySevere(List.of(UNRANK, REMOVE))).isTrue();
        assertThat(anySevere(List.of(UNRANK, TAG_NOT_FOR_ALL_AUDIENCES))).isFalse();
    }

    @Test
    void disablingOrRemovingNeedsFourEyesOnlyForAWholeRepositoryButAccountActionsAlways() {
        for (SubjectKind kind : SubjectKind.values()) {
            assertThat(DISABLE.isSevereOn(kind)).as("DISABLE on %s", kind).isEqualTo(kind.isRepository());
            assertThat(REMOVE.isSevereOn(kind)).as("REMOVE on %s", kind).isEqualTo(kind.isRepository());
            assertThat(SUSPEND_ACCOUNT.isSevereOn(kind))
                    .as("SUSPEND_ACCOUNT on %s", kind)
                    .isTrue();
            assertThat(TERMINATE_ACCOUNT.isSevereOn(kind))
                    .as("TERMINATE_ACCOUNT on %s", kind)
                    .isTrue();
            assertThat(UNRANK.isSevereOn(kind)).isFalse();
        }
        assertThat(anySevere(List.of(REMOVE), SubjectKind.COMMENT)).isFalse();
        assertThat(anySevere(List.of(REMOVE), SubjectKind.MODEL)).isTrue();
    }

    @Test
    void onlyASuspensionNeedsAnEndDate() {
        assertThat(Arrays.stream(ModerationAction.values()).filter(ModerationAction::requiresEndDate))
                .containsExactly(SUSPEND_ACCOUNT);
        assertThat(anyRequiresEndDate(List.of(DISABLE, SUSPEND_ACCOUNT))).isTrue();
    }

    @Test
    void noActionStandsAlone() {
        assertThat(isValidCombination(List.of(NO_ACTION), SubjectKind.MODEL)).isTrue();
        assertThat(problems(List.of(NO_ACTION, UNRANK), SubjectKind.MODEL))
                .containsExactly("NO_ACTION cannot be combined with other actions");
    }

    @Test
    void actionsApplyOnlyToTheirKinds() {
        assertThat(isValidCombination(List.of(GATE), SubjectKind.DATASET)).isTrue();
        assertThat(problems(List.of(GATE), SubjectKind.SPACE))
                .singleElement()
                .asString()
                .contains("GATE does not apply to a space");
        assertThat(isValidCombination(List.of(UNRANK), SubjectKind.COMMENT)).isFalse();
        assertThat(isValidCombination(List.of(TAG_NOT_FOR_ALL_AUDIENCES), SubjectKind.POST))
                .isFalse();
        assertThat(isValidCombination(List.of(REMOVE), SubjectKind.ACCOUNT)).isFalse();
        assertThat(isValidCombination(List.of(REQUEST_CHANGES), SubjectKind.ACCOUNT))
                .isFalse();
        assertThat(isValidCombination(List.of(RESTRICT_INTERACTIONS), SubjectKind.PULL_REQUEST))
                .isTrue();
        assertThat(isValidCombination(List.of(DISABLE), SubjectKind.FILE)).isTrue();
        // Account actions restrict the owner or author, so they go with any subject.
        for (SubjectKind kind : SubjectKind.values()) {
            assertThat(isValidCombination(List.of(TERMINATE_ACCOUNT), kind))
                    .as(kind.name())
                    .isTrue();
        }
        assertThat(isValidCombination(List.of(REMOVE, TERMINATE_ACCOUNT), SubjectKind.MODEL))
                .isTrue();
    }

    @Test
    void contradictoryActionsAreRejected() {
        assertThat(problems(List.of(SUSPEND_ACCOUNT, TERMINATE_ACCOUNT), SubjectKind.ACCOUNT))
                .containsExactly("SUSPEND_ACCOUNT and TERMINATE_ACCOUNT exclude each other");
        assertThat(problems(List.of(REMOVE, DISABLE), SubjectKind.MODEL))
                .singleElement()
                .asString()
                .startsWith("REMOVE cannot be combined with");
        assertThat(isValidCombination(List.of(REMOVE, UNRANK), SubjectKind.MODEL))
                .isFalse();
        assertThat(isValidCombination(List.of(TERMINATE_ACCOUNT, REQUEST_CHANGES), SubjectKind.MODEL))
                .isFalse();
        assertThat(isValidCombination(List.of(DISABLE, REQUEST_CHANGES), SubjectKind.MODEL))
                .isTrue();
        assertThat(isValidCombination(
                        List.of(UNRANK, TAG_NOT_FOR_ALL_AUDIENCES, RESTRICT_INTERACTIONS), SubjectKind.SPACE))
                .isTrue();
    }

    @Test
    void emptyRepeatedOrNullActionsAreRejected() {
        assertThat(problems(List.of(), SubjectKind.MODEL))
                .singleElement()
                .asString()
                .contains("at least one action");
        assertThat(problems(null, SubjectKind.MODEL)).isNotEmpty();
        assertThat(problems(List.of(UNRANK, UNRANK), SubjectKind.MODEL)).containsExactly("actions must not repeat");
        assertThat(problems(Collections.singletonList(null), SubjectKind.MODEL))
                .containsExactly("actions must not contain null");
    }

    @Test
    void requireValidCombinationListsEveryProblem() {
        assertThatThrownBy(() -> requireValidCombination(List.of(GATE, NO_ACTION), SubjectKind.COMMENT))
                .isInstanceOf(InvalidActionCombinationException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("on a comment")
                .hasMessageContaining("NO_ACTION cannot be combined")
                .hasMessageContaining("GATE does not apply to a comment");
    }
}
