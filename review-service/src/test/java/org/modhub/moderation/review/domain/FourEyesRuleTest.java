package org.modhub.moderation.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.kit.problem.ProblemException;

/** The four-eyes rule alone, without Quarkus: which decisions wait for a senior moderator, and who may approve them. */
class FourEyesRuleTest {

    private static final PolicyCategory ABUSE = PolicyCategory.PLATFORM_ABUSE;
    private static final PolicySubcategory SPAM = PolicySubcategory.SPAM;

    @Test
    void disablingOrRemovingAWholeRepositoryWaitsButNotTheSameOnACommentOrFile() {
        for (SubjectKind repository : List.of(SubjectKind.MODEL, SubjectKind.DATASET, SubjectKind.SPACE)) {
            assertThat(FourEyes.needsApproval(List.of(ModerationAction.DISABLE), repository, ABUSE, SPAM))
                    .as(repository.name())
                    .isTrue();
            assertThat(FourEyes.needsApproval(List.of(ModerationAction.REMOVE), repository, ABUSE, SPAM))
                    .as(repository.name())
                    .isTrue();
        }
        assertThat(FourEyes.needsApproval(List.of(ModerationAction.REMOVE), SubjectKind.COMMENT, ABUSE, SPAM))
                .isFalse();
        assertThat(FourEyes.needsApproval(List.of(ModerationAction.DISABLE), SubjectKind.FILE, ABUSE, SPAM))
                .isFalse();
    }

    @Test
    void suspendingOrTerminatingAnAccountWaits() {
        assertThat(FourEyes.needsApproval(List.of(ModerationAction.SUSPEND_ACCOUNT), SubjectKind.ACCOUNT, ABUSE, SPAM))
                .isTrue();
        assertThat(FourEyes.needsApproval(
                        List.of(ModerationAction.TERMINATE_ACCOUNT), SubjectKind.ACCOUNT, ABUSE, SPAM))
                .isTrue();
    }

    @Test
    void lightActionsOutsideCriticalCategoriesTakeEffectAtOnce() {
        assertThat(FourEyes.needsApproval(
                        List.of(ModerationAction.UNRANK, ModerationAction.TAG_NOT_FOR_ALL_AUDIENCES),
                        SubjectKind.MODEL,
                        ABUSE,
                        SPAM))
                .isFalse();
        assertThat(FourEyes.needsApproval(List.of(ModerationAction.NO_ACTION), SubjectKind.MODEL, ABUSE, SPAM))
                .isFalse();
    }

    @Test
    void anyDecisionInACriticalCategoryWaitsEvenNoAction() {
        PolicySubcategory csam = PolicySubcategory.CHILD_SEXUAL_ABUSE_MATERIAL;
        assertThat(FourEyes.needsApproval(
                        List.of(ModerationAction.NO_ACTION), SubjectKind.COMMENT, csam.category(), csam))
                .isTrue();
        PolicySubcategory terror = PolicySubcategory.TERRORIST_CONTENT;
        assertThat(FourEyes.needsApproval(
                        List.of(ModerationAction.UNRANK), SubjectKind.POST, terror.category(), terror))
                .isTrue();
    }

    @Test
    void theDeciderIsNeverTheirOwnSecondPairOfEyes() {
        assertThatThrownBy(() -> FourEyes.requireSecondPair("mia", "mia"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("cannot approve or reject their own decision");
                });
        FourEyes.requireSecondPair("mia", "sam");
    }
}
