package org.modhub.moderation.contracts.dsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The enumerations added for the full statement of reasons spell the API's values exactly. The
 * official lists below are copied from the EU's repository
 * github.com/digital-services-act/transparency-database, {@code app/Models/Statement.php}
 * (DECISION_MONETARIES, DECISION_PROVISIONS, ACCOUNT_TYPES, AUTOMATED_DETECTIONS,
 * INCOMPATIBLE_CONTENT_ILLEGALS) and {@code app/Services/EuropeanLanguagesService.php}. Keep them
 * verbatim; do not derive them from the enums under test.
 */
class DsaStatementEnumerationsTest {

    static final Set<String> OFFICIAL_DECISION_MONETARIES =
            Set.of("DECISION_MONETARY_SUSPENSION", "DECISION_MONETARY_TERMINATION", "DECISION_MONETARY_OTHER");

    static final Set<String> OFFICIAL_DECISION_PROVISIONS = Set.of(
            "DECISION_PROVISION_PARTIAL_SUSPENSION",
            "DECISION_PROVISION_TOTAL_SUSPENSION",
            "DECISION_PROVISION_PARTIAL_TERMINATION",
            "DECISION_PROVISION_TOTAL_TERMINATION");

    static final Set<String> OFFICIAL_ACCOUNT_TYPES = Set.of("ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE");

    static final Set<String> OFFICIAL_YES_NO = Set.of("Yes", "No");

    @Test
    void enumsSpellTheOfficialValuesExactly() {
        assertThat(names(DsaDecisionMonetary.values())).isEqualTo(OFFICIAL_DECISION_MONETARIES);
        assertThat(names(DsaDecisionProvision.values())).isEqualTo(OFFICIAL_DECISION_PROVISIONS);
        assertThat(names(DsaAccountType.values())).isEqualTo(OFFICIAL_ACCOUNT_TYPES);
        assertThat(Arrays.stream(DsaYesNo.values()).map(DsaYesNo::apiValue).collect(Collectors.toSet()))
                .isEqualTo(OFFICIAL_YES_NO);
    }

    @Test
    void yesNoReadsOnlyTheExactWords() {
        assertThat(DsaYesNo.fromApiValue("Yes")).isEqualTo(DsaYesNo.YES);
        assertThat(DsaYesNo.of(false)).isEqualTo(DsaYesNo.NO);
        assertThatThrownBy(() -> DsaYesNo.fromApiValue("yes")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void languagesAreUpperCaseIso6391() {
        assertThat(DsaLanguages.ALL).hasSize(184).allMatch(c -> c.matches("[A-Z]{2}"));
        assertThat(DsaLanguages.EU).hasSize(24).doesNotHaveDuplicates();
        assertThat(DsaLanguages.ALL).containsAll(DsaLanguages.EU);
        // Java knows each of them as an ISO 639-1 language.
        Set<String> iso = Arrays.stream(java.util.Locale.getISOLanguages())
                .map(String::toUpperCase)
                .collect(Collectors.toSet());
        assertThat(iso).containsAll(DsaLanguages.ALL);
    }

    @Test
    void keywordCategoriesFollowAnnexTwo() {
        // Every keyword but KEYWORD_OTHER (any category) and KEYWORD_STALKING (no longer grouped)
        // belongs to exactly one category, and the "not specified" category has none.
        assertThat(Arrays.stream(DsaKeyword.values()).filter(k -> k.category().isEmpty()))
                .containsExactlyInAnyOrder(DsaKeyword.KEYWORD_OTHER, DsaKeyword.KEYWORD_STALKING);
        assertThat(Arrays.stream(DsaKeyword.values())
                        .filter(k -> k.category()
                                .equals(java.util.Optional.of(
                                        DsaStatementCategory.STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE))))
                .isEmpty();
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }
}
