package org.modhub.moderation.contracts.dsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;

/**
 * The DSA values the contracts attach to actions, subject kinds and policy subcategories make
 * statements the validator accepts: a mapper that copies them faithfully cannot produce an
 * invalid statement because of the contracts.
 */
class StatementFromContractsTest {

    private static final StatementValidator VALIDATOR = new StatementValidator();
    private static final LocalDate APPLIED = LocalDate.of(2025, 9, 1);

    /** A statement built only from the contracts' DSA mappings, as review-service will build it. */
    static TransparencyStatement statementFor(
            Set<ModerationAction> actions, SubjectKind kind, PolicySubcategory subcategory, DecisionGround ground) {
        LinkedHashSet<DsaDecisionVisibility> visibility = new LinkedHashSet<>();
        String visibilityOther = null;
        DsaDecisionAccount account = null;
        for (ModerationAction action : actions) {
            visibility.addAll(action.dsaVisibility());
            if (action.dsaVisibilityOther().isPresent()) {
                visibilityOther = action.dsaVisibilityOther().get();
            }
            if (action.dsaAccount().isPresent()) {
                account = action.dsaAccount().get();
            }
        }
        boolean illegal = ground == DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT;
        return TransparencyStatement.builder()
                .decisionVisibility(visibility.isEmpty() ? null : new ArrayList<>(visibility))
                .decisionVisibilityOther(visibilityOther)
                .decisionAccount(account)
                .endDateAccountRestriction(ModerationAction.anyRequiresEndDate(actions) ? APPLIED.plusDays(14) : null)
                .decisionGround(ground)
                .illegalContentLegalGround(illegal ? "Applicable national law" : null)
                .illegalContentExplanation(illegal ? "Explanation of the illegality" : null)
                .incompatibleContentGround(illegal ? null : "Content Policy: " + subcategory.label())
                .incompatibleContentExplanation(illegal ? null : "Explanation of the breach")
                .contentType(kind.dsaContentType())
                .contentTypeOther(kind.dsaContentTypeOther().orElse(null))
                .category(subcategory.dsaCategory())
                .categorySpecification(subcategory.dsaKeywords().isEmpty() ? null : subcategory.dsaKeywords())
                .categorySpecificationOther(
                        subcategory.dsaKeywords().contains(DsaKeyword.KEYWORD_OTHER) ? subcategory.label() : null)
                .territorialScope(DsaTerritories.EEA)
                .contentDate(APPLIED.minusMonths(2))
                .applicationDate(APPLIED)
                .decisionFacts("Decided on " + subcategory.code())
                .sourceType(SourceType.SOURCE_VOLUNTARY)
                .automatedDetection(false)
                .automatedDecision(AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED)
                .puid("dec-" + kind.keyPrefix() + "-" + subcategory.code())
                .build();
    }

    @ParameterizedTest
    @EnumSource(ModerationAction.class)
    void everyRestrictingActionMakesAValidStatement(ModerationAction action) {
        for (SubjectKind kind : action.appliesTo()) {
            TransparencyStatement statement = statementFor(
                    EnumSet.of(action),
                    kind,
                    PolicySubcategory.SPAM,
                    DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT);
            if (action.restricts()) {
                assertThat(VALIDATOR.validate(statement))
                        .as(action + " on " + kind)
                        .isEmpty();
            } else {
                // No restriction, no statement: the database would refuse it for want of a decision.
                assertThat(VALIDATOR.validate(statement))
                        .as(action + " on " + kind)
                        .extracting(Violation::field)
                        .contains("decision_visibility", "decision_account");
            }
        }
    }

    @Test
    void everyValidCombinationOfRestrictionsOnEveryKindMakesAValidStatement() {
        List<ModerationAction> restricting = Arrays.stream(ModerationAction.values())
                .filter(ModerationAction::restricts)
                .toList();
        int checked = 0;
        for (int mask = 1; mask < 1 << restricting.size(); mask++) {
            Set<ModerationAction> actions = EnumSet.noneOf(ModerationAction.class);
            for (int i = 0; i < restricting.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    actions.add(restricting.get(i));
                }
            }
            for (SubjectKind kind : SubjectKind.values()) {
                if (!ModerationAction.isValidCombination(actions, kind)) {
                    continue;
                }
                for (DecisionGround ground : DecisionGround.values()) {
                    TransparencyStatement statement = statementFor(actions, kind, PolicySubcategory.SPAM, ground);
                    assertThat(VALIDATOR.validate(statement))
                            .as(actions + " on " + kind + ", " + ground)
                            .isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    static Stream<PolicySubcategory> subcategories() {
        return Arrays.stream(PolicySubcategory.values());
    }

    @ParameterizedTest
    @MethodSource("subcategories")
    void everySubcategoryMakesAValidStatementOnItsDefaultGround(PolicySubcategory subcategory) {
        TransparencyStatement statement = statementFor(
                EnumSet.of(ModerationAction.REMOVE),
                SubjectKind.MODEL,
                subcategory,
                DecisionGround.defaultFor(subcategory));
        assertThat(VALIDATOR.validate(statement)).as(subcategory.code()).isEmpty();
    }

    @Test
    void everySubjectKindMakesAValidStatement() {
        for (SubjectKind kind : SubjectKind.values()) {
            ModerationAction action =
                    kind == SubjectKind.ACCOUNT ? ModerationAction.TERMINATE_ACCOUNT : ModerationAction.REMOVE;
            TransparencyStatement statement = statementFor(
                    EnumSet.of(action),
                    kind,
                    PolicySubcategory.SPAM,
                    DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT);
            assertThat(VALIDATOR.validate(statement)).as(kind.name()).isEmpty();
        }
    }
}
